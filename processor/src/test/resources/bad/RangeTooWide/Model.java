package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {-1e308, 1e308}) double offset; // error: [RangeTooWide] hyperparameter 'offset': range {-1.0E308, 1.0E308} is wider than the largest double, so values inside it cannot be computed; narrow the range
  @Hyperparameter(range = {-1e308, 0}) double shift;
}
