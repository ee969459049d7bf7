package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.internal.sampler.tpe.TpeAlgorithm;
import dev.tunable.internal.sampler.tpe.TpeSettings;

/**
 * TPE, the tree-structured Parzen estimator (Bergstra et al. 2011, with Optuna's refinements):
 * after 10 random trials, it models where the best tenth of the trials (at most 25) lie against
 * where the others lie, one dimension at a time, and proposes the most promising of 24 points
 * drawn near the best. Cheap per trial, at home with every kind of dimension (log scales,
 * integers, steps, categoricals, booleans) and with dimensions that only some trials have. Pruned
 * trials rank after complete ones, by how far they got; running trials count as bad, so parallel
 * workers spread out. Single-objective studies only.
 *
 * <p>{@linkplain #withMultivariate Multivariate}, it models all dimensions jointly (one product
 * kernel per trial, bandwidths by Scott's rule), so that it can learn how dimensions interact. In
 * the sampler benchmark that is ahead of univariate TPE on the mixed, Levy and six-hump camel
 * functions, level on Hartmann6 and Rosenbrock, behind on Branin. On a conditional space it has
 * one joint model per group of dimensions active together (the dimensions under one condition,
 * as Optuna's group decomposition), each learning from the trials where its group was active;
 * otherwise it learns only from trials that have every dimension of the space.
 *
 * <p>Made by {@link dev.tunable.Samplers#tpe(long)} and {@link
 * dev.tunable.Samplers#multivariateTpe(long)}; each {@code with...} method returns a new sampler
 * with one setting changed, e.g. {@code Samplers.tpe(7).withCandidates(48)}. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class TpeSampler implements Sampler {
  private final long seed;
  private final TpeSettings settings;
  private final Sampler algorithm;

  /** The sampler of {@link dev.tunable.Samplers#tpe(long)}. */
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
   * Models all dimensions jointly (true) or each on its own (false, the default); {@link
   * dev.tunable.Samplers#multivariateTpe(long)} is this setting.
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

  /** Whether {@code other} is the same sampler: same seed and settings, same proposals. */
  @Override
  public boolean equals(Object other) {
    return other instanceof TpeSampler that && seed == that.seed && settings.equals(that.settings);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(seed) + settings.hashCode();
  }

  @Override
  public String toString() {
    TpeSettings defaults = TpeSettings.DEFAULTS;
    return new Expression("Samplers.tpe(" + seed + ")")
        .with("withStartupTrials", settings.startupTrials(), defaults.startupTrials())
        .with("withCandidates", settings.candidates(), defaults.candidates())
        .with("withMultivariate", settings.multivariate(), defaults.multivariate())
        .with("withConstantLiar", settings.constantLiar(), defaults.constantLiar())
        .toString();
  }
}
