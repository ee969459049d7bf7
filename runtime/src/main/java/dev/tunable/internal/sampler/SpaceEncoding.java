package dev.tunable.internal.sampler;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.SearchSpace;
import dev.tunable.annotations.Scale;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * How samplers see a search space: for each dimension its {@link Kind}, its cells on the unit
 * interval, and the maps between a trial's values and unit coordinates. Every sampler reads the
 * space through this one transform (as Optuna's samplers read theirs through {@code
 * optuna/_transform.py}) instead of classifying dimensions itself: this class is where the
 * samplers' view of the kinds of dimension is decided, through {@link Dimension.Visitor}, so that
 * a new kind is a compile error here and nowhere else among them. What a sampler does with the
 * facts (which dimensions to enumerate, which to treat as continuous) is the sampler's own
 * policy.
 *
 * <p>Coordinates are the dimensions' own unit encoding ({@link Dimension#toUnit}): log scales
 * are already logarithms, and a discrete value stands at the centre of its cell. A dimension
 * with {@code k} cells, {@link #equalCells equal} ones, gives cell {@code i} the interval {@code
 * [i/k, (i+1)/k)}; choice {@code i} of a categorical is cell {@code i}.
 *
 * <p>Immutable and thread-safe; {@link #of} builds one per space and hands it out again.
 */
public final class SpaceEncoding {
  /** What a sampler may assume about the values of a dimension. */
  public enum Kind {
    /** Reals without a step: any point of the unit interval is a value. */
    CONTINUOUS,
    /** Integers and stepped reals: finitely many values, in order, one cell each. */
    ORDINAL,
    /** Categoricals and booleans: choices without an order, one cell each. */
    CATEGORICAL
  }

  /** The encodings handed out, by space; a space's encoding goes when the space does. */
  private static final Map<SearchSpace<?>, SpaceEncoding> BUILT =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final List<Dimension<?>> dimensions;
  private final Axis[] axes;
  /** For each dimension, the index of the dimension it depends on, or -1 if it always is active. */
  private final int[] parents;
  /** For each conditional dimension, which of its parent's cells make it active. */
  private final boolean[][] activatingCells;

  private SpaceEncoding(SearchSpace<?> space) {
    this.dimensions = space.dimensions();
    this.axes = new Axis[dimensions.size()];
    this.parents = new int[axes.length];
    this.activatingCells = new boolean[axes.length][];
    List<String> names = dimensions.stream().map(Dimension::name).toList();
    for (int d = 0; d < axes.length; d++) {
      axes[d] = dimensions.get(d).accept(AXIS);
      int dimension = d;
      parents[d] = space.condition(names.get(d)).map(c -> names.indexOf(c.parent())).orElse(-1);
      space.condition(names.get(d)).ifPresent(condition -> {
        int parent = parents[dimension];
        boolean[] cells = new boolean[(int) axes[parent].cells];
        for (int cell = 0; cell < cells.length; cell++) {
          cells[cell] = condition.holdsFor(decode(parent, unitOfChoice(parent, cell)));
        }
        activatingCells[dimension] = cells;
      });
    }
  }

  /** The encoding of {@code space}, built on the first call for that space. */
  public static SpaceEncoding of(SearchSpace<?> space) {
    SpaceEncoding encoding = BUILT.get(space);
    if (encoding == null) {
      // Built outside the lock; two threads may both build one, and either is the same.
      encoding = new SpaceEncoding(space);
      BUILT.put(space, encoding);
    }
    return encoding;
  }

  /** The number of dimensions. */
  public int size() {
    return axes.length;
  }

  /** Whether some dimension is active only in some branches of a choice. */
  public boolean isConditional() {
    for (int parent : parents) {
      if (parent >= 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * The dimension that dimension {@code d} depends on (a categorical or boolean one before it),
   * or -1 if {@code d} is always active.
   */
  public int parent(int d) {
    return parents[d];
  }

  /**
   * Whether dimension {@code d} is active at {@code point}, a point of the unit cube with one
   * coordinate per dimension: each dimension it depends on, in turn, is active and in a cell
   * that activates the next. Coordinates of inactive dimensions are not read, and may be NaN.
   */
  public boolean isActive(int d, double[] point) {
    int parent = parents[d];
    return parent < 0
        || (isActive(parent, point) && activatingCells[d][choice(parent, point[parent])]);
  }

  /** The kind of dimension {@code d}. */
  public Kind kind(int d) {
    return axes[d].kind;
  }

  /**
   * How many cells dimension {@code d} has on the unit interval: the values of an ordinal
   * dimension, the choices of a categorical one; 0 for a continuous one.
   */
  public long cells(int d) {
    return axes[d].cells;
  }

  /**
   * Whether the cells of dimension {@code d} are of equal width {@code 1/cells}: true for every
   * discrete dimension but a log-scale integer (whose cells are equal in the logarithm of the
   * value), false for a continuous one.
   */
  public boolean equalCells(int d) {
    return axes[d].equalCells;
  }

  /**
   * The unit coordinates of {@code params}, NaN for each dimension it lacks or whose value the
   * dimension does not allow (a trial of another space, or of an earlier version of this one).
   */
  public double[] encode(Config params) {
    Map<String, Object> values = params.asMap();
    double[] point = new double[axes.length];
    for (int d = 0; d < point.length; d++) {
      point[d] = encode(d, values.get(axes[d].name));
    }
    return point;
  }

  /** The unit coordinates of {@code params}, or null if any of them is NaN for {@link #encode}. */
  public double[] encodeIfComplete(Config params) {
    Map<String, Object> values = params.asMap();
    double[] point = new double[axes.length];
    for (int d = 0; d < point.length; d++) {
      point[d] = encode(d, values.get(axes[d].name));
      if (Double.isNaN(point[d])) {
        return null;
      }
    }
    return point;
  }

  /**
   * The unit coordinates of {@code params}, NaN for each dimension inactive at them (a value
   * given for one is not read), or null if an active dimension lacks an allowed value: for a space
   * without conditions, {@link #encodeIfComplete}.
   */
  public double[] encodeActive(Config params) {
    Map<String, Object> values = params.asMap();
    double[] point = new double[axes.length];
    for (int d = 0; d < point.length; d++) {
      // Parents come first, so whether d is active is known from the coordinates so far.
      if (!isActive(d, point)) {
        point[d] = Double.NaN;
        continue;
      }
      point[d] = encode(d, values.get(axes[d].name));
      if (Double.isNaN(point[d])) {
        return null;
      }
    }
    return point;
  }

  /** The unit coordinate of {@code value} on dimension {@code d}; NaN if null or not allowed. */
  public double encode(int d, Object value) {
    Axis axis = axes[d];
    if (axis.linear && value instanceof Double number) {
      // RealDimension.toUnit without its checks, for the samplers that read long histories.
      double v = number;
      return v >= axis.low && v <= axis.high ? (v - axis.low) / axis.span : Double.NaN;
    }
    if (value == null) {
      return Double.NaN;
    }
    try {
      return checkedUnit(dimensions.get(d), value);
    } catch (IllegalArgumentException | ClassCastException notAllowed) {
      // ClassCastException: a categorical's choice whose equals casts what it is given.
      return Double.NaN;
    }
  }

  /**
   * The unit coordinate of {@code value} on dimension {@code d}.
   *
   * @throws IllegalArgumentException naming the dimension, the value and what it allows, if the
   *     dimension does not allow the value
   */
  public double encodeOrThrow(int d, Object value) {
    return checkedUnit(dimensions.get(d), value);
  }

  private static <T> double checkedUnit(Dimension<T> dimension, Object value) {
    return dimension.toUnit(dimension.check(value));
  }

  /** The value of dimension {@code d} at unit coordinate {@code u}, which is clamped to [0, 1]. */
  public Object decode(int d, double u) {
    return dimensions.get(d).fromUnit(u);
  }

  /**
   * {@code u} moved to the coordinate of the value dimension {@code d} takes there: the centre of
   * the value's cell on a discrete dimension, {@code u} clamped to [0, 1] on a continuous one.
   */
  public double snap(int d, double u) {
    return switch (axes[d].kind) {
      case CONTINUOUS -> Math.min(1, Math.max(0, u));
      case CATEGORICAL -> unitOfChoice(d, choice(d, u));
      case ORDINAL -> roundTrip(dimensions.get(d), u);
    };
  }

  private static <T> double roundTrip(Dimension<T> dimension, double u) {
    return dimension.toUnit(dimension.fromUnit(u));
  }

  /** The choice of categorical dimension {@code d} at unit coordinate {@code u}. */
  public int choice(int d, double u) {
    int k = (int) axes[d].cells;
    return (int) Math.min(k - 1, Math.max(0, Math.floor(u * k)));
  }

  /** The unit coordinate of choice {@code c} of categorical dimension {@code d}: its centre. */
  public double unitOfChoice(int d, int c) {
    return (c + 0.5) / axes[d].cells;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("SpaceEncoding[");
    for (int d = 0; d < axes.length; d++) {
      Axis axis = axes[d];
      text.append(d == 0 ? "" : ", ").append(axis.name).append(' ').append(axis.kind);
      if (axis.kind != Kind.CONTINUOUS) {
        text.append(' ').append(axis.cells).append(axis.equalCells ? " cells" : " unequal cells");
      }
    }
    return text.append(']').toString();
  }

  /**
   * The facts of one dimension; {@code linear} marks a continuous linear real, whose coordinate
   * {@link #encode} computes from {@code low}, {@code high} and {@code span} directly.
   */
  private record Axis(String name, Kind kind, long cells, boolean equalCells, boolean linear,
      double low, double high, double span) {
    static Axis of(Dimension<?> dimension, Kind kind, long cells, boolean equalCells) {
      return new Axis(dimension.name(), kind, cells, equalCells, false, 0, 0, 0);
    }
  }

  /** The one dispatch on the kinds of dimension. */
  private static final Dimension.Visitor<Axis> AXIS = new Dimension.Visitor<>() {
    @Override
    public Axis visitReal(RealDimension real) {
      if (real.step() > 0) {
        return Axis.of(real, Kind.ORDINAL, real.stepCount(), true);
      }
      return real.scale() == Scale.LINEAR
          ? new Axis(real.name(), Kind.CONTINUOUS, 0, false, true, real.low(), real.high(),
              real.high() - real.low())
          : Axis.of(real, Kind.CONTINUOUS, 0, false);
    }

    @Override
    public Axis visitInteger(IntegerDimension integer) {
      return Axis.of(integer, Kind.ORDINAL, integer.count(), integer.scale() == Scale.LINEAR);
    }

    @Override
    public Axis visitCategorical(CategoricalDimension<?> categorical) {
      return Axis.of(categorical, Kind.CATEGORICAL, categorical.choices().size(), true);
    }

    @Override
    public Axis visitBoolean(BooleanDimension bool) {
      return Axis.of(bool, Kind.CATEGORICAL, 2, true);
    }
  };
}
