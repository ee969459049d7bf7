package dev.tunable.internal.sampler.gp;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.SearchSpace;
import java.util.List;

/**
 * How the Gaussian process sees a search space: one coordinate per dimension, the dimension's own
 * unit-interval encoding ({@link Dimension#toUnit}). Continuous reals are searched freely;
 * integers and stepped reals keep their order but every proposal is rounded to a value the
 * dimension holds ({@link #snap}); categoricals and booleans are categorical coordinates whose
 * kernel distance is 0 or 1 (same choice or not), searched by trying every choice.
 */
final class Encoding {
  enum Kind { CONTINUOUS, ORDINAL, CATEGORICAL }

  /** Ordinal dimensions with at most this many values are searched by trying every value. */
  private static final int ENUMERATED = 32;

  private final List<Dimension<?>> dimensions;
  private final Kind[] kinds;
  /** Values a discrete coordinate may take, as unit coordinates; null where tried locally. */
  private final double[][] values;
  /** Width of one value's share of the unit interval, for ordinal neighbours. */
  private final double[] widths;

  Encoding(SearchSpace<?> space) {
    this.dimensions = space.dimensions();
    int size = dimensions.size();
    this.kinds = new Kind[size];
    this.values = new double[size][];
    this.widths = new double[size];
    for (int d = 0; d < size; d++) {
      Dimension<?> dimension = dimensions.get(d);
      if (dimension instanceof CategoricalDimension<?> categorical) {
        kinds[d] = Kind.CATEGORICAL;
        values[d] = centres(categorical.choices().size());
      } else if (dimension instanceof BooleanDimension) {
        kinds[d] = Kind.CATEGORICAL;
        values[d] = centres(2);
      } else if (dimension instanceof IntegerDimension integer) {
        kinds[d] = Kind.ORDINAL;
        ordinal(d, integer.count());
      } else if (dimension instanceof RealDimension real && real.step() > 0) {
        kinds[d] = Kind.ORDINAL;
        ordinal(d, Math.round((real.high() - real.low()) / real.step()) + 1);
      } else {
        kinds[d] = Kind.CONTINUOUS;
      }
    }
  }

  private void ordinal(int d, long count) {
    widths[d] = 1.0 / count;
    if (count <= ENUMERATED) {
      double[] all = new double[(int) count];
      for (int i = 0; i < count; i++) {
        all[i] = snap(d, (i + 0.5) / count);
      }
      values[d] = all;
    }
  }

  private static double[] centres(int count) {
    double[] centres = new double[count];
    for (int i = 0; i < count; i++) {
      centres[i] = (i + 0.5) / count;
    }
    return centres;
  }

  int size() {
    return kinds.length;
  }

  Kind kind(int d) {
    return kinds[d];
  }

  boolean[] categorical() {
    boolean[] categorical = new boolean[kinds.length];
    for (int d = 0; d < kinds.length; d++) {
      categorical[d] = kinds[d] == Kind.CATEGORICAL;
    }
    return categorical;
  }

  /**
   * The coordinates of {@code params}, or null if they lack a dimension of the space or hold a
   * value it does not allow (a trial of another space, or of an earlier version of this one).
   */
  double[] encode(Config params) {
    double[] point = new double[kinds.length];
    for (int d = 0; d < point.length; d++) {
      Object value = params.asMap().get(dimensions.get(d).name());
      if (value == null) {
        return null;
      }
      try {
        point[d] = unitOf(dimensions.get(d), value);
      } catch (IllegalArgumentException notInSpace) {
        return null;
      }
    }
    return point;
  }

  private static <T> double unitOf(Dimension<T> dimension, Object value) {
    return dimension.toUnit(dimension.check(value));
  }

  /** {@code u} moved to the coordinate of the value the dimension takes there. */
  double snap(int d, double u) {
    return switch (kinds[d]) {
      case CONTINUOUS -> Math.min(1, Math.max(0, u));
      case CATEGORICAL -> {
        int count = values[d].length;
        yield values[d][(int) Math.min(count - 1, Math.floor(Math.max(0, u) * count))];
      }
      case ORDINAL -> roundTrip(dimensions.get(d), u);
    };
  }

  private static <T> double roundTrip(Dimension<T> dimension, double u) {
    return dimension.toUnit(dimension.fromUnit(u));
  }

  /** Every coordinate snapped. */
  void snap(double[] point) {
    for (int d = 0; d < point.length; d++) {
      point[d] = snap(d, point[d]);
    }
  }

  /**
   * The values to try for discrete coordinate {@code d} when its value is {@code u}: all of them
   * for categoricals and small ordinals, else the neighbours up to three values away.
   */
  double[] alternatives(int d, double u) {
    if (values[d] != null) {
      return values[d];
    }
    double[] near = new double[6];
    for (int j = 1; j <= 3; j++) {
      near[2 * j - 2] = snap(d, u - j * widths[d]);
      near[2 * j - 1] = snap(d, u + j * widths[d]);
    }
    return near;
  }
}
