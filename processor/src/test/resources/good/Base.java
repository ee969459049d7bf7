package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

public class Base {
  @Hyperparameter(range = {1, 10}) int depth = 3;
  @Learned double[] weights;
}
