package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Scale;

public class Model {
  enum Mode { FAST, SLOW }

  @Hyperparameter(scale = Scale.LOG) Mode mode; // error: [ScaleNotApplicable] hyperparameter 'mode' of type test.Model.Mode has no scale, its values are its choices; remove scale

  sealed interface Optimizer permits Sgd, Adam {}

  static final class Sgd implements Optimizer {}

  static final class Adam implements Optimizer {
    @Hyperparameter(range = {0.8, 0.999}) double beta1 = 0.9;
  }

  static class Schedule {
    @Hyperparameter(range = {0, 10}) int warmup = 2;
  }

  @Hyperparameter(scale = Scale.LOG) Optimizer optimizer; // error: [ScaleNotApplicable] hyperparameter 'optimizer' of type test.Model.Optimizer has no scale, its values are the permitted classes of Optimizer; remove scale
}
