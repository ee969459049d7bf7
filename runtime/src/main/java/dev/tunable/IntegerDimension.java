package dev.tunable;

import static dev.tunable.Checks.clampUnit;
import static dev.tunable.Checks.invalid;
import static dev.tunable.Checks.quote;

import dev.tunable.annotations.Scale;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An integer dimension over {@code [low, high]}, both included. Values are {@link Long}s; the
 * generated code narrows them to the field's type, whose range the compiler has checked.
 *
 * <p>On the unit interval every allowed value owns a cell of equal width (of equal width in the
 * logarithm, on a {@link Scale#LOG} dimension, where value {@code v} owns {@code [v - ½, v + ½]}),
 * so sampling the interval uniformly samples the values uniformly in the dimension's scale.
 *
 * @param name the dimension's name
 * @param low the smallest allowed value
 * @param high the largest allowed value, above {@code low}
 * @param scale {@link Scale#LOG} needs {@code low >= 1}
 * @param step the distance between allowed values counted from {@code low}, {@code 1} for every
 *     integer; it must divide the range and cannot exceed 1 on a {@link Scale#LOG} dimension
 * @since 0.1
 */
public record IntegerDimension(String name, long low, long high, Scale scale, long step)
    implements Dimension<Long> {

  public IntegerDimension {
    Checks.requireName(name);
    Objects.requireNonNull(scale, "scale");
    if (!(low < high)) {
      throw new IllegalArgumentException(
          "dimension " + quote(name) + ": the range [" + low + ", " + high + "] needs low < high");
    }
    if (scale == Scale.LOG && low < 1) {
      throw new IllegalArgumentException(
          "dimension " + quote(name) + ": LOG scale needs a lower bound of at least 1, got " + low);
    }
    if (step < 1) {
      throw new IllegalArgumentException(
          "dimension " + quote(name) + ": step must be at least 1, got " + step);
    }
    if (step > 1 && scale == Scale.LOG) {
      throw new IllegalArgumentException(
          "dimension " + quote(name) + ": a step cannot be combined with LOG scale");
    }
    if ((high - low) % step != 0) {
      throw new IllegalArgumentException(
          "dimension " + quote(name) + ": step " + step + " does not divide the range ["
              + low + ", " + high + "]");
    }
  }

  /** A copy of this dimension whose allowed values are {@code low, low + step, …, high}. */
  public IntegerDimension withStep(long step) {
    return new IntegerDimension(name, low, high, scale, step);
  }

  /** How many values the dimension allows. */
  public long count() {
    return (high - low) / step + 1;
  }

  @Override
  public Long fromUnit(double u) {
    u = clampUnit(u);
    if (scale == Scale.LOG) {
      double lower = Math.log(low - 0.5);
      double upper = Math.log(high + 0.5);
      long value = Math.round(Math.exp(lower + u * (upper - lower)));
      return Math.min(high, Math.max(low, value));
    }
    long k = (long) Math.min(count() - 1, Math.floor(u * count()));
    return low + k * step;
  }

  @Override
  public double toUnit(Long value) {
    long v = check(value);
    if (scale == Scale.LOG) {
      double lower = Math.log(low - 0.5);
      double upper = Math.log(high + 0.5);
      double centre = (Math.log(v - 0.5) + Math.log(v + 0.5)) / 2;
      return (centre - lower) / (upper - lower);
    }
    return ((v - low) / step + 0.5) / count();
  }

  @Override
  public Long check(Object value) {
    long v;
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      v = ((Number) value).longValue();
    } else if ((value instanceof Double || value instanceof Float)
        && ((Number) value).doubleValue() == Math.rint(((Number) value).doubleValue())
        && Math.abs(((Number) value).doubleValue()) < 0x1p53) {
      v = (long) ((Number) value).doubleValue();
    } else {
      throw invalid(this, value);
    }
    if (v < low || v > high || (v - low) % step != 0) {
      throw invalid(this, value);
    }
    return v;
  }

  @Override
  public Long parse(String text) {
    try {
      return check(Long.parseLong(text.strip()));
    } catch (NumberFormatException e) {
      throw invalid(this, text);
    }
  }

  @Override
  public List<Long> gridValues(int pointsIfContinuous) {
    List<Long> values = new ArrayList<>();
    for (long v = low; v <= high && v >= low; v += step) {
      values.add(v);
    }
    return values;
  }

  @Override
  public boolean isDiscrete() {
    return true;
  }

  @Override
  public String describe() {
    return "an integer in [" + low + ", " + high + "]"
        + (scale == Scale.LOG ? " (log scale)" : "")
        + (step > 1 ? " in steps of " + step : "");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitInteger(this);
  }
}
