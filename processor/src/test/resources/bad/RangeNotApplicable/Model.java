package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) boolean shuffle; // error: [RangeNotApplicable] hyperparameter 'shuffle' of type boolean takes no range, its values are true and false; remove range

  sealed interface Optimizer permits Sgd, Adam {}

  static final class Sgd implements Optimizer {}

  static final class Adam implements Optimizer {
    @Hyperparameter(range = {0.8, 0.999}) double beta1 = 0.9;
  }

  static class Schedule {
    @Hyperparameter(range = {0, 10}) int warmup = 2;
  }

  @Hyperparameter(range = {0, 1}) Optimizer optimizer = new Sgd(); // error: [RangeNotApplicable] hyperparameter 'optimizer' of type test.Model.Optimizer takes no range, its values are the permitted classes of Optimizer; remove range
  @Hyperparameter(range = {0, 1}) Schedule schedule = new Schedule(); // error: [RangeNotApplicable] hyperparameter 'schedule' of type test.Model.Schedule takes no range, its values are the values of the hyperparameters of Schedule; remove range
}
