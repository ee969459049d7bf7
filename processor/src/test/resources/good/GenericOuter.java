package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

/** An inner (non-static) class of a generic class: generated code names it Outer<?>.Inner. */
public class GenericOuter<T> {
  public class Layer {
    @Hyperparameter(range = {0, 1}) double dropout = 0.5;
    @Learned double[] weights;
  }
}
