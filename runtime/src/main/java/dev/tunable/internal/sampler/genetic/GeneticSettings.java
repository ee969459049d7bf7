package dev.tunable.internal.sampler.genetic;

/**
 * What a user may choose of a genetic search, checked as it is made: NSGA-II's ({@link #NSGA2})
 * or the single-objective genetic algorithm's ({@link #GENETIC}) defaults, with any changes.
 *
 * @param multiObjective whether the study may have several objectives (NSGA-II) or must have one
 *     (the genetic algorithm); not a setting, but which defaults apply and how errors read
 * @param populationSize trials per generation, and parents kept; at least 2 and at least the
 *     tournament size
 * @param tournamentSize parents drawn per tournament, 1 to {@code populationSize}
 * @param crossoverProbability the probability that two parents cross over, in [0, 1]
 * @param mutationProbability the probability that each coordinate mutates, in [0, 1], or NaN for
 *     1/d with d dimensions
 */
public record GeneticSettings(boolean multiObjective, int populationSize, int tournamentSize,
    double crossoverProbability, double mutationProbability) {
  /** The genetic algorithm's defaults: generations of 20, binary tournaments, 0.9, 1/d. */
  public static final GeneticSettings GENETIC = new GeneticSettings(false, 20, 2, 0.9, Double.NaN);
  /** NSGA-II's defaults: generations of 50, binary tournaments, 0.9, 1/d. */
  public static final GeneticSettings NSGA2 = new GeneticSettings(true, 50, 2, 0.9, Double.NaN);

  public GeneticSettings {
    String name = multiObjective ? "NSGA-II's " : "the genetic algorithm's ";
    GeneticSettings defaults = multiObjective ? NSGA2 : GENETIC;
    if (populationSize < 2) {
      throw new IllegalArgumentException(name + "population size must be at least 2, got "
          + populationSize + "; the default is " + defaults.populationSize());
    }
    if (tournamentSize < 1) {
      throw new IllegalArgumentException(name + "tournament size must be at least 1, got "
          + tournamentSize + "; the default is " + defaults.tournamentSize());
    }
    if (tournamentSize > populationSize) {
      throw new IllegalArgumentException(name + "tournament size must be at most the population"
          + " size, got " + tournamentSize + " with a population of " + populationSize
          + "; the defaults are tournaments of " + defaults.tournamentSize()
          + " and a population of " + defaults.populationSize());
    }
    if (!(crossoverProbability >= 0 && crossoverProbability <= 1)) {
      throw new IllegalArgumentException(name + "crossover probability must be in [0, 1], got "
          + crossoverProbability + "; the default is " + defaults.crossoverProbability());
    }
    if (!Double.isNaN(mutationProbability)
        && !(mutationProbability >= 0 && mutationProbability <= 1)) {
      throw new IllegalArgumentException(name + "mutation probability must be in [0, 1], or NaN"
          + " for 1/d with d dimensions, got " + mutationProbability + "; the default is NaN");
    }
  }

  // Withers here, not in the public classes: GeneticSampler and Nsga2Sampler share them.

  public GeneticSettings withPopulationSize(int size) {
    return new GeneticSettings(
        multiObjective, size, tournamentSize, crossoverProbability, mutationProbability);
  }

  public GeneticSettings withTournamentSize(int size) {
    return new GeneticSettings(
        multiObjective, populationSize, size, crossoverProbability, mutationProbability);
  }

  public GeneticSettings withCrossoverProbability(double probability) {
    return new GeneticSettings(
        multiObjective, populationSize, tournamentSize, probability, mutationProbability);
  }

  public GeneticSettings withMutationProbability(double probability) {
    return new GeneticSettings(
        multiObjective, populationSize, tournamentSize, crossoverProbability, probability);
  }
}
