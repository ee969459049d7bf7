package test;

import dev.tunable.annotations.Learned;

public class Model {
  @Learned final double[] weights = new double[3]; // error: [FinalField] field 'weights' is final, but the generated ModelParameters assigns it; remove 'final'
}
