package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) double learningRate;
  @Hyperparameter(range = {0, 1}) double learning_rate; // error: [ConstantClash] hyperparameters 'learningRate' and 'learning_rate' both become the constant LEARNING_RATE of the generated ModelHyperparameters; rename one of the fields
}
