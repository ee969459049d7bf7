package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 10}, step = 2.5) int depth; // error: [FractionalStep] hyperparameter 'depth' of type int: step 2.5 is not a whole number; use a whole step or declare the field double
}
