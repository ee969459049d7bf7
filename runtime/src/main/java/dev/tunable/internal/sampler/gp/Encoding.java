package dev.tunable.internal.sampler.gp;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import dev.tunable.internal.sampler.SpaceEncoding;
import dev.tunable.internal.sampler.SpaceEncoding.Kind;

/**
 * How the Gaussian process sees a search space: one coordinate per dimension, those of the shared
 * {@link SpaceEncoding}. Continuous coordinates are searched freely; ordinal ones keep their order
 * but every proposal is rounded to a value the dimension holds ({@link #snap}); categorical ones
 * have a kernel distance of 0 or 1 (same choice or not) and are searched by trying every choice.
 * On a conditional space, the model sees each point with its inactive coordinates {@link
 * #imputed}: the search moves them freely, and they do not matter.
 */
final class Encoding {
  /** Ordinal dimensions with at most this many values are searched by trying every value. */
  private static final int ENUMERATED = 32;

  /**
   * The coordinate of a dimension where it is inactive (SMAC imputes a constant too): two trials
   * of one branch then differ only where that branch does, and trials of different branches are
   * told apart by the choice's own coordinate, whose length scale the fit learns. The centre of
   * the cube, because the prior mean's bowl is centred there and so ignores it.
   */
  static final double INACTIVE = 0.5;

  private final SpaceEncoding shared;
  private final boolean conditional;
  /** Values a discrete coordinate may take, as unit coordinates; null where tried locally. */
  private final double[][] values;
  /** Width of one value's share of the unit interval, for ordinal neighbours. */
  private final double[] widths;

  Encoding(SearchSpace<?> space) {
    this.shared = SpaceEncoding.of(space);
    this.conditional = shared.isConditional();
    int size = shared.size();
    this.values = new double[size][];
    this.widths = new double[size];
    for (int d = 0; d < size; d++) {
      long count = shared.cells(d);
      if (shared.kind(d) == Kind.CATEGORICAL) {
        double[] centres = new double[(int) count];
        for (int i = 0; i < count; i++) {
          centres[i] = shared.unitOfChoice(d, i);
        }
        values[d] = centres;
      } else if (shared.kind(d) == Kind.ORDINAL) {
        widths[d] = 1.0 / count;
        if (count <= ENUMERATED) {
          double[] all = new double[(int) count];
          for (int i = 0; i < count; i++) {
            all[i] = snap(d, (i + 0.5) / count);
          }
          values[d] = all;
        }
      }
    }
  }

  int size() {
    return values.length;
  }

  Kind kind(int d) {
    return shared.kind(d);
  }

  boolean[] categorical() {
    boolean[] categorical = new boolean[values.length];
    for (int d = 0; d < values.length; d++) {
      categorical[d] = shared.kind(d) == Kind.CATEGORICAL;
    }
    return categorical;
  }

  /**
   * The coordinates of {@code params}, {@link #imputed} where a dimension is inactive, or null if
   * they lack an active dimension of the space or hold a value it does not allow (a trial of
   * another space, or of an earlier version of this one).
   */
  double[] encode(Config params) {
    if (!conditional) {
      return shared.encodeIfComplete(params);
    }
    double[] point = shared.encodeActive(params);
    if (point != null) {
      for (int d = 0; d < point.length; d++) {
        if (Double.isNaN(point[d])) {
          point[d] = INACTIVE;
        }
      }
    }
    return point;
  }

  /**
   * {@code point} as the model sees it: with every coordinate of a dimension inactive there set to
   * {@link #INACTIVE}, as a trial's are, so that the kernel compares like with like; {@code point}
   * itself when every dimension is active.
   */
  double[] imputed(double[] point) {
    if (!conditional) {
      return point;
    }
    double[] seen = null;
    for (int d = 0; d < point.length; d++) {
      if (!shared.isActive(d, point)) {
        if (seen == null) {
          seen = point.clone();
        }
        seen[d] = INACTIVE;
      }
    }
    return seen == null ? point : seen;
  }

  /** Whether dimension {@code d} is active at {@code point}. */
  boolean isActive(int d, double[] point) {
    return shared.isActive(d, point);
  }

  /** {@code u} moved to the coordinate of the value the dimension takes there. */
  double snap(int d, double u) {
    return shared.snap(d, u);
  }

  /** Every coordinate snapped. */
  void snap(double[] point) {
    for (int d = 0; d < point.length; d++) {
      point[d] = shared.snap(d, point[d]);
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
