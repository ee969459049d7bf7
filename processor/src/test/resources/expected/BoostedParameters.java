package test;

import dev.tunable.annotations.LearnedCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Learned parameters of {@link Boosted}.
 *
 * <p>Held by reference, not copied: {@code booster} and {@code trees}. A mutable object is shared
 * between a captured value and the model.
 *
 * <p>Deep-copied through its {@code LearnedCodec}: {@code copied}.
 */
@Generated("dev.tunable.processor.TunableProcessor")
public record BoostedParameters(double[] weights, double bias, Boosted.Handle booster,
    List<double[]> trees, Boosted.Handle copied) {
  /**
   * The learned state of {@code model}: a copy, but for what is held by reference
   * ({@code booster} and {@code trees}), which is shared with the model.
   */
  public static BoostedParameters capture(Boosted model) {
    return new BoostedParameters(copy(model.weights), model.bias, model.booster, model.trees,
        copy(new Boosted.HandleCodec(), model.copied, "copied"));
  }

  /**
   * Sets this learned state on {@code model}'s fields and returns it: a copy, but for what
   * is held by reference ({@code booster} and {@code trees}),
   * which the model then shares with this value.
   */
  public <M extends Boosted> M restore(M model) {
    model.weights = copy(this.weights);
    model.bias = this.bias;
    model.booster = this.booster;
    model.trees = this.trees;
    model.copied = copy(new Boosted.HandleCodec(), this.copied, "copied");
    return model;
  }

  /**
   * How many primitive values the learned state holds, array elements included; the
   * objects ({@code booster}, {@code trees} and {@code copied}) are not counted:
   * their size is not known here.
   */
  public long scalarCount() {
    return count(this.weights) + 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BoostedParameters that
        && Arrays.equals(this.weights, that.weights)
        && Double.compare(this.bias, that.bias) == 0
        && Objects.equals(this.booster, that.booster)
        && Objects.equals(this.trees, that.trees)
        && Objects.equals(this.copied, that.copied);
  }

  @Override
  public int hashCode() {
    int result = 0;
    result = 31 * result + Arrays.hashCode(this.weights);
    result = 31 * result + Double.hashCode(this.bias);
    result = 31 * result + Objects.hashCode(this.booster);
    result = 31 * result + Objects.hashCode(this.trees);
    result = 31 * result + Objects.hashCode(this.copied);
    return result;
  }

  @Override
  public String toString() {
    return "BoostedParameters["
        + "weights=" + Arrays.toString(this.weights)
        + ", bias=" + this.bias
        + ", booster=" + this.booster
        + ", trees=" + this.trees
        + ", copied=" + this.copied
        + "]";
  }

  private static double[] copy(double[] source) {
    return source == null ? null : source.clone();
  }

  private static long count(double[] values) {
    return values == null ? 0 : values.length;
  }

  private static <T> T copy(LearnedCodec<T> codec, T value, String field) {
    if (value == null) {
      return null;
    }
    try {
      return codec.decode(codec.encode(value));
    } catch (Exception e) {
      throw new IllegalStateException("cannot copy learned field '" + field + "' through "
          + codec.getClass().getName(), e);
    }
  }
}
