package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  sealed interface Optimizer permits Sgd, Adam {}

  static final class Sgd implements Optimizer {}

  static final class Adam implements Optimizer {
    @Hyperparameter(range = {0.8, 0.999}) double beta1 = 0.9;
  }

  @Hyperparameter Optimizer optimizer = new Adam();
  @Hyperparameter(range = {0.8, 0.999}, name = "optimizer.adam.beta1") double beta = 0.9; // error: [DottedNameClash] hyperparameter 'beta' has the dimension "optimizer.adam.beta1", but so has hyperparameter 'optimizer' (names of nested classes and choices are dotted); give one of them another name = "..."
}
