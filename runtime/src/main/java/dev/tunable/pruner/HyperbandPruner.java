package dev.tunable.pruner;

import dev.tunable.FrozenTrial;
import dev.tunable.Pruner;
import dev.tunable.PrunerContext;
import dev.tunable.TrialState;
import java.util.ArrayList;
import java.util.List;

/**
 * Hyperband (Li et al. 2018) run asynchronously: brackets of successive halving with early-stopping
 * rates 0, 1, …, each trial in one bracket chosen by a hash of its number (so every worker and a
 * resumed study agree), bracket {@code i} taking a share of trials proportional to Hyperband's
 * budget for it, and each trial competing only with its bracket. Returned by {@link
 * dev.tunable.Pruners#hyperband()}.
 */
public final class HyperbandPruner implements Pruner {
  private final long minResource;
  private final long maxResource; // 0: the steps of the first complete trial
  private final int reductionFactor;

  /** Hyperband with minimum resource 1, the maximum estimated, reduction factor 3. */
  public HyperbandPruner() {
    this(1, 0, 3);
  }

  private HyperbandPruner(long minResource, long maxResource, int reductionFactor) {
    if (minResource < 1) {
      throw new IllegalArgumentException("minResource must be >= 1, got " + minResource);
    }
    if (maxResource != 0 && maxResource < minResource) {
      throw new IllegalArgumentException("maxResource " + maxResource
          + " is below minResource " + minResource + "; give the steps of a full trial");
    }
    if (reductionFactor < 2) {
      throw new IllegalArgumentException(
          "reductionFactor must be >= 2, got " + reductionFactor + "; 3 is usual");
    }
    this.minResource = minResource;
    this.maxResource = maxResource;
    this.reductionFactor = reductionFactor;
  }

  /** The step of the lowest rung of the most aggressive bracket (default 1). */
  public HyperbandPruner withMinResource(long steps) {
    return new HyperbandPruner(steps, maxResource, reductionFactor);
  }

  /**
   * The steps of a full trial; by default one more than the last step of the first complete trial,
   * and nothing is pruned before one completes.
   */
  public HyperbandPruner withMaxResource(long steps) {
    if (steps < 1) {
      throw new IllegalArgumentException("maxResource must be >= 1, got " + steps);
    }
    return new HyperbandPruner(minResource, steps, reductionFactor);
  }

  /** The factor between rungs and the share promoted (default 3). */
  public HyperbandPruner withReductionFactor(int factor) {
    return new HyperbandPruner(minResource, maxResource, factor);
  }

  @Override
  public boolean shouldPrune(PrunerContext context) {
    long max = maxResource > 0 ? maxResource : estimateMaxResource(context.trials());
    if (max == 0) {
      return false;
    }
    int brackets = bracketCount(max);
    int bracket = bracketOf(context.trial().number(), brackets);
    List<FrozenTrial> competitors = new ArrayList<>();
    for (FrozenTrial trial : context.trials()) {
      if (bracketOf(trial.number(), brackets) == bracket) {
        competitors.add(trial);
      }
    }
    return SuccessiveHalvingPruner.prune(context.trial(), competitors, context.direction(),
        minResource, reductionFactor, bracket, 0);
  }

  /** Hyperband's bracket count: one plus the rungs between the minimum and maximum resource. */
  int bracketCount(long max) {
    int count = 1;
    for (long r = minResource * reductionFactor; r <= max; r *= reductionFactor) {
      count++;
    }
    return count;
  }

  /** The bracket of trial {@code number}, weighted by Hyperband's trial budget per bracket. */
  int bracketOf(long number, int brackets) {
    long[] budgets = new long[brackets];
    long total = 0;
    for (int i = 0; i < brackets; i++) {
      int s = brackets - 1 - i;
      budgets[i] = (long) Math.ceil(brackets * Math.pow(reductionFactor, s) / (s + 1));
      total += budgets[i];
    }
    long slot = Math.floorMod(mix(number), total);
    for (int i = 0; i < brackets; i++) {
      if (slot < budgets[i]) {
        return i;
      }
      slot -= budgets[i];
    }
    throw new AssertionError(slot);
  }

  /** SplitMix64's finalizer: consecutive numbers land in unrelated slots. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  private static long estimateMaxResource(List<FrozenTrial> trials) {
    for (FrozenTrial trial : trials) {
      if (trial.state() == TrialState.COMPLETE && !trial.intermediateValues().isEmpty()) {
        return trial.intermediateValues().lastKey() + 1;
      }
    }
    return 0;
  }

  @Override
  public String toString() {
    return "Pruners.hyperband() minResource=" + minResource
        + " maxResource=" + (maxResource == 0 ? "auto" : maxResource)
        + " reductionFactor=" + reductionFactor;
  }
}
