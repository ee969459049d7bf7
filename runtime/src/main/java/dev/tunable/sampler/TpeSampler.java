package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.internal.sampler.tpe.TpeAlgorithm;
import dev.tunable.internal.sampler.tpe.TpeSettings;

/**
 * TPE, the tree-structured Parzen estimator, with its settings; returned by {@link
 * dev.tunable.Samplers#tpe(long)} and {@link dev.tunable.Samplers#multivariateTpe(long)}, whose
 * documentation describes the algorithm. Immutable and thread-safe.
 */
public final class TpeSampler implements Sampler {
  private final long seed;
  private final TpeSettings settings;
  private final Sampler algorithm;

  /** TPE with 10 start-up trials, 24 candidates, univariate, with the constant liar. */
  public TpeSampler(long seed) {
    this(seed, TpeSettings.DEFAULTS);
  }

  private TpeSampler(long seed, TpeSettings settings) {
    this.seed = seed;
    this.settings = settings;
    this.algorithm = new TpeAlgorithm(seed, settings);
  }

  /**
   * Samples the first {@code count} trials at random before modelling (default 10; 0 or more).
   * More start-up trials explore more before the model takes over.
   */
  public TpeSampler withStartupTrials(int count) {
    return new TpeSampler(seed, new TpeSettings(
        count, settings.candidates(), settings.multivariate(), settings.constantLiar()));
  }

  /**
   * Draws {@code count} candidates from the good trials' density and keeps the most promising
   * (default 24; at least 1). More candidates exploit the model harder.
   */
  public TpeSampler withCandidates(int count) {
    return new TpeSampler(seed, new TpeSettings(
        settings.startupTrials(), count, settings.multivariate(), settings.constantLiar()));
  }

  /**
   * Models all dimensions jointly (true) or each on its own (false, the default); see {@link
   * dev.tunable.Samplers#multivariateTpe(long)}.
   */
  public TpeSampler withMultivariate(boolean jointly) {
    return new TpeSampler(seed, new TpeSettings(
        settings.startupTrials(), settings.candidates(), jointly, settings.constantLiar()));
  }

  /**
   * Whether running trials count as bad ones (default true), so that parallel workers spread out
   * instead of proposing the same point; without it, running trials are ignored.
   */
  public TpeSampler withConstantLiar(boolean enabled) {
    return new TpeSampler(seed, new TpeSettings(
        settings.startupTrials(), settings.candidates(), settings.multivariate(), enabled));
  }

  @Override
  public Config sample(SamplerContext context) {
    return algorithm.sample(context);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Samplers.tpe(").append(seed).append(')');
    if (settings.startupTrials() != TpeSettings.DEFAULTS.startupTrials()) {
      text.append(".withStartupTrials(").append(settings.startupTrials()).append(')');
    }
    if (settings.candidates() != TpeSettings.DEFAULTS.candidates()) {
      text.append(".withCandidates(").append(settings.candidates()).append(')');
    }
    if (settings.multivariate()) {
      text.append(".withMultivariate(true)");
    }
    if (!settings.constantLiar()) {
      text.append(".withConstantLiar(false)");
    }
    return text.toString();
  }
}
