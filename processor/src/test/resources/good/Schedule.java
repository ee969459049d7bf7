package test;

import dev.tunable.annotations.Hyperparameter;

public class Schedule {
  @Hyperparameter(range = {0, 10})
  int warmup = 2;
}
