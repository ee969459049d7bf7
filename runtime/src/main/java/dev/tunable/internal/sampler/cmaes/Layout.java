package dev.tunable.internal.sampler.cmaes;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How CMA-ES sees a space: the ordered dimensions (reals and integers, stepped or not), which the
 * Gaussian searches in unit-cube coordinates, and the unordered ones (categoricals and booleans),
 * each searched by a categorical distribution of its own, since a Gaussian over an arbitrary order
 * of labels would invent neighbours that do not exist.
 */
final class Layout {
  private final SearchSpace<?> space;
  /** Space indices of the ordered dimensions, in space order. */
  private final int[] ordered;
  /** Whether each ordered dimension takes discrete values (integers, reals with a step). */
  private final boolean[] discrete;
  /** Space indices of the categorical and boolean dimensions, and their numbers of choices. */
  private final int[] unordered;
  private final int[] choices;

  Layout(SearchSpace<?> space) {
    this.space = space;
    List<Integer> orderedList = new ArrayList<>();
    List<Integer> unorderedList = new ArrayList<>();
    List<Integer> choiceList = new ArrayList<>();
    List<Boolean> discreteList = new ArrayList<>();
    List<Dimension<?>> dimensions = space.dimensions();
    for (int i = 0; i < dimensions.size(); i++) {
      Dimension<?> dimension = dimensions.get(i);
      if (dimension instanceof RealDimension real) {
        orderedList.add(i);
        discreteList.add(real.step() > 0);
      } else if (dimension instanceof IntegerDimension) {
        orderedList.add(i);
        discreteList.add(true);
      } else if (dimension instanceof CategoricalDimension<?> categorical) {
        unorderedList.add(i);
        choiceList.add(categorical.choices().size());
      } else if (dimension instanceof BooleanDimension) {
        unorderedList.add(i);
        choiceList.add(2);
      } else {
        throw new IllegalArgumentException(
            "the CMA-ES sampler cannot search dimension '" + dimension.name() + "' of type "
                + dimension.getClass().getSimpleName() + "; use Samplers.random(seed)");
      }
    }
    ordered = orderedList.stream().mapToInt(Integer::intValue).toArray();
    unordered = unorderedList.stream().mapToInt(Integer::intValue).toArray();
    choices = choiceList.stream().mapToInt(Integer::intValue).toArray();
    discrete = new boolean[ordered.length];
    for (int j = 0; j < ordered.length; j++) {
      discrete[j] = discreteList.get(j);
    }
  }

  int size() {
    return space.size();
  }

  /**
   * The unit coordinates of {@code start}'s values on the ordered dimensions, 0.5 (the centre)
   * for those it does not name; all centres when {@code start} is null.
   *
   * @throws IllegalArgumentException if a value is not one its dimension allows
   */
  double[] start(Config start) {
    double[] mean = new double[ordered.length];
    for (int j = 0; j < ordered.length; j++) {
      Dimension<?> dimension = space.dimensions().get(ordered[j]);
      mean[j] = start != null && start.has(dimension.name())
          ? unitOf(dimension, start.get(dimension.name()))
          : 0.5;
    }
    return mean;
  }

  private static <T> double unitOf(Dimension<T> dimension, Object value) {
    try {
      return dimension.toUnit(dimension.check(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("CMA-ES's start point: " + e.getMessage(), e);
    }
  }

  /** How many dimensions the Gaussian covers. */
  int orderedCount() {
    return ordered.length;
  }

  int orderedIndex(int j) {
    return ordered[j];
  }

  boolean isDiscrete(int j) {
    return discrete[j];
  }

  int unorderedCount() {
    return unordered.length;
  }

  int unorderedIndex(int j) {
    return unordered[j];
  }

  int choices(int j) {
    return choices[j];
  }

  /** The unit coordinate of choice {@code c} of an unordered dimension with {@code k} choices. */
  static double unitOfChoice(int c, int k) {
    return (c + 0.5) / k;
  }

  /** The choice a unit coordinate stands for, the inverse of {@link #unitOfChoice}. */
  static int choiceOfUnit(double u, int k) {
    return (int) Math.min(k - 1, Math.max(0, Math.floor(u * k)));
  }

  /**
   * {@code u} moved to the canonical coordinate of the value it maps to: cell centres for discrete
   * values, itself (up to rounding) for continuous ones. Two points stand for the same
   * configuration exactly when their canonical forms agree.
   */
  double canonical(int index, double u) {
    return canonical(space.dimensions().get(index), u);
  }

  private static <T> double canonical(Dimension<T> dimension, double u) {
    return dimension.toUnit(dimension.fromUnit(u));
  }

  /**
   * The cell of unit coordinate {@code u} of ordered discrete dimension {@code j}: the unit
   * coordinates where its value changes to the next lower and the next higher value, NaN where
   * there is none. Found by bisection on the dimension's own mapping, so that every kind of
   * discrete dimension (integer, log-scaled integer, stepped real) is treated alike.
   */
  double[] cell(int j, double u) {
    Dimension<?> dimension = space.dimensions().get(ordered[j]);
    double x = Math.min(1, Math.max(0, u));
    Object value = dimension.fromUnit(x);
    double lower = Double.NaN;
    if (!Objects.equals(dimension.fromUnit(0.0), value)) {
      double other = 0;
      double same = x;
      for (int iteration = 0; iteration < 60; iteration++) {
        double middle = (other + same) / 2;
        if (Objects.equals(dimension.fromUnit(middle), value)) {
          same = middle;
        } else {
          other = middle;
        }
      }
      lower = same;
    }
    double upper = Double.NaN;
    if (!Objects.equals(dimension.fromUnit(1.0), value)) {
      double same = x;
      double other = 1;
      for (int iteration = 0; iteration < 60; iteration++) {
        double middle = (other + same) / 2;
        if (Objects.equals(dimension.fromUnit(middle), value)) {
          same = middle;
        } else {
          other = middle;
        }
      }
      upper = other;
    }
    return new double[] {lower, upper};
  }
}
