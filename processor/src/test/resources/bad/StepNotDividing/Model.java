package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}, step = 0.3) double rate; // error: [StepNotDividing] hyperparameter 'rate': step 0.3 does not divide range {0.0, 1.0} (it fits 3.33333 times); use a step that fits a whole number of times, or change the upper bound to 0.9
  @Hyperparameter(range = {1, 100}, step = 10) int depth; // error: [StepNotDividing] hyperparameter 'depth': step 10 does not divide range {1, 100} (it fits 9.9 times); use a step that fits a whole number of times, or change the upper bound to 91
}
