package dev.tunable.pruner;

import dev.tunable.Direction;
import dev.tunable.Pruner;
import dev.tunable.PrunerContext;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Tolerates a trial while it improves: prunes only when the best of its last {@code patience + 1}
 * reports is no better, by {@code minDelta}, than its best before them, and then only if the
 * wrapped pruner (if any) agrees. Returned by {@link dev.tunable.Pruners#patience}.
 */
public final class PatiencePruner implements Pruner {
  private final int patience;
  private final Pruner wrapped; // null: stagnation alone prunes
  private final double minDelta;

  /** Prunes after {@code patience} reports without improvement, if {@code wrapped} agrees. */
  public PatiencePruner(int patience, Pruner wrapped) {
    this(patience, wrapped, 0);
  }

  private PatiencePruner(int patience, Pruner wrapped, double minDelta) {
    Curves.requireNonNegative(patience, "patience", "give the reports to wait for an improvement");
    if (!(minDelta >= 0)) {
      throw new IllegalArgumentException("minDelta must be >= 0, got " + minDelta);
    }
    this.patience = patience;
    this.wrapped = wrapped;
    this.minDelta = minDelta;
  }

  /** An improvement must exceed {@code delta} to count (default 0). */
  public PatiencePruner withMinDelta(double delta) {
    return new PatiencePruner(patience, wrapped, delta);
  }

  @Override
  public boolean shouldPrune(PrunerContext context) {
    SortedMap<Long, Double> curve = context.trial().intermediateValues();
    if (curve.size() <= patience + 1) {
      return false;
    }
    Direction direction = context.direction();
    int before = curve.size() - patience - 1;
    double bestBefore = Double.NaN;
    double bestAfter = Double.NaN;
    int index = 0;
    for (double value : curve.values()) {
      if (!Double.isNaN(value)) {
        if (index < before) {
          bestBefore = better(bestBefore, value, direction);
        } else {
          bestAfter = better(bestAfter, value, direction);
        }
      }
      index++;
    }
    if (Double.isNaN(bestBefore)) {
      return false;
    }
    boolean stagnated = Double.isNaN(bestAfter) || (direction == Direction.MINIMIZE
        ? bestBefore - minDelta <= bestAfter
        : bestBefore + minDelta >= bestAfter);
    return stagnated && (wrapped == null || wrapped.shouldPrune(context));
  }

  private static double better(double best, double value, Direction direction) {
    return Double.isNaN(best) || direction.isBetter(value, best) ? value : best;
  }

  @Override
  public String toString() {
    return "Pruners.patience(" + patience + (wrapped == null ? "" : ", " + wrapped) + ")"
        + " minDelta=" + minDelta;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PatiencePruner that && patience == that.patience
        && Objects.equals(wrapped, that.wrapped) && minDelta == that.minDelta;
  }

  @Override
  public int hashCode() {
    return Objects.hash(patience, wrapped, minDelta);
  }
}
