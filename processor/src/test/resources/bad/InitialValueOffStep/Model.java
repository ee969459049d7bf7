package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 10}, step = 2) int depth = 3; // error: [InitialValueOffStep] hyperparameter 'depth': the initial value 3 is not on the grid of range {0, 10} in steps of 2; change the initial value or the step
}
