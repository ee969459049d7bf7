package dev.tunable.pruner;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.TrialState;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/** Small helpers over reported curves, shared by the pruners. */
final class Curves {
  private Curves() {}

  /** The best value the trial reported up to and including {@code step}; NaN if none or all NaN. */
  static double bestUpTo(FrozenTrial trial, long step, Direction direction) {
    double best = Double.NaN;
    for (Map.Entry<Long, Double> entry : trial.intermediateValues().headMap(step + 1).entrySet()) {
      double value = entry.getValue();
      if (!Double.isNaN(value) && (Double.isNaN(best) || direction.isBetter(value, best))) {
        best = value;
      }
    }
    return best;
  }

  /** The value at the first reported step at or after {@code step}, or NaN if there is none. */
  static Double firstAtOrAfter(FrozenTrial trial, long step) {
    SortedMap<Long, Double> tail = trial.intermediateValues().tailMap(step);
    return tail.isEmpty() ? null : tail.get(tail.firstKey());
  }

  static int countComplete(List<FrozenTrial> trials) {
    int count = 0;
    for (FrozenTrial trial : trials) {
      if (trial.state() == TrialState.COMPLETE) {
        count++;
      }
    }
    return count;
  }

  /**
   * The {@code q}-th percentile (0 to 100) of sorted {@code values}, interpolated linearly between
   * order statistics as numpy's default does.
   */
  static double percentile(double[] sorted, double q) {
    double position = q / 100 * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  static void requireNonNegative(long value, String what, String fix) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be >= 0, got " + value + "; " + fix);
    }
  }
}
