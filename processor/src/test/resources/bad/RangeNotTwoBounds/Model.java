package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1, 2}) double rate; // error: [RangeNotTwoBounds] hyperparameter 'rate': range must be {min, max}, got {0.0, 1.0, 2.0}; give exactly two bounds
  @Hyperparameter(range = 5) int depth; // error: [RangeNotTwoBounds] hyperparameter 'depth': range must be {min, max}, got {5.0}; give exactly two bounds
}
