package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.Trial;
import dev.tunable.internal.sampler.genetic.GeneticAlgorithm;
import dev.tunable.internal.sampler.genetic.GeneticSettings;

/**
 * A genetic algorithm for one objective. Trial {@code n} belongs to generation {@code n / 20};
 * the first generation is random, and each later one is bred from parents that are the best 20
 * of the previous generation's complete trials and its own parents (elitism). Parents are picked
 * by tournaments of 2; children come from simulated binary crossover (probability 0.9, η = 20)
 * and polynomial mutation (η = 20, each coordinate with probability 1/d for d dimensions) on
 * reals and integers, uniform crossover and a uniformly drawn choice on categoricals and
 * booleans. Trials that {@link Trial#setConstraints report constraints} compare by Deb's rule:
 * feasible before infeasible, then the smaller total violation. Running, failed and pruned trials
 * are left out, so parallel workers never wait. On a conditional space, a gene that becomes
 * active in a child comes from the parent where it was active, or is drawn fresh. Robust on
 * rugged objectives, but needs more trials than the model-based samplers on smooth ones; {@link
 * Nsga2Sampler} is its counterpart for several objectives.
 *
 * <p>Made by {@link dev.tunable.Samplers#genetic(long)}; each {@code with...} method returns a new
 * sampler with one setting changed, e.g. {@code Samplers.genetic(7).withPopulationSize(40)}.
 * Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class GeneticSampler implements Sampler {
  private final long seed;
  private final GeneticSettings settings;
  private final Sampler algorithm;

  /** The sampler of {@link dev.tunable.Samplers#genetic(long)}. */
  public GeneticSampler(long seed) {
    this(seed, GeneticSettings.GENETIC);
  }

  private GeneticSampler(long seed, GeneticSettings settings) {
    this.seed = seed;
    this.settings = settings;
    this.algorithm = new GeneticAlgorithm(seed, settings);
  }

  /**
   * Trials per generation, and parents kept from one generation to the next (default 20; at
   * least 2, and at least the tournament size). A larger population keeps more diversity; a
   * smaller one breeds sooner.
   */
  public GeneticSampler withPopulationSize(int size) {
    return new GeneticSampler(seed, settings.withPopulationSize(size));
  }

  /**
   * Parents drawn per tournament, whose best becomes a parent (default 2; from 1 to the
   * population size, so set a larger population first). Larger tournaments select harder; 1
   * picks parents at random.
   */
  public GeneticSampler withTournamentSize(int size) {
    return new GeneticSampler(seed, settings.withTournamentSize(size));
  }

  /**
   * The probability that two parents cross over; otherwise the child starts as a copy of the
   * first (default 0.9; in [0, 1]).
   */
  public GeneticSampler withCrossoverProbability(double probability) {
    return new GeneticSampler(seed, settings.withCrossoverProbability(probability));
  }

  /**
   * The probability that each coordinate of a child mutates (in [0, 1]; the default, NaN, stands
   * for 1/d with d dimensions, so that one coordinate mutates on average).
   */
  public GeneticSampler withMutationProbability(double probability) {
    return new GeneticSampler(seed, settings.withMutationProbability(probability));
  }

  @Override
  public Config sample(SamplerContext context) {
    return algorithm.sample(context);
  }

  /** Whether {@code other} is the same sampler: same seed and settings, same proposals. */
  @Override
  public boolean equals(Object other) {
    return other instanceof GeneticSampler that && seed == that.seed
        && settings.equals(that.settings);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(seed) + settings.hashCode();
  }

  @Override
  public String toString() {
    return expression("Samplers.genetic(" + seed + ")", settings, GeneticSettings.GENETIC);
  }

  /**
   * {@code factoryCall} followed by the {@code with...} calls that turn {@code defaults} into
   * {@code settings}; the population comes first, so that a larger tournament is valid.
   */
  static String expression(
      String factoryCall, GeneticSettings settings, GeneticSettings defaults) {
    return new Expression(factoryCall)
        .with("withPopulationSize", settings.populationSize(), defaults.populationSize())
        .with("withTournamentSize", settings.tournamentSize(), defaults.tournamentSize())
        .with("withCrossoverProbability",
            settings.crossoverProbability(), defaults.crossoverProbability())
        .with("withMutationProbability",
            settings.mutationProbability(), defaults.mutationProbability())
        .toString();
  }
}
