package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {3, 3}) int depth; // error: [SingleValueRange] hyperparameter 'depth': range {3, 3} holds a single value, and a fixed value is not a hyperparameter; widen the range or remove @Hyperparameter
}
