package dev.tunable.pruner;

import dev.tunable.Pruner;
import dev.tunable.PrunerContext;

/**
 * Prunes a trial whose latest value is NaN, infinite, below {@code lower} or above {@code upper}:
 * a diverged loss or an accuracy stuck at chance. Returned by {@link
 * dev.tunable.Pruners#threshold(double, double)}.
 */
public final class ThresholdPruner implements Pruner {
  private final double lower;
  private final double upper;
  private final long warmupSteps;
  private final long interval;

  /** Prunes outside {@code [lower, upper]}; either bound may be infinite. */
  public ThresholdPruner(double lower, double upper) {
    this(lower, upper, 0, 1);
  }

  private ThresholdPruner(double lower, double upper, long warmupSteps, long interval) {
    if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
      throw new IllegalArgumentException("threshold bounds must satisfy lower <= upper, got ["
          + lower + ", " + upper + "]; use Double.NEGATIVE_INFINITY or POSITIVE_INFINITY for none");
    }
    Curves.requireNonNegative(warmupSteps, "warmupSteps", "0 checks from the first step on");
    if (interval < 1) {
      throw new IllegalArgumentException("interval must be >= 1, got " + interval);
    }
    this.lower = lower;
    this.upper = upper;
    this.warmupSteps = warmupSteps;
    this.interval = interval;
  }

  /** Never prunes at steps below {@code steps} (default 0). */
  public ThresholdPruner withWarmupSteps(long steps) {
    return new ThresholdPruner(lower, upper, steps, interval);
  }

  /** Decides only at every {@code steps}-th step after the warm-up (default 1). */
  public ThresholdPruner withInterval(long steps) {
    return new ThresholdPruner(lower, upper, warmupSteps, steps);
  }

  @Override
  public boolean shouldPrune(PrunerContext context) {
    long step = context.step();
    if (step < warmupSteps || (step - warmupSteps) % interval != 0) {
      return false;
    }
    double value = context.trial().intermediateValues().get(step);
    return !Double.isFinite(value) || value < lower || value > upper;
  }

  @Override
  public String toString() {
    return "Pruners.threshold(" + lower + ", " + upper + ") warmupSteps=" + warmupSteps
        + " interval=" + interval;
  }
}
