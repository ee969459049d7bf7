package test;

import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * Learned parameters of {@link LogisticRegression}.
 */
@Generated("dev.tunable.processor.TunableProcessor")
public record LogisticRegressionParameters(double[] weights, double bias) {
  /**
   * A copy of the learned state of {@code model}.
   */
  public static LogisticRegressionParameters capture(LogisticRegression model) {
    return new LogisticRegressionParameters(copy(model.weights), model.bias);
  }

  /**
   * Sets a copy of this learned state on {@code model}'s fields and returns it.
   */
  public <M extends LogisticRegression> M restore(M model) {
    model.weights = copy(this.weights);
    model.bias = this.bias;
    return model;
  }

  /**
   * How many primitive values the learned state holds, array elements included.
   */
  public long scalarCount() {
    return count(this.weights) + 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LogisticRegressionParameters that
        && Arrays.equals(this.weights, that.weights)
        && Double.compare(this.bias, that.bias) == 0;
  }

  @Override
  public int hashCode() {
    int result = 0;
    result = 31 * result + Arrays.hashCode(this.weights);
    result = 31 * result + Double.hashCode(this.bias);
    return result;
  }

  @Override
  public String toString() {
    return "LogisticRegressionParameters["
        + "weights=" + Arrays.toString(this.weights)
        + ", bias=" + this.bias
        + "]";
  }

  private static double[] copy(double[] source) {
    return source == null ? null : source.clone();
  }

  private static long count(double[] values) {
    return values == null ? 0 : values.length;
  }
}
