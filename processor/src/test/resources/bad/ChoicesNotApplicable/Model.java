package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}, choices = {"a"}) double rate; // error: [ChoicesNotApplicable] hyperparameter 'rate' of type double takes no choices, which are for String and enum fields; remove choices

  sealed interface Optimizer permits Sgd, Adam {}

  static final class Sgd implements Optimizer {}

  static final class Adam implements Optimizer {
    @Hyperparameter(range = {0.8, 0.999}) double beta1 = 0.9;
  }

  static class Schedule {
    @Hyperparameter(range = {0, 10}) int warmup = 2;
  }

  @Hyperparameter(choices = {"sgd", "adam"}) Optimizer optimizer; // error: [ChoicesNotApplicable] hyperparameter 'optimizer' of type test.Model.Optimizer takes no choices, which are for String and enum fields; remove choices
}
