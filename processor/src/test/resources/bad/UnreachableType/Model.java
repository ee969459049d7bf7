package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  private enum Mode { FAST, SLOW }

  @Hyperparameter Mode mode; // error: [UnreachableType] field 'mode' has type test.Model.Mode, which is private, so the generated ModelHyperparameters cannot name it; make Mode at least package-private
}
