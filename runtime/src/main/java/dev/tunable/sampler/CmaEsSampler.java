package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.internal.sampler.cmaes.CmaEsAlgorithm;
import dev.tunable.internal.sampler.cmaes.CmaEsSettings;
import java.util.Objects;

/**
 * CMA-ES (Hansen's covariance matrix adaptation evolution strategy) with IPOP restarts: each
 * restart doubles the population when a run converges or stalls. Best for continuous and integer
 * spaces with a budget of tens of trials per dimension or more; trials are proposed in
 * generations of 4 + ⌊3 ln n⌋ for n dimensions.
 *
 * <p>Reals and integers (any scale or step) are searched by one Gaussian on the unit cube,
 * starting at its centre with a sixth of its side as step size; integer and stepped dimensions
 * keep a margin (Hamano et al. 2022) so that they never freeze on one value. Categorical and
 * boolean dimensions have no order for a Gaussian to use: each is searched by a categorical
 * distribution of its own, moved towards the choices of each generation's better half and never
 * letting a choice's probability drop below 1/(nλ(k−1)). On a conditional space the Gaussian
 * covers every branch's dimensions, and a trial's inactive coordinates count as the values its
 * generation drew for them. Failed and pruned trials rank worst; trials lacking an active
 * dimension of the space are ignored. Parallel workers share a generation: each takes its next
 * candidate not yet taken, never the same one twice, and trials asked beyond λ while the
 * generation runs are extra candidates of it. Single-objective studies only.
 *
 * <p>Made by {@link dev.tunable.Samplers#cmaEs(long)}; each {@code with...} method returns a new
 * sampler with one setting changed, e.g. {@code Samplers.cmaEs(7).withPopulationSize(16)}.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CmaEsSampler implements Sampler {
  private final long seed;
  private final CmaEsSettings settings;
  private final Sampler algorithm;

  /** The sampler of {@link dev.tunable.Samplers#cmaEs(long)}. */
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

  /** Whether {@code other} is the same sampler: same seed and settings, same proposals. */
  @Override
  public boolean equals(Object other) {
    return other instanceof CmaEsSampler that && seed == that.seed
        && settings.equals(that.settings);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(seed) + settings.hashCode();
  }

  @Override
  public String toString() {
    CmaEsSettings defaults = CmaEsSettings.DEFAULTS;
    return new Expression("Samplers.cmaEs(" + seed + ")")
        .with("withInitialStepSize", settings.initialStepSize(), defaults.initialStepSize())
        .with("withPopulationSize", settings.populationSize(), defaults.populationSize())
        .with("withRestarts", settings.restarts(), defaults.restarts())
        .with("withStart", settings.start(), defaults.start())
        .toString();
  }
}
