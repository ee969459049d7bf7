package dev.tunable.internal.sampler.tpe;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.annotations.Scale;

/**
 * How TPE sees one dimension. Numbers live on the dimension's unit interval, where log scales are
 * already logs and every integer or step value owns a cell of width {@code 1/cells} (the unit
 * encoding puts a value at its cell's centre), so kernels need no other transform. Categoricals
 * and booleans are choice indices, with a categorical kernel of their own.
 */
record Coordinate(Dimension<?> dimension, Kind kind, int size) {
  enum Kind {
    /** A continuous number; log-scale integers too, rounded by the dimension. */
    CONTINUOUS,
    /** An integer or stepped real with {@code size} cells of equal width on the unit interval. */
    DISCRETE,
    /** A categorical or boolean with {@code size} choices. */
    CATEGORICAL
  }

  /** Discrete dimensions with more cells than this are treated as continuous, which is cheaper. */
  private static final long MAX_CELLS = 1 << 20;

  static Coordinate of(Dimension<?> dimension) {
    if (dimension instanceof RealDimension real) {
      long cells = real.step() > 0 ? Math.round((real.high() - real.low()) / real.step()) + 1 : 0;
      return numeric(dimension, cells);
    } else if (dimension instanceof IntegerDimension integer) {
      return numeric(dimension, integer.scale() == Scale.LOG ? 0 : integer.count());
    } else if (dimension instanceof CategoricalDimension<?> categorical) {
      return new Coordinate(dimension, Kind.CATEGORICAL, categorical.choices().size());
    } else if (dimension instanceof BooleanDimension) {
      return new Coordinate(dimension, Kind.CATEGORICAL, 2);
    }
    throw new IllegalArgumentException(
        "TPE cannot sample dimension '" + dimension.name() + "' of type "
            + dimension.getClass().getSimpleName());
  }

  private static Coordinate numeric(Dimension<?> dimension, long cells) {
    return cells > 1 && cells <= MAX_CELLS
        ? new Coordinate(dimension, Kind.DISCRETE, (int) cells)
        : new Coordinate(dimension, Kind.CONTINUOUS, 0);
  }

  /**
   * The coordinate of {@code params}'s value for this dimension, or NaN when the trial lacks the
   * dimension or holds a value it does not allow (a trial run on another space).
   */
  double read(Config params) {
    Object value = params.asMap().get(dimension.name());
    if (value == null) {
      return Double.NaN;
    }
    try {
      if (dimension instanceof CategoricalDimension<?> categorical) {
        return categorical.indexOf(value);
      } else if (dimension instanceof BooleanDimension bool) {
        return bool.check(value) ? 1 : 0;
      }
      if (dimension instanceof RealDimension real && value instanceof Double number) {
        double v = number;
        if (kind == Kind.CONTINUOUS && real.scale() == Scale.LINEAR && real.step() == 0) {
          // RealDimension.toUnit without its checks: the hot path of reading a long history. Not
          // for a stepped real with too many values to be DISCRETE: its values must be checked.
          return v >= real.low() && v <= real.high()
              ? (v - real.low()) / (real.high() - real.low())
              : Double.NaN;
        }
        return real.toUnit(number);
      }
      return unit(dimension, value);
    } catch (IllegalArgumentException | ClassCastException e) {
      return Double.NaN;
    }
  }

  /** The unit-interval point {@code SearchSpace.fromUnit} turns back into {@code coordinate}. */
  double toUnit(double coordinate) {
    return kind == Kind.CATEGORICAL ? (coordinate + 0.5) / size : coordinate;
  }

  private static <T> double unit(Dimension<T> dimension, Object value) {
    return dimension.toUnit(dimension.check(value));
  }
}
