package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;

/**
 * TPE, the tree-structured Parzen estimator, with its settings; returned by {@link
 * dev.tunable.Samplers#tpe(long)} and {@link dev.tunable.Samplers#multivariateTpe(long)}, whose
 * documentation describes the algorithm. Immutable and thread-safe.
 */
public final class TpeSampler implements Sampler {
  private final long seed;
  private final int startupTrials;
  private final int candidates;
  private final boolean multivariate;
  private final boolean constantLiar;
  private final Sampler algorithm;

  /** TPE with 10 start-up trials, 24 candidates, univariate, with the constant liar. */
  public TpeSampler(long seed) {
    this(seed, 10, 24, false, true);
  }

  private TpeSampler(
      long seed, int startupTrials, int candidates, boolean multivariate, boolean constantLiar) {
    this.seed = seed;
    this.startupTrials = startupTrials;
    this.candidates = candidates;
    this.multivariate = multivariate;
    this.constantLiar = constantLiar;
    this.algorithm = new dev.tunable.internal.sampler.tpe.TpeAlgorithm(
        seed, startupTrials, candidates, multivariate, constantLiar);
  }

  /**
   * Samples the first {@code count} trials at random before modelling (default 10; 0 or more).
   * More start-up trials explore more before the model takes over.
   */
  public TpeSampler withStartupTrials(int count) {
    return new TpeSampler(seed, count, candidates, multivariate, constantLiar);
  }

  /**
   * Draws {@code count} candidates from the good trials' density and keeps the most promising
   * (default 24; at least 1). More candidates exploit the model harder.
   */
  public TpeSampler withCandidates(int count) {
    return new TpeSampler(seed, startupTrials, count, multivariate, constantLiar);
  }

  /**
   * Models all dimensions jointly (true) or each on its own (false, the default); see {@link
   * dev.tunable.Samplers#multivariateTpe(long)}.
   */
  public TpeSampler withMultivariate(boolean jointly) {
    return new TpeSampler(seed, startupTrials, candidates, jointly, constantLiar);
  }

  /**
   * Whether running trials count as bad ones (default true), so that parallel workers spread out
   * instead of proposing the same point; without it, running trials are ignored.
   */
  public TpeSampler withConstantLiar(boolean enabled) {
    return new TpeSampler(seed, startupTrials, candidates, multivariate, enabled);
  }

  @Override
  public Config sample(SamplerContext context) {
    return algorithm.sample(context);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Samplers.tpe(").append(seed).append(')');
    if (startupTrials != 10) {
      text.append(".withStartupTrials(").append(startupTrials).append(')');
    }
    if (candidates != 24) {
      text.append(".withCandidates(").append(candidates).append(')');
    }
    if (multivariate) {
      text.append(".withMultivariate(true)");
    }
    if (!constantLiar) {
      text.append(".withConstantLiar(false)");
    }
    return text.toString();
  }
}
