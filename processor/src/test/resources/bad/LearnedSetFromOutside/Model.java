package test;

import dev.tunable.annotations.Learned;

public class Model {
  @Learned double[] weights;
  @Learned double bias;

  void fit() {
    weights = new double[] {1, 2};
    bias = 0.5;
  }
}
