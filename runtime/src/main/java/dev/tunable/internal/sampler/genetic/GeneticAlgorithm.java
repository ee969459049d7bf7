package dev.tunable.internal.sampler.genetic;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.SearchSpace;
import dev.tunable.TrialState;
import dev.tunable.internal.Pareto;
import dev.tunable.internal.Seeds;
import dev.tunable.internal.sampler.RecentCache;
import dev.tunable.internal.sampler.SpaceEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A genetic algorithm on the unit cube, as a stateless {@link Sampler}: NSGA-II (Deb et al. 2002)
 * for any number of objectives, and with one objective an elitist (μ+λ) genetic algorithm.
 *
 * <p>Trial {@code n} belongs to generation {@code n / populationSize}. The parents of generation
 * {@code g} are the best {@code populationSize} of the parents of generation {@code g − 1} and
 * the complete trials of generation {@code g − 1} (elitism), ranked by constrained non-dominated
 * sorting and, within the last front that fits, by crowding distance. Generation 0, and any
 * generation with no complete trial before it, is drawn at random. Running, failed and pruned
 * trials are left out: with parallel workers a generation is bred from the trials of the one
 * before that have finished.
 *
 * <p>The parents are a function of the history, replayed from it. Those of each generation are
 * cached under a 128-bit digest of the complete trials before it, so a call costs a pass over the
 * history and, at a generation's first call, the selection of the generations since the latest
 * one cached. A straggler that finishes late changes the digests from its generation on, and the
 * replay resumes before it. Same history and seed, same proposal, with or without the cache.
 *
 * <p>A child comes from two parents, each the winner of a tournament of {@code tournamentSize}
 * parents drawn at random (lower front first, then larger crowding distance). With probability
 * {@code crossoverProbability} the parents cross over: simulated binary crossover (η = 20, each
 * coordinate with probability ½) on reals and integers, uniform crossover on categoricals and
 * booleans; otherwise the child is the first parent. Each coordinate then mutates with
 * probability {@code mutationProbability} (1/d for d dimensions by default): polynomial mutation
 * (η = 20) on reals and integers, a uniformly drawn choice on categoricals and booleans.
 *
 * <p>On a conditional space, a gene of a dimension inactive in a parent is missing: crossing or
 * mutating it leaves it missing, and a child's inactive genes do not matter. A gene active in the
 * child but missing takes the value of the parent where it was active, or a fresh draw if it was
 * active in neither ({@link #completeActiveGenes}).
 */
public final class GeneticAlgorithm implements Sampler {
  private static final double ETA_CROSSOVER = 20;
  private static final double ETA_MUTATION = 20;
  /** Generations whose parents are kept: a study needs its latest, stragglers a few before. */
  private static final int CACHE_SIZE = 64;

  private final long seed;
  private final int populationSize;
  private final int tournamentSize;
  private final double crossoverProbability;
  private final double mutationProbability;
  private final boolean multiObjective;
  /** The parents of recent generations, under the key of the trials that decided them. */
  private final RecentCache<Key, List<Individual>> cache = new RecentCache<>(CACHE_SIZE);
  /** What the previous call made of its trials; null before the first call. */
  private final AtomicReference<Conversions> conversions = new AtomicReference<>();
  /** How many generations' parents this sampler has selected, to test that the cache works. */
  private final AtomicLong selections = new AtomicLong();

  public GeneticAlgorithm(long seed, GeneticSettings settings) {
    this.seed = seed;
    this.populationSize = settings.populationSize();
    this.tournamentSize = settings.tournamentSize();
    this.crossoverProbability = settings.crossoverProbability();
    this.mutationProbability = settings.mutationProbability();
    this.multiObjective = settings.multiObjective();
  }

  @Override
  public Config sample(SamplerContext context) {
    if (!multiObjective && context.directions().size() != 1) {
      throw new IllegalArgumentException(
          "the genetic sampler optimizes one objective, but the study has "
              + context.directions().size() + " directions " + context.directions()
              + "; use Samplers.nsga2(seed) for several objectives");
    }
    SearchSpace<?> space = context.space();
    SplittableRandom random = Seeds.forTrial(seed, context.trialNumber());
    int d = space.size();
    long generation = context.trialNumber() / populationSize;
    List<Individual> parents = generation == 0 ? List.of() : parents(context, generation);
    double[] child = new double[d];
    if (parents.isEmpty()) {
      for (int i = 0; i < d; i++) {
        child[i] = random.nextDouble();
      }
      return space.fromUnit(child);
    }
    SpaceEncoding encoding = SpaceEncoding.of(space);
    boolean[] categorical = new boolean[d];
    for (int i = 0; i < d; i++) {
      categorical[i] = encoding.kind(i) == SpaceEncoding.Kind.CATEGORICAL;
    }
    Individual first = tournament(parents, random);
    Individual second = tournament(parents, random);
    System.arraycopy(first.unit, 0, child, 0, d);
    if (random.nextDouble() < crossoverProbability) {
      for (int i = 0; i < d; i++) {
        if (categorical[i]) {
          child[i] = random.nextBoolean() ? first.unit[i] : second.unit[i];
        } else if (random.nextBoolean()) {
          child[i] = sbx(first.unit[i], second.unit[i], random);
        }
      }
    }
    double rate = Double.isNaN(mutationProbability) ? 1.0 / d : mutationProbability;
    for (int i = 0; i < d; i++) {
      if (random.nextDouble() < rate) {
        child[i] = categorical[i] ? random.nextDouble() : polynomialMutation(child[i], random);
      }
    }
    if (encoding.isConditional()) {
      completeActiveGenes(encoding, child, first.unit, second.unit, random);
    }
    return space.fromUnit(child);
  }

  /**
   * Gives each gene active in {@code child} but missing (NaN: inactive in the parent it came from,
   * or crossed with such a gene) a value: that of the parent in which it was active, the first
   * one first, or else a fresh draw. In space order, so that a gene's parent dimension is settled
   * before it is asked whether it is active. Inactive genes are left as they are; they do not
   * matter.
   */
  static void completeActiveGenes(SpaceEncoding encoding, double[] child, double[] first,
      double[] second, SplittableRandom random) {
    for (int i = 0; i < child.length; i++) {
      if (Double.isNaN(child[i]) && encoding.isActive(i, child)) {
        child[i] = !Double.isNaN(first[i]) ? first[i]
            : !Double.isNaN(second[i]) ? second[i]
            : random.nextDouble();
      }
    }
  }

  /**
   * The parents of {@code generation} (at least 1): those of the latest generation cached under
   * the digest of the trials that decided them, bred forward through the generations since.
   */
  private List<Individual> parents(SamplerContext context, long generation) {
    int generations = Math.toIntExact(generation);
    List<Individual> evaluated = evaluated(context, generation * populationSize);
    List<Dimension<?>> dimensions = context.space().dimensions();
    List<Direction> directions = context.directions();
    // keys[g] digests the trials numbered below g * populationSize, which decide the parents of
    // generation g; ends[g] counts them.
    Key[] keys = new Key[generations + 1];
    int[] ends = new int[generations + 1];
    Digest digest = new Digest();
    int next = 0;
    for (int g = 1; g <= generations; g++) {
      long end = (long) g * populationSize;
      while (next < evaluated.size() && evaluated.get(next).number < end) {
        digest.add(evaluated.get(next++));
      }
      ends[g] = next;
      keys[g] = new Key(digest.high, digest.low, g, dimensions, directions);
    }
    int from = generations;
    List<Individual> parents = cache.get(keys[from]);
    while (parents == null && --from > 0) {
      parents = cache.get(keys[from]);
    }
    if (parents == null) {
      parents = List.of();
    }
    Map<Key, List<Individual>> bred = new LinkedHashMap<>();
    for (int g = from + 1; g <= generations; g++) {
      List<Individual> pool = new ArrayList<>(parents);
      pool.addAll(evaluated.subList(ends[g - 1], ends[g]));
      parents = select(pool);
      selections.incrementAndGet();
      bred.put(keys[g], parents);
    }
    cache.putAll(bred);
    return parents;
  }

  /**
   * The best {@code populationSize} of {@code pool}, each with its front and crowding distance
   * among the chosen.
   */
  private List<Individual> select(List<Individual> pool) {
    List<Individual> chosen = new ArrayList<>();
    List<int[]> fronts = fronts(pool);
    for (int[] front : fronts) {
      if (chosen.size() + front.length <= populationSize) {
        for (int k : front) {
          chosen.add(pool.get(k));
        }
        continue;
      }
      double[] crowding = Pareto.crowding(scores(pool), front);
      Integer[] order = new Integer[front.length];
      for (int k = 0; k < order.length; k++) {
        order[k] = k;
      }
      Arrays.sort(order, (a, b) -> crowding[a] != crowding[b]
          ? Double.compare(crowding[b], crowding[a])
          : Long.compare(pool.get(front[a]).number, pool.get(front[b]).number));
      for (int k = 0; chosen.size() < populationSize; k++) {
        chosen.add(pool.get(front[order[k]]));
      }
      break;
    }
    List<int[]> chosenFronts = fronts(chosen);
    double[][] scores = scores(chosen);
    for (int rank = 0; rank < chosenFronts.size(); rank++) {
      int[] front = chosenFronts.get(rank);
      double[] crowding = Pareto.crowding(scores, front);
      for (int k = 0; k < front.length; k++) {
        Individual individual = chosen.get(front[k]);
        chosen.set(front[k], individual.ranked(rank, crowding[k]));
      }
    }
    return List.copyOf(chosen);
  }

  private static List<int[]> fronts(List<Individual> pool) {
    double[] violations = new double[pool.size()];
    for (int k = 0; k < violations.length; k++) {
      violations[k] = pool.get(k).violation;
    }
    return Pareto.fronts(scores(pool), violations);
  }

  private static double[][] scores(List<Individual> pool) {
    double[][] scores = new double[pool.size()][];
    for (int k = 0; k < scores.length; k++) {
      scores[k] = pool.get(k).scores;
    }
    return scores;
  }

  private Individual tournament(List<Individual> parents, SplittableRandom random) {
    Individual winner = parents.get(random.nextInt(parents.size()));
    for (int round = 1; round < tournamentSize; round++) {
      Individual rival = parents.get(random.nextInt(parents.size()));
      if (rival.rank < winner.rank
          || (rival.rank == winner.rank && rival.crowding > winner.crowding)) {
        winner = rival;
      }
    }
    return winner;
  }

  /** One child of simulated binary crossover bounded to [0, 1] (Deb and Agrawal 1995). */
  private static double sbx(double a, double b, SplittableRandom random) {
    if (Math.abs(a - b) < 1e-14) {
      return a;
    }
    double y1 = Math.min(a, b);
    double y2 = Math.max(a, b);
    double u = random.nextDouble();
    double beta = 1 + 2 * Math.min(y1, 1 - y2) / (y2 - y1);
    double alpha = 2 - Math.pow(beta, -(ETA_CROSSOVER + 1));
    double betaQ = u <= 1 / alpha
        ? Math.pow(u * alpha, 1 / (ETA_CROSSOVER + 1))
        : Math.pow(1 / (2 - u * alpha), 1 / (ETA_CROSSOVER + 1));
    double child = random.nextBoolean()
        ? 0.5 * ((y1 + y2) - betaQ * (y2 - y1))
        : 0.5 * ((y1 + y2) + betaQ * (y2 - y1));
    return Math.min(1, Math.max(0, child));
  }

  /** Deb's bounded polynomial mutation of {@code y} in [0, 1]. */
  private static double polynomialMutation(double y, SplittableRandom random) {
    double u = random.nextDouble();
    double power = 1 / (ETA_MUTATION + 1);
    double delta;
    if (u < 0.5) {
      double xy = 1 - y;
      double value = 2 * u + (1 - 2 * u) * Math.pow(xy, ETA_MUTATION + 1);
      delta = Math.pow(value, power) - 1;
    } else {
      double xy = y;
      double value = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(xy, ETA_MUTATION + 1);
      delta = 1 - Math.pow(value, power);
    }
    return Math.min(1, Math.max(0, y + delta));
  }

  /**
   * The complete trials numbered below {@code end} that have every dimension of the space and a
   * value per objective, by number, as minimization scores. A trial the previous call converted
   * is taken from it, not converted again: snapshots are immutable, and a study hands out the same
   * snapshot of a trial until the trial changes.
   */
  private List<Individual> evaluated(SamplerContext context, long end) {
    SearchSpace<?> space = context.space();
    SpaceEncoding encoding = SpaceEncoding.of(space);
    List<Direction> directions = context.directions();
    List<FrozenTrial> trials = context.trials();
    Conversions last = conversions.get();
    List<FrozenTrial> lastTrials = last != null && last.dimensions.equals(space.dimensions())
        && last.directions.equals(directions) ? last.trials : List.of();
    Individual[] converted = new Individual[trials.size()];
    List<Individual> individuals = new ArrayList<>(converted.length);
    boolean ascending = true;
    for (int i = 0; i < converted.length; i++) {
      FrozenTrial trial = trials.get(i);
      converted[i] = i < lastTrials.size() && lastTrials.get(i) == trial
          ? last.individuals[i]
          : individual(encoding, directions, trial);
      if (converted[i] != null && trial.number() < end) {
        ascending &= individuals.isEmpty()
            || individuals.get(individuals.size() - 1).number < trial.number();
        individuals.add(converted[i]);
      }
    }
    conversions.set(new Conversions(trials, space.dimensions(), directions, converted));
    if (!ascending) { // a study hands out its trials by number; a caller may not
      individuals.sort((a, b) -> Long.compare(a.number, b.number));
    }
    return individuals;
  }

  /**
   * A complete trial with every dimension of the space and a value per objective as an
   * individual, its scores those to minimize; null for any other trial.
   */
  private static Individual individual(
      SpaceEncoding encoding, List<Direction> directions, FrozenTrial trial) {
    if (trial.state() != TrialState.COMPLETE) {
      return null;
    }
    double[] values = trial.values();
    if (values.length != directions.size()) {
      return null;
    }
    // Null also for a trial of another space sharing the names; NaN for an inactive dimension.
    double[] unit = encoding.encodeActive(trial.params());
    if (unit == null) {
      return null;
    }
    double[] scores = new double[values.length];
    for (int m = 0; m < values.length; m++) {
      scores[m] = directions.get(m) == Direction.MINIMIZE ? values[m] : -values[m];
    }
    return Individual.of(trial.number(), unit, scores, Pareto.violation(trial.constraints()));
  }

  /** How many generations' parents this sampler has selected so far; for tests. */
  long selections() {
    return selections.get();
  }

  /**
   * What the parents of a generation depend on: the space, the directions, the generation and a
   * 128-bit digest of the complete trials before it (numbers, points, scores, violations).
   */
  private record Key(
      long high, long low, int generation, List<Dimension<?>> dimensions,
      List<Direction> directions) {}

  /** Two 64-bit hashes folded over a sequence of numbers or individuals. */
  private static final class Digest {
    long high = 0x243F6A8885A308D3L;
    long low = 0x13198A2E03707344L;

    void add(Individual individual) {
      high = Seeds.mix(high ^ individual.hashHigh) + 0x9E3779B97F4A7C15L;
      low = Seeds.mix(low + individual.hashLow * 0xC2B2AE3D27D4EB4FL) ^ 0x165667B19E3779F9L;
    }

    void add(long bits) {
      high = Seeds.mix(high ^ bits) + 0x9E3779B97F4A7C15L;
      low = Seeds.mix(low + bits * 0xC2B2AE3D27D4EB4FL) ^ 0x165667B19E3779F9L;
    }
  }

  /**
   * A complete trial as a member of a population; {@code hashHigh} and {@code hashLow} digest its
   * number, point, scores and violation.
   */
  private record Individual(long number, double[] unit, double[] scores, double violation,
      int rank, double crowding, long hashHigh, long hashLow) {
    static Individual of(long number, double[] unit, double[] scores, double violation) {
      Digest digest = new Digest();
      digest.add(number);
      for (double u : unit) {
        digest.add(Double.doubleToLongBits(u));
      }
      for (double score : scores) {
        digest.add(Double.doubleToLongBits(score));
      }
      digest.add(Double.doubleToLongBits(violation));
      return new Individual(
          number, unit, scores, violation, 0, 0, digest.high, digest.low);
    }

    Individual ranked(int newRank, double newCrowding) {
      return new Individual(
          number, unit, scores, violation, newRank, newCrowding, hashHigh, hashLow);
    }
  }

  /**
   * The previous call's trials (compared by identity), the space and directions it converted
   * them for, and what each became: its individual, or null.
   */
  private record Conversions(List<FrozenTrial> trials, List<Dimension<?>> dimensions,
      List<Direction> directions, Individual[] individuals) {}
}
