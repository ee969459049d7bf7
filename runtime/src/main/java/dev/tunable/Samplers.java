package dev.tunable;

import dev.tunable.internal.Seeds;
import dev.tunable.sampler.AutoSampler;
import dev.tunable.sampler.CmaEsSampler;
import dev.tunable.sampler.GeneticSampler;
import dev.tunable.sampler.GpSampler;
import dev.tunable.sampler.GridSampler;
import dev.tunable.sampler.Nsga2Sampler;
import dev.tunable.sampler.RandomSampler;
import dev.tunable.sampler.SobolSampler;
import dev.tunable.sampler.TpeSampler;

/**
 * The built-in {@link Sampler}s. Every one is immutable and thread-safe, and with a seed gives the
 * same trials on every run. Each returns a class of {@link dev.tunable.sampler} that describes
 * the algorithm and whose {@code with...} methods change its settings, e.g. {@code
 * Samplers.nsga2(3).withPopulationSize(20)}; its {@code toString()} is that expression.
 *
 * @since 0.1
 */
public final class Samplers {
  private Samplers() {}

  /**
   * Random search: independent uniform samples in each dimension's own scale. A baseline, and a
   * sampler for very noisy objectives; any number of objectives. See {@link RandomSampler}.
   */
  public static RandomSampler random(long seed) {
    return new RandomSampler(seed);
  }

  /** {@link #random(long)} with a seed drawn from the system's entropy. */
  public static RandomSampler random() {
    return random(Seeds.fresh());
  }

  /**
   * A randomly shifted Sobol sequence, which covers the space more evenly than random samples:
   * start-up designs, even coverage; any number of objectives. See {@link SobolSampler}.
   */
  public static SobolSampler sobol(long seed) {
    return new SobolSampler(seed);
  }

  /**
   * Grid search: every combination of the dimensions' values, each once, across workers and
   * processes, then {@link SearchExhaustedException}. Discrete dimensions only, unless {@link
   * GridSampler#withPointsPerContinuousDimension} gives the continuous ones values. A point whose
   * process died is run again (see {@link GridSampler} for failed points).
   */
  public static GridSampler grid() {
    return new GridSampler();
  }

  /**
   * CMA-ES with IPOP restarts: for continuous and integer spaces with tens of trials per dimension
   * or more; one objective. See {@link CmaEsSampler}.
   */
  public static CmaEsSampler cmaEs(long seed) {
    return new CmaEsSampler(seed);
  }

  /** {@link #cmaEs(long)} with a seed drawn from the system's entropy. */
  public static CmaEsSampler cmaEs() {
    return cmaEs(Seeds.fresh());
  }

  /**
   * Gaussian-process Bayesian optimization: the most sample-efficient on smooth objectives with
   * budgets of tens to a few hundred trials, and the most costly per trial; one objective. See
   * {@link GpSampler}.
   */
  public static GpSampler gp(long seed) {
    return new GpSampler(seed);
  }

  /**
   * The automatic sampler, the sampler of studies that name none: NSGA-II for several objectives,
   * TPE once trials are pruned, else the GP while its proposals stay cheap and improve, then
   * CMA-ES (or TPE if the space has categorical dimensions) started from the best trials. See
   * {@link AutoSampler}.
   */
  public static AutoSampler auto(long seed) {
    return new AutoSampler(seed);
  }

  /** {@link #auto(long)} with a seed drawn from the system's entropy. */
  public static AutoSampler auto() {
    return auto(Seeds.fresh());
  }

  /** The sampler of studies that name none: {@link #auto()}. */
  static Sampler byDefault() {
    return auto();
  }

  /**
   * NSGA-II, the genetic algorithm for several objectives, with {@link Trial#setConstraints
   * constraints}; what the {@linkplain #auto(long) automatic sampler} uses with several
   * objectives. See {@link Nsga2Sampler}.
   */
  public static Nsga2Sampler nsga2(long seed) {
    return new Nsga2Sampler(seed);
  }

  /** {@link #nsga2(long)} with a seed drawn from the system's entropy. */
  public static Nsga2Sampler nsga2() {
    return nsga2(Seeds.fresh());
  }

  /**
   * An elitist genetic algorithm for one objective: robust on rugged objectives, but needs more
   * trials than the model-based samplers on smooth ones. See {@link GeneticSampler}.
   */
  public static GeneticSampler genetic(long seed) {
    return new GeneticSampler(seed);
  }

  /**
   * TPE, the tree-structured Parzen estimator: cheap per trial, at home with every kind of
   * dimension, with pruned trials and with dimensions that only some trials have; one objective.
   * See {@link TpeSampler}.
   */
  public static TpeSampler tpe(long seed) {
    return new TpeSampler(seed);
  }

  /** {@link #tpe(long)} with a seed drawn from the system's entropy. */
  public static TpeSampler tpe() {
    return tpe(Seeds.fresh());
  }

  /**
   * {@link #tpe(long)} modelling all dimensions jointly, so that it can learn how they interact:
   * {@code tpe(seed).withMultivariate(true)}.
   */
  public static TpeSampler multivariateTpe(long seed) {
    return tpe(seed).withMultivariate(true);
  }
}
