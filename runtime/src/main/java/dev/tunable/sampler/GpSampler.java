package dev.tunable.sampler;

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

  /** The GP sampler with 10 Sobol start-up trials and fitted noise. */
  public GpSampler(long seed) {
    this(seed, 10, false);
  }

  private GpSampler(long seed, int startupTrials, boolean deterministic) {
    this.seed = seed;
    this.startupTrials = startupTrials;
    this.deterministic = deterministic;
    this.algorithm =
        new dev.tunable.internal.sampler.gp.GpSampler(seed, startupTrials, deterministic);
  }

  /**
   * Proposes the first {@code count} trials from a Sobol sequence before fitting the first model
   * (default 10; at least 1). More start-up trials cover the space better before the model
   * decides where to look.
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
    if (startupTrials != 10) {
      text.append(".withStartupTrials(").append(startupTrials).append(')');
    }
    if (deterministic) {
      text.append(".withDeterministicObjective(true)");
    }
    return text.toString();
  }
}
