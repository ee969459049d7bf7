package dev.tunable.internal.rules;

/**
 * The Java type a numeric hyperparameter's values are held in, which bounds what its range may be.
 * A {@code long}'s bounds stop at ±2<sup>53</sup>, where doubles (the unit cube, annotation
 * values, JSON) stop holding every integer.
 */
public enum NumberType {
  DOUBLE(-Double.MAX_VALUE, Double.MAX_VALUE),
  FLOAT(-Float.MAX_VALUE, Float.MAX_VALUE),
  LONG(-0x1p53, 0x1p53),
  INT(Integer.MIN_VALUE, Integer.MAX_VALUE);

  private final double min;
  private final double max;

  NumberType(double min, double max) {
    this.min = min;
    this.max = max;
  }

  /** The smallest bound allowed. */
  public double min() {
    return min;
  }

  /** The largest bound allowed. */
  public double max() {
    return max;
  }

  public boolean isIntegral() {
    return this == LONG || this == INT;
  }

  /** {@code value} as this type holds it: rounded to the nearest float for {@link #FLOAT}. */
  public double round(double value) {
    return this == FLOAT ? (float) value : value;
  }
}
