package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  static final int STEPS = 8;

  @Hyperparameter(range = {0, 1}, step = 1 / 4) double fraction; // error: [IntegerDivision] hyperparameter 'fraction': step holds 1 / 4, a division of integers, which Java truncates to 0.0; write 0.25
  @Hyperparameter(range = {(1 / 3), 1}) double share = 0.5; // error: [IntegerDivision] hyperparameter 'share': range holds 1 / 3, a division of integers, which Java truncates to 0.0; write 0.3333333333333333
  @Hyperparameter(range = {0, 10}, step = 10 / STEPS) double width; // error: [IntegerDivision] hyperparameter 'width': step holds 10 / STEPS, a division of integers, which Java truncates to 1.0; write 1.25
  // Exact divisions and double divisions are what they read as.
  @Hyperparameter(range = {0, 10 / 2}, step = 1.0 / 4) double even;
}
