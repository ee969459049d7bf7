package dev.tunable.internal.sampler.cmaes;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import dev.tunable.internal.sampler.SpaceEncoding;
import dev.tunable.internal.sampler.SpaceEncoding.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How CMA-ES sees a space's {@link SpaceEncoding}: the ordered dimensions (continuous and
 * ordinal), which the Gaussian searches in unit-cube coordinates, and the unordered ones
 * (categoricals and booleans), each searched by a categorical distribution of its own, since a
 * Gaussian over an arbitrary order of labels would invent neighbours that do not exist.
 */
final class Layout {
  private final SearchSpace<?> space;
  private final SpaceEncoding encoding;
  /** Space indices of the ordered dimensions, in space order. */
  private final int[] ordered;
  /** Whether each ordered dimension takes discrete values (integers, reals with a step). */
  private final boolean[] discrete;
  /** Space indices of the categorical and boolean dimensions, and their numbers of choices. */
  private final int[] unordered;
  private final int[] choices;

  Layout(SearchSpace<?> space) {
    this.space = space;
    this.encoding = SpaceEncoding.of(space);
    List<Integer> orderedList = new ArrayList<>();
    List<Integer> unorderedList = new ArrayList<>();
    List<Integer> choiceList = new ArrayList<>();
    List<Boolean> discreteList = new ArrayList<>();
    for (int i = 0; i < encoding.size(); i++) {
      if (encoding.kind(i) == Kind.CATEGORICAL) {
        unorderedList.add(i);
        choiceList.add((int) encoding.cells(i));
      } else {
        orderedList.add(i);
        discreteList.add(encoding.kind(i) == Kind.ORDINAL);
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
    return encoding.size();
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
      String name = space.dimensions().get(ordered[j]).name();
      mean[j] = start != null && start.has(name) ? unitOf(ordered[j], start.get(name)) : 0.5;
    }
    return mean;
  }

  private double unitOf(int index, Object value) {
    try {
      return encoding.encodeOrThrow(index, value);
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

  /** The unit coordinate of choice {@code c} of unordered dimension {@code j}. */
  double unitOfChoice(int j, int c) {
    return encoding.unitOfChoice(unordered[j], c);
  }

  /** The choice unit coordinate {@code u} of unordered dimension {@code j} stands for. */
  int choiceOfUnit(int j, double u) {
    return encoding.choice(unordered[j], u);
  }

  /**
   * {@code u} moved to the canonical coordinate of the value it maps to: cell centres for discrete
   * values, itself (clamped to [0, 1]) for continuous ones. Two points stand for the same
   * configuration exactly when their canonical forms agree.
   */
  double canonical(int index, double u) {
    return encoding.snap(index, u);
  }

  /**
   * The cell of unit coordinate {@code u} of ordered discrete dimension {@code j}: the unit
   * coordinates where its value changes to the next lower and the next higher value, NaN where
   * there is none. Found by bisection on the dimension's own mapping, so that every kind of
   * discrete dimension (integer, log-scaled integer, stepped real) is treated alike.
   */
  double[] cell(int j, double u) {
    int d = ordered[j];
    double x = Math.min(1, Math.max(0, u));
    Object value = encoding.decode(d, x);
    double lower = Double.NaN;
    if (!Objects.equals(encoding.decode(d, 0.0), value)) {
      double other = 0;
      double same = x;
      for (int iteration = 0; iteration < 60; iteration++) {
        double middle = (other + same) / 2;
        if (Objects.equals(encoding.decode(d, middle), value)) {
          same = middle;
        } else {
          other = middle;
        }
      }
      lower = same;
    }
    double upper = Double.NaN;
    if (!Objects.equals(encoding.decode(d, 1.0), value)) {
      double same = x;
      double other = 1;
      for (int iteration = 0; iteration < 60; iteration++) {
        double middle = (other + same) / 2;
        if (Objects.equals(encoding.decode(d, middle), value)) {
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
