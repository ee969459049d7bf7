package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}, step = -0.1) double rate; // error: [StepNotPositive] hyperparameter 'rate': step must be above 0, got -0.1; use a positive step, or leave step out for a continuous range
}
