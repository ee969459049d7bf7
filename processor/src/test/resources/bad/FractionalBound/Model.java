package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0.5, 10}) int depth; // error: [FractionalBound] hyperparameter 'depth' of type int: bound 0.5 is not a whole number; use whole bounds or declare the field double
}
