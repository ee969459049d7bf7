package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) Double rate; // error: [BoxedType] hyperparameter 'rate' has type Double, which can be null, but a hyperparameter always has a value; declare it double
  @Hyperparameter(range = {1, 8}) Integer depth; // error: [BoxedType] hyperparameter 'depth' has type Integer, which can be null, but a hyperparameter always has a value; declare it int
}
