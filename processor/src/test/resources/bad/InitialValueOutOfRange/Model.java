package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) double rate = 2; // error: [InitialValueOutOfRange] hyperparameter 'rate': the initial value 2.0 is outside range {0.0, 1.0}, so a fresh model holds a value its own search space rejects; change the initial value or the range
  @Hyperparameter(range = {1, 8}) int depth = -1; // error: [InitialValueOutOfRange] hyperparameter 'depth': the initial value -1 is outside range {1, 8}
  static final int WIDTH = 100;
  @Hyperparameter(range = {1, 64}) int width = WIDTH; // error: [InitialValueOutOfRange] hyperparameter 'width': the initial value 100 is outside range {1, 64}
  // Constant expressions are evaluated as javac would.
  @Hyperparameter(range = {1, 64}) int half = WIDTH / 2 + 20; // error: [InitialValueOutOfRange] hyperparameter 'half': the initial value 70 is outside range {1, 64}
  @Hyperparameter(range = {0, 0.5}) double share = (double) 3 / 4; // error: [InitialValueOutOfRange] hyperparameter 'share': the initial value 0.75 is outside range {0.0, 0.5}
  @Hyperparameter(range = {0, 0.5}) double truncated = 3 / 4; // 0, as integer division gives
  @Hyperparameter(range = {1, 8}) long steps = (long) 1e3; // error: [InitialValueOutOfRange] hyperparameter 'steps': the initial value 1000 is outside range {1, 8}
  @Hyperparameter(range = {0, 1}) float lean = 0.5f * 3; // error: [InitialValueOutOfRange] hyperparameter 'lean': the initial value 1.5 is outside range {0.0, 1.0}
}
