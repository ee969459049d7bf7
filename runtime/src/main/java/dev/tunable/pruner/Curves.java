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
   * order statistics as numpy's default does. An order statistic it lands on is returned as it
   * is, even next to an infinity (where {@code a + 0 * (b - a)} would be NaN), and between two it
   * interpolates from the nearer one, so that the percentile of negated values is exactly the
   * negated percentile from the other end: pruners decide alike when minimizing and maximizing.
   */
  static double percentile(double[] sorted, double q) {
    // In hundredths of a position: for whole percentiles the remainder is a whole number, and the
    // mirrored percentile's is exactly 100 minus it.
    double scaled = q * (sorted.length - 1);
    int below = (int) Math.floor(scaled / 100);
    if (below >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    double rest = scaled - 100.0 * below;
    double a = sorted[below];
    double b = sorted[below + 1];
    if (rest <= 0 || a == b) {
      return a;
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      // Any weight on an infinity gives that infinity; between both infinities, nothing.
      return Double.isInfinite(a) && Double.isInfinite(b) ? Double.NaN
          : Double.isInfinite(a) ? a : b;
    }
    if (rest < 50) {
      return a + rest / 100 * (b - a);
    }
    return rest > 50 ? b - (100 - rest) / 100 * (b - a) : 0.5 * a + 0.5 * b;
  }

  static void requireNonNegative(long value, String what, String fix) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be >= 0, got " + value + "; " + fix);
    }
  }
}
