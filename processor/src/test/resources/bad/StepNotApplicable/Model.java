package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(step = 1) boolean shuffle; // error: [StepNotApplicable] hyperparameter 'shuffle' of type boolean takes no step, its values are true and false; remove step

  sealed interface Optimizer permits Sgd, Adam {}

  static final class Sgd implements Optimizer {}

  static final class Adam implements Optimizer {
    @Hyperparameter(range = {0.8, 0.999}) double beta1 = 0.9;
  }

  static class Schedule {
    @Hyperparameter(range = {0, 10}) int warmup = 2;
  }

  @Hyperparameter(step = 1) Schedule schedule; // error: [StepNotApplicable] hyperparameter 'schedule' of type test.Model.Schedule takes no step, its values are the values of the hyperparameters of Schedule; remove step
}
