package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

public class Base {
  @Hyperparameter(range = {0, 1}) double rate;
  @Learned double[] weights;
  @Hyperparameter(range = {1, 8}) int depth;
}
