package dev.tunable;

import static dev.tunable.Checks.clampUnit;
import static dev.tunable.Checks.invalid;
import static dev.tunable.Checks.quote;

import dev.tunable.annotations.Scale;
import dev.tunable.internal.rules.DimensionRules;
import dev.tunable.internal.rules.NumberType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A real-valued dimension over {@code [low, high]}, both included.
 *
 * @param name the dimension's name
 * @param low the smallest allowed value
 * @param high the largest allowed value, above {@code low}
 * @param scale {@link Scale#LOG} needs {@code low > 0}
 * @param step {@code 0} for a continuous dimension, otherwise the distance between allowed values
 *     counted from {@code low}; it must divide the range and cannot be combined with {@link
 *     Scale#LOG}
 * @param isFloat whether the values are held as {@code float}: the bounds are then rounded to
 *     float and must be within float's range, and every value of a step's grid must be an exact
 *     float; see {@link #asFloat()}
 * @throws IllegalArgumentException naming every rule the declaration breaks
 * @since 0.1
 */
public record RealDimension(
    String name, double low, double high, Scale scale, double step, boolean isFloat)
    implements Dimension<Double> {

  public RealDimension {
    Objects.requireNonNull(scale, "scale");
    NumberType type = isFloat ? NumberType.FLOAT : NumberType.DOUBLE;
    Checks.requireValid(name, "[" + low + ", " + high + "]",
        DimensionRules.name(name), DimensionRules.real(low, high, scale, step, type));
    low = type.round(low);
    high = type.round(high);
  }

  /** A dimension whose values are held as {@code double}. */
  public RealDimension(String name, double low, double high, Scale scale, double step) {
    this(name, low, high, scale, step, false);
  }

  /**
   * A copy of this dimension whose values are held as {@code float}, as a {@code float} field
   * holds them: the bounds rounded to float, and a step only if every value of its grid is an
   * exact float (0.125 is, 0.1 is not).
   *
   * @throws IllegalArgumentException if a bound is beyond float's range or the grid is not exact
   */
  public RealDimension asFloat() {
    return new RealDimension(name, low, high, scale, step, true);
  }

  /** A copy of this dimension whose allowed values are {@code low, low + step, …, high}. */
  public RealDimension withStep(double step) {
    return new RealDimension(name, low, high, scale, step, isFloat);
  }

  @Override
  public RealDimension named(String name) {
    return new RealDimension(name, low, high, scale, step, isFloat);
  }

  @Override
  public Double fromUnit(double u) {
    u = clampUnit(u);
    if (step > 0) {
      long k = (long) Math.min(stepCount() - 1, Math.floor(u * stepCount()));
      return onGrid(k);
    }
    double value =
        scale == Scale.LOG
            ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)))
            : low + u * (high - low);
    return Math.min(high, Math.max(low, value));
  }

  @Override
  public double toUnit(Double value) {
    double v = check(value);
    if (step > 0) {
      return (Math.round((v - low) / step) + 0.5) / stepCount();
    }
    return scale == Scale.LOG
        ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low))
        : (v - low) / (high - low);
  }

  @Override
  public Double check(Object value) {
    if (!(value instanceof Number number) || value instanceof Long && !exactDouble((Long) value)) {
      throw invalid(this, value);
    }
    // A float field holds the nearest float: 0.9 is allowed where the bound is 0.9f, which is less.
    double v = (isFloat ? NumberType.FLOAT : NumberType.DOUBLE).round(number.doubleValue());
    if (DimensionRules.realValue(v, low, high, step).isPresent()) {
      throw invalid(this, value);
    }
    return v;
  }

  @Override
  public Double parse(String text) {
    try {
      return check(Double.parseDouble(text.strip()));
    } catch (NumberFormatException e) {
      throw invalid(this, text);
    }
  }

  @Override
  public List<Double> gridValues(int pointsIfContinuous) {
    List<Double> values = new ArrayList<>();
    if (step > 0) {
      for (long k = 0; k < stepCount(); k++) {
        values.add(onGrid(k));
      }
      return values;
    }
    if (pointsIfContinuous < 2) {
      throw new IllegalArgumentException(
          "dimension " + quote(name) + " is continuous: a grid over it needs at least 2 points, got "
              + pointsIfContinuous);
    }
    for (int i = 0; i < pointsIfContinuous; i++) {
      values.add(fromUnit((double) i / (pointsIfContinuous - 1)));
    }
    return values;
  }

  @Override
  public boolean isDiscrete() {
    return step > 0;
  }

  @Override
  public String describe() {
    return "a real in [" + low + ", " + high + "]"
        + (scale == Scale.LOG ? " (log scale)" : "")
        + (step > 0 ? " in steps of " + step : "");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.visitReal(this);
  }

  /**
   * How many values a stepped dimension allows: {@code low, low + step, …, high}.
   *
   * @throws IllegalStateException if the dimension is continuous (its step is 0)
   */
  public long stepCount() {
    if (step == 0) {
      throw new IllegalStateException(
          "dimension " + quote(name) + " is continuous: it has no steps to count");
    }
    return DimensionRules.stepCount(low, high, step);
  }

  private double onGrid(long k) {
    return Math.min(high, low + k * step);
  }

  private static boolean exactDouble(long value) {
    return (long) (double) value == value;
  }
}
