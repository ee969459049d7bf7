package dev.tunable.sampler;

import static dev.tunable.internal.sampler.gp.GpAlgorithm.STARTUP_TRIALS;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;

/**
 * Gaussian-process Bayesian optimization with its settings; returned by {@link
 * dev.tunable.Samplers#gp(long)}, whose documentation describes the algorithm. Immutable and
 * thread-safe.
 */
public final class GpSampler implements Sampler {
  private final long seed;
  private final int startupTrials;
  private final boolean deterministic;
  private final Sampler algorithm;

  /** The GP sampler with 5 Sobol start-up trials and fitted noise. */
  public GpSampler(long seed) {
    this(seed, STARTUP_TRIALS, false);
  }

  private GpSampler(long seed, int startupTrials, boolean deterministic) {
    this.seed = seed;
    this.startupTrials = startupTrials;
    this.deterministic = deterministic;
    this.algorithm =
        new dev.tunable.internal.sampler.gp.GpAlgorithm(seed, startupTrials, deterministic);
  }

  /**
   * Proposes the first {@code count} trials from a Sobol sequence before fitting the first model
   * (default 5; at least 1). More start-up trials cover the space more evenly before the model
   * decides where to look; fewer let the model choose sooner, which on the benchmark's functions
   * found their optima more often (BENCHMARKS.md).
   */
  public GpSampler withStartupTrials(int count) {
    return new GpSampler(seed, count, deterministic);
  }

  /**
   * Whether the objective gives the same value every time at the same point (a deterministic
   * simulation, a fixed-seed training run): the model then interpolates the values instead of
   * estimating their noise (default false).
   */
  public GpSampler withDeterministicObjective(boolean deterministic) {
    return new GpSampler(seed, startupTrials, deterministic);
  }

  @Override
  public Config sample(SamplerContext context) {
    return algorithm.sample(context);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Samplers.gp(").append(seed).append(')');
    if (startupTrials != STARTUP_TRIALS) {
      text.append(".withStartupTrials(").append(startupTrials).append(')');
    }
    if (deterministic) {
      text.append(".withDeterministicObjective(true)");
    }
    return text.toString();
  }
}
