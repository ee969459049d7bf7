package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.Trial;
import dev.tunable.internal.sampler.genetic.GeneticAlgorithm;
import dev.tunable.internal.sampler.genetic.GeneticSettings;

/**
 * NSGA-II (Deb et al. 2002), the genetic algorithm for several objectives. Trial {@code n}
 * belongs to generation {@code n / 50}; the first generation is random, and each later one is
 * bred from the best 50 of the previous generation's complete trials and its parents, ranked by
 * non-dominated sorting then crowding distance. Parents are picked by binary tournament; children
 * come from simulated binary crossover (probability 0.9, η = 20) and polynomial mutation (η = 20,
 * each coordinate with probability 1/d for d dimensions) on reals and integers, uniform crossover
 * and a uniformly drawn choice on categoricals and booleans. Trials that {@link
 * Trial#setConstraints report constraints} compare by Deb's rule: feasible before infeasible,
 * then the smaller total violation. Running, failed and pruned trials are left out, so parallel
 * workers never wait. On a conditional space, a gene that becomes active in a child comes from
 * the parent where it was active, or is drawn fresh. The sampler of studies with several
 * objectives that name none; it also runs studies with one objective.
 *
 * <p>Made by {@link dev.tunable.Samplers#nsga2(long)}; each {@code with...} method returns a new
 * sampler with one setting changed, e.g. {@code Samplers.nsga2(7).withPopulationSize(20)}, which
 * did better than the default 50 at a few hundred trials (BENCHMARKS.md). Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class Nsga2Sampler implements Sampler {
  private final long seed;
  private final GeneticSettings settings;
  private final Sampler algorithm;

  /** The sampler of {@link dev.tunable.Samplers#nsga2(long)}. */
  public Nsga2Sampler(long seed) {
    this(seed, GeneticSettings.NSGA2);
  }

  private Nsga2Sampler(long seed, GeneticSettings settings) {
    this.seed = seed;
    this.settings = settings;
    this.algorithm = new GeneticAlgorithm(seed, settings);
  }

  /**
   * Trials per generation, and parents kept from one generation to the next (default 50; at
   * least 2, and at least the tournament size). A smaller population breeds sooner, which pays
   * at budgets of a few hundred trials; a larger one spreads wider along the front.
   */
  public Nsga2Sampler withPopulationSize(int size) {
    return new Nsga2Sampler(seed, settings.withPopulationSize(size));
  }

  /**
   * Parents drawn per tournament, whose best (lower front, then larger crowding distance) becomes
   * a parent (default 2, NSGA-II's binary tournament; from 1 to the population size, so set a
   * larger population first). Larger tournaments select harder.
   */
  public Nsga2Sampler withTournamentSize(int size) {
    return new Nsga2Sampler(seed, settings.withTournamentSize(size));
  }

  /**
   * The probability that two parents cross over; otherwise the child starts as a copy of the
   * first (default 0.9; in [0, 1]).
   */
  public Nsga2Sampler withCrossoverProbability(double probability) {
    return new Nsga2Sampler(seed, settings.withCrossoverProbability(probability));
  }

  /**
   * The probability that each coordinate of a child mutates (in [0, 1]; the default, NaN, stands
   * for 1/d with d dimensions, so that one coordinate mutates on average).
   */
  public Nsga2Sampler withMutationProbability(double probability) {
    return new Nsga2Sampler(seed, settings.withMutationProbability(probability));
  }

  @Override
  public Config sample(SamplerContext context) {
    return algorithm.sample(context);
  }

  /** Whether {@code other} is the same sampler: same seed and settings, same proposals. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Nsga2Sampler that && seed == that.seed
        && settings.equals(that.settings);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(seed) + settings.hashCode();
  }

  @Override
  public String toString() {
    return GeneticSampler.expression(
        "Samplers.nsga2(" + seed + ")", settings, GeneticSettings.NSGA2);
  }
}
