package dev.tunable;

import dev.tunable.internal.Seeds;
import dev.tunable.internal.sampler.GridAlgorithm;
import dev.tunable.internal.sampler.GridSettings;
import dev.tunable.internal.sampler.RandomAlgorithm;
import dev.tunable.internal.sampler.SobolAlgorithm;
import dev.tunable.internal.sampler.genetic.GeneticAlgorithm;
import dev.tunable.internal.sampler.genetic.GeneticSettings;
import dev.tunable.sampler.CmaEsSampler;
import dev.tunable.sampler.GpSampler;
import dev.tunable.sampler.TpeSampler;

/**
 * The built-in {@link Sampler}s. Every one is stateless and thread-safe, and with a seed gives the
 * same trials on every run.
 *
 * @since 0.1
 */
public final class Samplers {
  private Samplers() {}

  /**
   * Independent uniform samples in each dimension's own scale: log-uniform on a log scale, every
   * integer and step value equally likely.
   */
  public static Sampler random(long seed) {
    return new RandomAlgorithm(seed);
  }

  /** {@link #random(long)} with a seed drawn from the system's entropy. */
  public static Sampler random() {
    return new RandomAlgorithm(Seeds.fresh());
  }

  /**
   * Every combination of the dimensions' values, each once, then {@link SearchExhaustedException}.
   * Works on spaces whose dimensions are all discrete (categoricals, booleans, integers, reals with
   * a step); for continuous dimensions use {@link #grid(int)}. Points are visited in order, the
   * last dimension changing fastest; points already asked for by any trial of the study, in any
   * process, are skipped.
   */
  public static Sampler grid() {
    return new GridAlgorithm(GridSettings.DEFAULTS);
  }

  /**
   * {@link #grid()}, with {@code pointsPerContinuousDimension} evenly spaced values (in the
   * dimension's scale, ends included) on each continuous dimension.
   */
  public static Sampler grid(int pointsPerContinuousDimension) {
    return new GridAlgorithm(new GridSettings(pointsPerContinuousDimension));
  }

  /**
   * A Sobol low-discrepancy sequence, randomly shifted (Cranley–Patterson rotation) by {@code
   * seed}: covers the space more evenly than random samples. Trial {@code n} takes point {@code
   * n + 1} of the sequence, so resumed and parallel studies continue the same sequence.
   */
  public static Sampler sobol(long seed) {
    return new SobolAlgorithm(seed);
  }

  /**
   * CMA-ES (Hansen's covariance matrix adaptation evolution strategy) with IPOP restarts: each
   * restart doubles the population when a run converges or stalls. Best for continuous and
   * integer spaces with a budget of tens of trials per dimension or more; trials are proposed in
   * generations of 4 + ⌊3 ln n⌋ for n dimensions.
   *
   * <p>Reals and integers (any scale or step) are searched by one Gaussian on the unit cube,
   * starting at its centre with a sixth of its side as step size; integer and stepped dimensions
   * keep a margin (Hamano et al. 2022) so that they never freeze on one value. Categorical and
   * boolean dimensions have no order for a Gaussian to use: each is searched by a categorical
   * distribution of its own, moved towards the choices of each generation's better half and never
   * letting a choice's probability drop below 1/(nλ(k−1)). Failed and pruned trials rank worst;
   * trials lacking a dimension of the space are ignored. With parallel workers, trials beyond a
   * generation still running are drawn from its distribution. Single-objective studies only.
   *
   * <p>Its settings (step size, population, restarts, start point) change with the returned
   * sampler's {@code with...} methods, e.g. {@code Samplers.cmaEs(7).withPopulationSize(16)}.
   */
  public static CmaEsSampler cmaEs(long seed) {
    return new CmaEsSampler(seed);
  }

  /**
   * {@link #cmaEs(long)} with a seed drawn from the system's entropy; the sampler of studies that
   * name none. Among the samplers that stay cheap at any budget it had the best mean regret over
   * the sampler benchmark's functions at 20 and 100 trials, level with {@link
   * #multivariateTpe(long)} at 50 (BENCHMARKS.md).
   */
  public static CmaEsSampler cmaEs() {
    return cmaEs(Seeds.fresh());
  }

  /**
   * Gaussian-process Bayesian optimization: after 5 Sobol trials, each trial fits a Matérn-5/2
   * Gaussian process with one length scale per dimension to the complete trials (hyperparameters
   * by maximum a posteriori, noise estimated) and proposes the point of highest log expected
   * improvement; once progress stalls, every other trial looks away from the best point's
   * neighbourhood, so that a local optimum does not hold the study. The most sample-efficient
   * built-in sampler on smooth objectives with up to ~20 dimensions and budgets of tens to a few
   * hundred trials; its cost per trial grows with the cube of the number of trials (tens of
   * milliseconds at 200). Integers and steps are proposed
   * rounded; categoricals and booleans are modelled as unordered choices, each one tried. Only
   * complete trials inform the model: pruned and failed ones are ignored, as are trials lacking a
   * dimension of the space; running trials count as the worst value seen so far, so that parallel
   * workers spread out. Single-objective studies only.
   *
   * <p>Its settings (start-up trials, deterministic objective) change with the returned
   * sampler's {@code with...} methods, e.g. {@code Samplers.gp(7).withStartupTrials(20)}.
   */
  public static GpSampler gp(long seed) {
    return new GpSampler(seed);
  }

