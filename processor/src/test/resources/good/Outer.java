package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

public class Outer {
  public static class Inner {
    @Hyperparameter(range = {0, 1}) double alpha = 0.5;
  }

  static class Memory {
    @Learned int[][][] cells;
    @Learned long steps;
  }
}
