package dev.tunable;

import static dev.tunable.Checks.clampUnit;
import static dev.tunable.Checks.invalid;

import dev.tunable.annotations.Scale;
import dev.tunable.internal.rules.DimensionRules;
import dev.tunable.internal.rules.NumberType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An integer dimension over {@code [low, high]}, both included. Values are {@link Long}s; the
 * generated code narrows them to the field's type, whose range the compiler has checked and, for
 * an {@code int} field, {@link #asInt()} checks again.
 *
 * <p>On the unit interval every allowed value owns a cell of equal width (of equal width in the
 * logarithm, on a {@link Scale#LOG} dimension, where value {@code v} owns {@code [v - ½, v + ½]}),
 * so sampling the interval uniformly samples the values uniformly in the dimension's scale.
 *
 * @param name the dimension's name
 * @param low the smallest allowed value, at least -2<sup>53</sup>
 * @param high the largest allowed value, above {@code low} and at most 2<sup>53</sup>
 * @param scale {@link Scale#LOG} needs {@code low >= 1}
 * @param step the distance between allowed values counted from {@code low}, {@code 1} for every
 *     integer; it must divide the range and cannot exceed 1 on a {@link Scale#LOG} dimension
 * @param isInt whether the values are held as {@code int}, so that the bounds must be within
 *     int's range; see {@link #asInt()}
 * @throws IllegalArgumentException naming every rule the declaration breaks
 * @since 0.1
 */
public record IntegerDimension(
    String name, long low, long high, Scale scale, long step, boolean isInt)
    implements Dimension<Long> {

  public IntegerDimension {
    Objects.requireNonNull(scale, "scale");
    Checks.requireValid(name, "[" + low + ", " + high + "]", DimensionRules.name(name),
        DimensionRules.integer(low, high, scale, step, isInt ? NumberType.INT : NumberType.LONG));
  }

  /** A dimension whose values are held as {@code long}. */
  public IntegerDimension(String name, long low, long high, Scale scale, long step) {
    this(name, low, high, scale, step, false);
  }

  /**
   * A copy of this dimension whose values are held as {@code int}, as an {@code int} field holds
   * them.
   *
   * @throws IllegalArgumentException if a bound is beyond int's range
   */
  public IntegerDimension asInt() {
    return new IntegerDimension(name, low, high, scale, step, true);
  }

  /** A copy of this dimension whose allowed values are {@code low, low + step, …, high}. */
  public IntegerDimension withStep(long step) {
    return new IntegerDimension(name, low, high, scale, step, isInt);
  }

  /** How many values the dimension allows. */
  public long count() {
    return (high - low) / step + 1;
  }

  @Override
  public IntegerDimension named(String name) {
    return new IntegerDimension(name, low, high, scale, step, isInt);
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
    if (DimensionRules.integerValue(v, low, high, step).isPresent()) {
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