  /**
   * The sampler of studies that name none: {@link #cmaEs()} for one objective, {@link #nsga2()}
   * for several, chosen when the first trial is proposed (the study's directions are known only
   * once it is open).
   */
  static Sampler byDefault() {
    long seed = Seeds.fresh();
    return new ByObjectives(cmaEs(seed), nsga2(seed));
  }

  /** One sampler for studies with one objective, another for several. */
  private record ByObjectives(Sampler single, Sampler multi) implements Sampler {
    @Override
    public Config sample(SamplerContext context) {
      return (context.directions().size() == 1 ? single : multi).sample(context);
    }

    @Override
    public String toString() {
      return "the default sampler (" + single + " with one objective, " + multi + " with several)";
    }
  }

  /**
   * NSGA-II (Deb et al. 2002), the genetic algorithm for several objectives, with a population of
   * 50: trial {@code n} belongs to generation {@code n / 50}; the first generation is random, and
   * each later one is bred from the best 50 of the previous generation's complete trials and its
   * parents, ranked by non-dominated sorting then crowding distance. Parents are picked by binary
   * tournament; children come from simulated binary crossover (probability 0.9, η = 20) and
   * polynomial mutation (η = 20, each coordinate with probability 1/d) on reals and integers,
   * uniform crossover and a uniformly drawn choice on categoricals and booleans. Trials that
   * {@link Trial#setConstraints report constraints} compare by Deb's rule: feasible before
   * infeasible, then the smaller total violation. Running, failed and pruned trials are left out,
   * so parallel workers never wait. The sampler of studies with several objectives that name none;
   * it also runs studies with one objective.
   */
  public static Sampler nsga2(long seed) {
    return nsga2(seed, 50);
  }

  /** {@link #nsga2(long)} with {@code populationSize} trials per generation. */
  public static Sampler nsga2(long seed, int populationSize) {
    return new GeneticAlgorithm(seed, new GeneticSettings(true, populationSize, 2, 0.9, Double.NaN));
  }

  /** {@link #nsga2(long)} with a seed drawn from the system's entropy. */
  public static Sampler nsga2() {
    return nsga2(Seeds.fresh());
  }

  /**
   * A genetic algorithm for one objective: generations of 20 trials, parents picked by tournaments
   * of 2, simulated binary crossover with probability 0.9, polynomial mutation of each coordinate
   * with probability 1/d, and elitism (each generation's parents are the best 20 of the previous
   * generation and its parents). Categoricals and booleans cross over uniformly and mutate to a
   * uniformly drawn choice. Handles {@link Trial#setConstraints constraints} as {@link
   * #nsga2(long)} does. Robust on rugged objectives, but needs more trials than the model-based
   * samplers on smooth ones.
   */
  public static Sampler genetic(long seed) {
    return genetic(seed, 20, 2, 0.9, Double.NaN);
  }

  /**
   * {@link #genetic(long)} with its settings.
   *
   * @param populationSize trials per generation, and parents kept, at least 2
   * @param tournamentSize parents drawn per tournament, 1 to {@code populationSize}; larger
   *     tournaments select harder
   * @param crossoverProbability the probability that two parents cross over, in [0, 1]
   * @param mutationProbability the probability that each coordinate mutates, in [0, 1], or NaN
   *     for 1/d with d dimensions
   */
  public static Sampler genetic(long seed, int populationSize, int tournamentSize,
      double crossoverProbability, double mutationProbability) {
    return new GeneticAlgorithm(seed, new GeneticSettings(
        false, populationSize, tournamentSize, crossoverProbability, mutationProbability));
  }

  /**
   * TPE, the tree-structured Parzen estimator (Bergstra et al. 2011, with Optuna's refinements):
   * after 10 random trials, it models where the best tenth of the trials (at most 25) lie against
   * where the others lie, one dimension at a time, and proposes the most promising of 24 points
   * drawn near the best. Cheap per trial, at home with every kind of dimension (log scales,
   * integers, steps, categoricals, booleans) and with dimensions that only some trials have. Pruned
   * trials rank after complete ones, by how far they got; running trials count as bad, so parallel
   * workers spread out. Single-objective studies only.
   *
   * <p>Its settings (start-up trials, candidates, multivariate, constant liar) change with the
   * returned sampler's {@code with...} methods, e.g. {@code Samplers.tpe(7).withCandidates(48)}.
   */
  public static TpeSampler tpe(long seed) {
    return new TpeSampler(seed);
  }

  /** {@link #tpe(long)} with a seed drawn from the system's entropy. */
  public static TpeSampler tpe() {
    return tpe(Seeds.fresh());
  }

  /**
   * {@link #tpe(long)} modelling all dimensions jointly (one product kernel per trial, bandwidths
   * by Scott's rule), so that it can learn how dimensions interact. In the sampler benchmark it
   * is ahead of {@link #tpe(long)} on the mixed, Levy and six-hump camel functions, level on
   * Hartmann6 and Rosenbrock, behind on Branin. It learns only from trials that have every
   * dimension of the space.
   */
  public static TpeSampler multivariateTpe(long seed) {
    return new TpeSampler(seed).withMultivariate(true);
  }
}
