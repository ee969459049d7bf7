package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.internal.sampler.gp.GpAlgorithm;
import dev.tunable.internal.sampler.gp.GpSettings;

/**
 * Gaussian-process Bayesian optimization with its settings; returned by {@link
 * dev.tunable.Samplers#gp(long)}, whose documentation describes the algorithm. Immutable and
 * thread-safe.
 */
public final class GpSampler implements Sampler {
  private final long seed;
  private final GpSettings settings;
  private final Sampler algorithm;

  /** The GP sampler with 5 Sobol start-up trials and fitted noise. */
  public GpSampler(long seed) {
    this(seed, GpSettings.DEFAULTS);
  }

  private GpSampler(long seed, GpSettings settings) {
    this.seed = seed;
    this.settings = settings;
    this.algorithm = new GpAlgorithm(seed, settings);
  }

  /**
   * Proposes the first {@code count} trials from a Sobol sequence before fitting the first model
   * (default 5; at least 1). More start-up trials cover the space more evenly before the model
   * decides where to look; fewer let the model choose sooner, which on the benchmark's functions
   * found their optima more often (BENCHMARKS.md).
   */
  public GpSampler withStartupTrials(int count) {
    return new GpSampler(seed, new GpSettings(count, settings.deterministicObjective()));
  }

  /**
   * Whether the objective gives the same value every time at the same point (a deterministic
   * simulation, a fixed-seed training run): the model then interpolates the values instead of
   * estimating their noise (default false).
   */
  public GpSampler withDeterministicObjective(boolean deterministic) {
    return new GpSampler(seed, new GpSettings(settings.startupTrials(), deterministic));
  }

  @Override
  public Config sample(SamplerContext context) {
    return algorithm.sample(context);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Samplers.gp(").append(seed).append(')');
    if (settings.startupTrials() != GpSettings.DEFAULTS.startupTrials()) {
      text.append(".withStartupTrials(").append(settings.startupTrials()).append(')');
    }
    if (settings.deterministicObjective()) {
      text.append(".withDeterministicObjective(true)");
    }
    return text.toString();
  }
}
