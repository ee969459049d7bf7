package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) double rate = 2; // error: [InitialValueOutOfRange] hyperparameter 'rate': the initial value 2.0 is outside range {0.0, 1.0}, so a fresh model holds a value its own search space rejects; change the initial value or the range
  @Hyperparameter(range = {1, 8}) int depth = -1; // error: [InitialValueOutOfRange] hyperparameter 'depth': the initial value -1 is outside range {1, 8}
  static final int WIDTH = 100;
  @Hyperparameter(range = {1, 64}) int width = WIDTH; // error: [InitialValueOutOfRange] hyperparameter 'width': the initial value 100 is outside range {1, 64}
}
