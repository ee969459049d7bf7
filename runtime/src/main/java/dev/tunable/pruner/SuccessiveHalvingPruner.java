package dev.tunable.pruner;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Pruner;
import dev.tunable.PrunerContext;
import dev.tunable.TrialState;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/**
 * Asynchronous successive halving (ASHA, Li et al. 2020): rung {@code k} sits at step {@code
 * minResource * reductionFactor^(minEarlyStoppingRate + k)}; a trial reaching a rung goes on only
 * if its value there is in the top {@code 1 / reductionFactor} of the values every trial had at
 * that rung so far. Returned by {@link dev.tunable.Pruners#successiveHalving()}.
 *
 * <p>Without state: a trial's value at a rung is its value at its first report at or after the
 * rung's step, and the trial is judged at a rung only on that report, against the trials that had
 * reached the rung by then, which is when the algorithm judges it.
 */
public final class SuccessiveHalvingPruner implements Pruner {
  private final long minResource; // 0: estimated from the first complete trial
  private final int reductionFactor;
  private final int minEarlyStoppingRate;
  private final int bootstrapCount;

  /** ASHA with the minimum resource estimated, reduction factor 4, rate 0, no bootstrap. */
  public SuccessiveHalvingPruner() {
    this(0, 4, 0, 0);
  }

  SuccessiveHalvingPruner(
      long minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount) {
    Curves.requireNonNegative(minResource, "minResource", "give at least 1, or 0 to estimate it");
    if (reductionFactor < 2) {
      throw new IllegalArgumentException(
          "reductionFactor must be >= 2, got " + reductionFactor + "; 3 or 4 are usual");
    }
    Curves.requireNonNegative(minEarlyStoppingRate, "minEarlyStoppingRate", "0 is usual");
    Curves.requireNonNegative(bootstrapCount, "bootstrapCount", "0 is usual");
    this.minResource = minResource;
    this.reductionFactor = reductionFactor;
    this.minEarlyStoppingRate = minEarlyStoppingRate;
    this.bootstrapCount = bootstrapCount;
  }

  /**
   * The step of the first rung (before the early-stopping rate); by default one hundredth of the
   * steps of the first complete trial, at least 1, and nothing is pruned before one completes.
   */
  public SuccessiveHalvingPruner withMinResource(long steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("minResource must be >= 1, got " + steps);
    }
    return new SuccessiveHalvingPruner(steps, reductionFactor, minEarlyStoppingRate, bootstrapCount);
  }

  /** The factor between rungs' steps and the share promoted, 1 in {@code factor} (default 4). */
  public SuccessiveHalvingPruner withReductionFactor(int factor) {
    return new SuccessiveHalvingPruner(minResource, factor, minEarlyStoppingRate, bootstrapCount);
  }

  /** Moves the first rung up by {@code reductionFactor^rate} (default 0). */
  public SuccessiveHalvingPruner withMinEarlyStoppingRate(int rate) {
    return new SuccessiveHalvingPruner(minResource, reductionFactor, rate, bootstrapCount);
  }

  /** Prunes at a rung until more than {@code count} trials reached it (default 0). */
  public SuccessiveHalvingPruner withBootstrapCount(int count) {
    return new SuccessiveHalvingPruner(minResource, reductionFactor, minEarlyStoppingRate, count);
  }

  @Override
  public boolean shouldPrune(PrunerContext context) {
    long resource = minResource > 0 ? minResource : estimateMinResource(context.trials());
    if (resource == 0) {
      return false;
    }
    return prune(context.trial(), context.trials(), context.direction(), resource,
        reductionFactor, minEarlyStoppingRate, bootstrapCount);
  }

  /** ASHA's decision for {@code trial} against {@code competitors} (it may be among them). */
  static boolean prune(FrozenTrial trial, List<FrozenTrial> competitors, Direction direction,
      long minResource, int reductionFactor, int rate, int bootstrapCount) {
    SortedMap<Long, Double> curve = trial.intermediateValues();
    if (curve.isEmpty()) {
      return false;
    }
    long step = curve.lastKey();
    SortedMap<Long, Double> earlier = curve.headMap(step);
    long previous = earlier.isEmpty() ? Long.MIN_VALUE : earlier.lastKey();
    long rungStep = minResource;
    for (int i = 0; i < rate; i++) {
      rungStep = Math.multiplyExact(rungStep, reductionFactor);
    }
    for (; rungStep <= step; rungStep = Math.multiplyExact(rungStep, reductionFactor)) {
      if (previous >= rungStep) {
        continue; // judged at this rung on an earlier report, and promoted
      }
      double value = curve.get(step);
      if (Double.isNaN(value)) {
        return true;
      }
      double[] values = new double[competitors.size() + 1];
      int count = 0;
      values[count++] = value;
      for (FrozenTrial other : competitors) {
        Double at = other.number() == trial.number() ? null : Curves.firstAtOrAfter(other, rungStep);
        if (at != null && !Double.isNaN(at)) {
          values[count++] = at;
        }
      }
      if (count <= bootstrapCount) {
        return true;
      }
      if (!promotable(value, Arrays.copyOf(values, count), reductionFactor, direction)) {
        return true;
      }
    }
    return false;
  }

  private static boolean promotable(
      double value, double[] values, int reductionFactor, Direction direction) {
    Arrays.sort(values);
    int index = Math.max(values.length / reductionFactor - 1, 0);
    return direction == Direction.MINIMIZE
        ? value <= values[index]
        : value >= values[values.length - 1 - index];
  }

  /** One hundredth of the last step of the complete trials, at least 1; 0 if none completed. */
  static long estimateMinResource(List<FrozenTrial> trials) {
    long last = -1;
    for (FrozenTrial trial : trials) {
      if (trial.state() == TrialState.COMPLETE && !trial.intermediateValues().isEmpty()) {
        last = Math.max(last, trial.intermediateValues().lastKey());
      }
    }
    return last < 0 ? 0 : Math.max(last / 100, 1);
  }

  @Override
  public String toString() {
    return "Pruners.successiveHalving() minResource=" + (minResource == 0 ? "auto" : minResource)
        + " reductionFactor=" + reductionFactor + " minEarlyStoppingRate=" + minEarlyStoppingRate
        + " bootstrapCount=" + bootstrapCount;
  }
}
