package dev.tunable.internal.sampler.tpe;

import dev.tunable.internal.sampler.SpaceEncoding;

/**
 * How TPE sees one dimension of a {@link SpaceEncoding}. Numbers live on the dimension's unit
 * interval, where log scales are already logs and every value of a discrete dimension owns a cell
 * of width {@code 1/cells} (the unit encoding puts a value at its cell's centre), so kernels need
 * no other transform. Categoricals and booleans are choice indices, with a categorical kernel of
 * their own.
 */
record Coordinate(SpaceEncoding encoding, int index, Kind kind, int size) {
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

  /** Dimension {@code d} of {@code encoding}. */
  static Coordinate of(SpaceEncoding encoding, int d) {
    long cells = encoding.cells(d);
    return switch (encoding.kind(d)) {
      case CATEGORICAL -> new Coordinate(encoding, d, Kind.CATEGORICAL, (int) cells);
      case ORDINAL -> encoding.equalCells(d) && cells <= MAX_CELLS
          ? new Coordinate(encoding, d, Kind.DISCRETE, (int) cells)
          : new Coordinate(encoding, d, Kind.CONTINUOUS, 0);
      case CONTINUOUS -> new Coordinate(encoding, d, Kind.CONTINUOUS, 0);
    };
  }

  /** The coordinate of unit coordinate {@code u} (NaN, for a trial that lacks the value, stays). */
  double fromUnit(double u) {
    return kind == Kind.CATEGORICAL && !Double.isNaN(u) ? encoding.choice(index, u) : u;
  }

  /** The unit-interval point {@code SearchSpace.fromUnit} turns back into {@code coordinate}. */
  double toUnit(double coordinate) {
    return kind == Kind.CATEGORICAL ? encoding.unitOfChoice(index, (int) coordinate) : coordinate;
  }
}
