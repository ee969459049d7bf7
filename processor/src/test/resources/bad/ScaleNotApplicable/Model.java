package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Scale;

public class Model {
  enum Mode { FAST, SLOW }

  @Hyperparameter(scale = Scale.LOG) Mode mode; // error: [ScaleNotApplicable] hyperparameter 'mode' of type test.Model.Mode has no scale, its values are its choices; remove scale
}
