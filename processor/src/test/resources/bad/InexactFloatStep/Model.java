package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}, step = 0.1) float rate; // error: [InexactFloatStep] hyperparameter 'rate' of type float: 0.1, a value of range {0.0, 1.0} in steps of 0.1, is not an exact float, so values cannot be checked against the grid; declare the field double or use a step such as 0.5 or 0.25
  @Hyperparameter(range = {0, 1}, step = 0.25) float dropout;
}
