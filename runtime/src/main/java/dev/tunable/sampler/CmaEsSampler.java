package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.internal.sampler.cmaes.CmaEsAlgorithm;
import dev.tunable.internal.sampler.cmaes.CmaEsSettings;
import java.util.Objects;

/**
 * CMA-ES with its settings; returned by {@link dev.tunable.Samplers#cmaEs(long)}, whose
 * documentation describes the algorithm. Immutable and thread-safe.
 */
public final class CmaEsSampler implements Sampler {
  private final long seed;
  private final CmaEsSettings settings;
  private final Sampler algorithm;

  /** CMA-ES from the centre of the space with σ = 1/6, the default population and IPOP. */
  public CmaEsSampler(long seed) {
    this(seed, CmaEsSettings.DEFAULTS);
  }

  private CmaEsSampler(long seed, CmaEsSettings settings) {
    this.seed = seed;
    this.settings = settings;
    this.algorithm = new CmaEsAlgorithm(seed, settings);
  }

  /**
   * The first generation's step size σ, as a fraction of each real or integer dimension's range
   * in its own scale (default 1/6, so that ±3σ spans the range; in (0, 1]). Smaller when the
   * {@link #withStart start} is already good and only needs refining.
   */
  public CmaEsSampler withInitialStepSize(double sigma) {
    return new CmaEsSampler(seed, new CmaEsSettings(
        sigma, settings.populationSize(), settings.restarts(), settings.start()));
  }

  /**
   * The first run's population λ, the number of trials per generation (default 4 + ⌊3 ln n⌋ for
   * n dimensions; at least 2). Larger populations search more globally and suit parallel workers;
   * each IPOP restart doubles it.
   */
  public CmaEsSampler withPopulationSize(int lambda) {
    return new CmaEsSampler(seed, new CmaEsSettings(
        settings.initialStepSize(), lambda, settings.restarts(), settings.start()));
  }

  /**
   * Whether a run that converges or stalls restarts from a random point with twice the
   * population (IPOP, the default) or goes on refining where it is.
   */
  public CmaEsSampler withRestarts(boolean enabled) {
    return new CmaEsSampler(seed, new CmaEsSettings(
        settings.initialStepSize(), settings.populationSize(), enabled, settings.start()));
  }

  /**
   * Centres the first generation on {@code start}'s values of the real and integer dimensions it
   * names (a known good configuration, say); the others start at the middle of their range.
   * Values are checked against the space when the first trial is sampled.
   */
  public CmaEsSampler withStart(Config start) {
    Objects.requireNonNull(start, "start");
    return new CmaEsSampler(seed, new CmaEsSettings(
        settings.initialStepSize(), settings.populationSize(), settings.restarts(), start));
  }

  @Override
  public Config sample(SamplerContext context) {
    return algorithm.sample(context);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Samplers.cmaEs(").append(seed).append(')');
    if (settings.initialStepSize() != CmaEsSettings.DEFAULTS.initialStepSize()) {
      text.append(".withInitialStepSize(").append(settings.initialStepSize()).append(')');
    }
    if (settings.populationSize() != 0) {
      text.append(".withPopulationSize(").append(settings.populationSize()).append(')');
    }
    if (!settings.restarts()) {
      text.append(".withRestarts(false)");
    }
    if (settings.start() != null) {
      text.append(".withStart(").append(settings.start()).append(')');
    }
    return text.toString();
  }
}
