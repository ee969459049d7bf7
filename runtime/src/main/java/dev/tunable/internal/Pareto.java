package dev.tunable.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Pareto dominance among points to minimize, with Deb's constrained domination: a feasible point
 * (total violation 0) beats an infeasible one, of two infeasible points the one with the smaller
 * total violation wins, and feasible points compare by Pareto dominance.
 */
public final class Pareto {
  private Pareto() {}

  /**
   * Whether {@code a} dominates {@code b}: no worse in every objective and better in one, all to
   * be minimized, under constrained domination by the total violations {@code va} and {@code vb}.
   */
  public static boolean dominates(double[] a, double va, double[] b, double vb) {
    if (va > 0 || vb > 0) {
      return va < vb;
    }
    boolean better = false;
    for (int m = 0; m < a.length; m++) {
      if (a[m] > b[m]) {
        return false;
      }
      better |= a[m] < b[m];
    }
    return better;
  }

  /** The total violation of constraint values: the sum of the positive ones (c ≤ 0 is met). */
  public static double violation(double[] constraints) {
    double total = 0;
    for (double c : constraints) {
      total += Math.max(0, c);
    }
    return total;
  }

  /**
   * The non-dominated fronts of {@code points} (Deb et al. 2002's fast non-dominated sort): the
   * first front holds the indices no point dominates, the next those only the first dominates, and
   * so on; indices ascending within a front.
   *
   * @param violations the total constraint violation of each point, 0 when feasible
   */
  public static List<int[]> fronts(double[][] points, double[] violations) {
    int n = points.length;
    int[] dominatedBy = new int[n];
    List<List<Integer>> dominates = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      dominates.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        if (dominates(points[i], violations[i], points[j], violations[j])) {
          dominates.get(i).add(j);
          dominatedBy[j]++;
        } else if (dominates(points[j], violations[j], points[i], violations[i])) {
          dominates.get(j).add(i);
          dominatedBy[i]++;
        }
      }
    }
    List<int[]> fronts = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (dominatedBy[i] == 0) {
        current.add(i);
      }
    }
    while (!current.isEmpty()) {
      int[] front = current.stream().mapToInt(Integer::intValue).sorted().toArray();
      fronts.add(front);
      List<Integer> next = new ArrayList<>();
      for (int i : front) {
        for (int j : dominates.get(i)) {
          if (--dominatedBy[j] == 0) {
            next.add(j);
          }
        }
      }
      current = next;
    }
    return fronts;
  }

  /**
   * The first of {@link #fronts} for feasible points, found by comparing each point with the
   * current front only: O(n·f) for a front of f points, where sorting every front costs O(n²).
   */
  public static int[] firstFront(double[][] points) {
    List<Integer> front = new ArrayList<>();
    for (int i = 0; i < points.length; i++) {
      boolean dominated = false;
      for (int k = front.size() - 1; k >= 0 && !dominated; k--) {
        int j = front.get(k);
        if (dominates(points[j], 0, points[i], 0)) {
          dominated = true;
        } else if (dominates(points[i], 0, points[j], 0)) {
          front.remove(k);
        }
      }
      if (!dominated) {
        front.add(i);
      }
    }
    return front.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /**
   * The crowding distance of each member of {@code front} (indices into {@code points}), in the
   * front's order: per objective, the gap between a member's two neighbours divided by the
   * objective's range over the front, summed; infinite for the members at either end.
   */
  public static double[] crowding(double[][] points, int[] front) {
    int size = front.length;
    double[] distance = new double[size];
    if (size <= 2) {
      Arrays.fill(distance, Double.POSITIVE_INFINITY);
      return distance;
    }
    int objectives = points[front[0]].length;
    Integer[] order = new Integer[size];
    for (int m = 0; m < objectives; m++) {
      int objective = m;
      for (int k = 0; k < size; k++) {
        order[k] = k;
      }
      // Ties broken by position, so that the distances do not depend on the sort's stability.
      Arrays.sort(order, Comparator.<Integer>comparingDouble(k -> points[front[k]][objective])
          .thenComparingInt(k -> k));
      double low = points[front[order[0]]][m];
      double high = points[front[order[size - 1]]][m];
      distance[order[0]] = Double.POSITIVE_INFINITY;
      distance[order[size - 1]] = Double.POSITIVE_INFINITY;
      if (high - low <= 0) {
        continue;
      }
      for (int k = 1; k < size - 1; k++) {
        distance[order[k]] +=
            (points[front[order[k + 1]]][m] - points[front[order[k - 1]]][m]) / (high - low);
      }
    }
    return distance;
  }
}
