package dev.tunable.internal.sampler.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Which observations a model is fitted to and built on once there are many: every one up to
 * {@link #SIZE}, else {@link #SIZE} of them, chosen for what the acquisition needs. The best
 * {@link #BEST}, because expected improvement is decided near the best points and needs the
 * model accurate there; the {@link #RECENT} most recent, where the search is working now; and
 * the rest spread over the space (each the farthest from those already chosen), so that the
 * model does not take regions it has seen for unexplored ones. Modelling all {@code n} points
 * costs {@code O(n²)} per prediction and {@code O(n³)} per fit; a subset bounds both.
 */
final class ModelledSubset {
  /** Observations modelled at most, besides those added since the last refit. */
  static final int SIZE = 200;
  static final int BEST = 50;
  static final int RECENT = 50;

  private ModelledSubset() {}

  /**
   * Indices, ascending, of the observations to model among the first {@code count} of {@code
   * x} with scores {@code scores} (lower is better); a function of those alone.
   */
  static List<Integer> of(double[][] x, double[] scores, int count, boolean[] categorical) {
    if (count <= SIZE) {
      return IntStream.range(0, count).boxed().toList();
    }
    boolean[] chosen = new boolean[count];
    IntStream.range(0, count).boxed()
        .sorted(Comparator.<Integer>comparingDouble(i -> scores[i]).thenComparing(i -> i))
        .limit(BEST)
        .forEach(i -> chosen[i] = true);
    for (int i = count - RECENT; i < count; i++) {
      chosen[i] = true;
    }
    // Greedy farthest point: each pick is the point farthest from all chosen so far.
    double[] nearest = new double[count];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    int size = 0;
    for (int c = 0; c < count; c++) {
      if (chosen[c]) {
        size++;
        updateNearest(x, categorical, c, nearest, chosen, count);
      }
    }
    for (; size < SIZE; size++) {
      int farthest = -1;
      for (int i = 0; i < count; i++) {
        if (!chosen[i] && (farthest < 0 || nearest[i] > nearest[farthest])) {
          farthest = i;
        }
      }
      chosen[farthest] = true;
      updateNearest(x, categorical, farthest, nearest, chosen, count);
    }
    List<Integer> subset = new ArrayList<>(SIZE);
    for (int i = 0; i < count; i++) {
      if (chosen[i]) {
        subset.add(i);
      }
    }
    return subset;
  }

  /** Lowers each unchosen point's distance to its nearest chosen point by point {@code c}. */
  private static void updateNearest(
      double[][] x, boolean[] categorical, int c, double[] nearest, boolean[] chosen, int count) {
    for (int i = 0; i < count; i++) {
      if (!chosen[i]) {
        double distance = 0;
        for (int d = 0; d < categorical.length; d++) {
          double delta = x[i][d] - x[c][d];
          distance += categorical[d] ? (delta == 0 ? 0 : 1) : delta * delta;
        }
        nearest[i] = Math.min(nearest[i], distance);
      }
    }
  }
}
