package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

public class Derived extends Base {
  @Hyperparameter(range = {0, 1}) double rate = 0.1;
  @Learned float[] scales;
}
