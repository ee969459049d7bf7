package test;

import dev.tunable.annotations.Learned;
import dev.tunable.annotations.LearnedCodec;

public class Model {
  public static final class WeightsCodec implements LearnedCodec<double[]> {
    @Override
    public byte[] encode(double[] weights) {
      return new byte[0];
    }

    @Override
    public double[] decode(byte[] bytes) {
      return new double[0];
    }
  }

  @Learned(codec = WeightsCodec.class) double[] weights; // error: [LearnedCodecNotNeeded] learned field 'weights' has type double[], which the generated code copies as it is; remove codec = WeightsCodec.class
}
