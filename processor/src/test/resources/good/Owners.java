package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

/** Owners the README promises may hold hyperparameters: an inner class and an enum. */
public class Owners {
  public class Layer {
    @Hyperparameter(range = {0, 1}) double dropout = 0.5;
    @Learned double[] weights;
  }

  public enum Preset {
    SMALL, LARGE;

    @Hyperparameter(range = {1, 8}) int depth = 2;
  }
}
