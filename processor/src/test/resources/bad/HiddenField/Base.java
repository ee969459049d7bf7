package test;

import dev.tunable.annotations.Hyperparameter;

public class Base {
  @Hyperparameter(range = {0, 1}) double rate;
}
