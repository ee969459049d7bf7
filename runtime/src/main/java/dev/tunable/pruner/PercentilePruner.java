package dev.tunable.pruner;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Pruner;
import dev.tunable.PrunerContext;
import dev.tunable.TrialState;
import java.util.Arrays;
import java.util.List;

/**
 * Prunes a trial whose best value so far is worse than the given percentile of the complete
 * trials' values at the same step; the median pruner is the 50th percentile. Returned by {@link
 * dev.tunable.Pruners#median()} and {@link dev.tunable.Pruners#percentile(double)}.
 */
public final class PercentilePruner implements Pruner {
  private final double percentile;
  private final int startupTrials;
  private final long warmupSteps;
  private final long interval;
  private final int minTrials;

  /** A pruner at {@code percentile}, with 5 start-up trials, no warm-up, every step, 1 trial. */
  public PercentilePruner(double percentile) {
    this(percentile, 5, 0, 1, 1);
  }

  private PercentilePruner(
      double percentile, int startupTrials, long warmupSteps, long interval, int minTrials) {
    if (!(percentile >= 0 && percentile <= 100)) {
      throw new IllegalArgumentException(
          "percentile must be in [0, 100], got " + percentile + "; the median is 50");
    }
    Curves.requireNonNegative(startupTrials, "startupTrials", "0 prunes from the first trial on");
    Curves.requireNonNegative(warmupSteps, "warmupSteps", "0 prunes from the first step on");
    if (interval < 1 || minTrials < 1) {
      throw new IllegalArgumentException(
          "interval and minTrials must be >= 1, got " + interval + " and " + minTrials);
    }
    this.percentile = percentile;
    this.startupTrials = startupTrials;
    this.warmupSteps = warmupSteps;
    this.interval = interval;
    this.minTrials = minTrials;
  }

  /** Never prunes before {@code count} trials are complete (default 5). */
  public PercentilePruner withStartupTrials(int count) {
    return new PercentilePruner(percentile, count, warmupSteps, interval, minTrials);
  }

  /** Never prunes at steps below {@code steps} (default 0). */
  public PercentilePruner withWarmupSteps(long steps) {
    return new PercentilePruner(percentile, startupTrials, steps, interval, minTrials);
  }

  /** Decides only at every {@code steps}-th step after the warm-up (default 1: every step). */
  public PercentilePruner withInterval(long steps) {
    return new PercentilePruner(percentile, startupTrials, warmupSteps, steps, minTrials);
  }

  /** Needs at least {@code count} complete trials that reported at the step (default 1). */
  public PercentilePruner withMinTrials(int count) {
    return new PercentilePruner(percentile, startupTrials, warmupSteps, interval, count);
  }

  @Override
  public boolean shouldPrune(PrunerContext context) {
    long step = context.step();
    if (step < warmupSteps || (step - warmupSteps) % interval != 0) {
      return false;
    }
    List<FrozenTrial> trials = context.trials();
    if (Curves.countComplete(trials) < startupTrials) {
      return false;
    }
    Direction direction = context.direction();
    double best = Curves.bestUpTo(context.trial(), step, direction);
    if (Double.isNaN(best)) {
      return true; // every value so far is NaN: the trial diverged
    }
    double[] others = new double[trials.size()];
    int count = 0;
    for (FrozenTrial other : trials) {
      Double value = other.state() == TrialState.COMPLETE
          ? other.intermediateValues().get(step) : null;
      if (value != null && !Double.isNaN(value)) {
        others[count++] = value;
      }
    }
    if (count < minTrials) {
      return false;
    }
    double[] sorted = Arrays.copyOf(others, count);
    Arrays.sort(sorted);
    if (direction == Direction.MINIMIZE) {
      return best > Curves.percentile(sorted, percentile);
    }
    return best < Curves.percentile(sorted, 100 - percentile);
  }

  @Override
  public String toString() {
    return "Pruners.percentile(" + percentile + ") startupTrials=" + startupTrials
        + " warmupSteps=" + warmupSteps + " interval=" + interval + " minTrials=" + minTrials;
  }
}
