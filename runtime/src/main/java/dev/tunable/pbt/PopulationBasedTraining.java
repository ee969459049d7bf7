package dev.tunable.pbt;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.internal.report.Report;
import dev.tunable.internal.report.ReportModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Population-based training (Jaderberg et al. 2017). A population of models, with hyperparameters
 * drawn at random from a search space, trains in parallel for a number of rounds. After each round
 * but the last, every member of the worst {@code quantile} copies the learned state and the
 * hyperparameters of a random member of the best {@code quantile} (exploit) and then perturbs the
 * explored hyperparameters, ×0.8 or ×1.2 within range, or resamples each with some probability
 * (explore). The learned state moves through the model's generated {@code Parameters} record, so
 * no reflection is involved. Every member's hyperparameters at every round are recorded.
 *
 * <p>Over a conditional space, explore may switch a member's branch: an explored choice between
 * branches is drawn anew with the resampling probability and otherwise kept (never moved to a
 * neighbouring choice), and the new branch's values are the space's defaults, or fresh draws
 * where it has none. The learned state is copied as always; a model whose state depends on the
 * branch (an optimizer's moments) must make sense of it in {@link Trainable#apply}.
 *
 * <pre>{@code
 * PopulationBasedTraining.Result<Net, NetHyperparameters> result =
 *     PopulationBasedTraining.over(NetHyperparameters.SPACE)
 *         .withPopulation(8).withRounds(10).withExplored("learningRate", "dropout")
 *         .run(trainable);
 * System.out.println(result.report());
 * }</pre>
 *
 * <p>Decisions are drawn from one seeded generator on the calling thread and each member is
 * created with its own seed, so a run gives the same result on any number of threads (if the
 * training itself is deterministic). Immutable: each {@code with...} method returns a copy with one setting changed.
 *
 * @param <H> the hyperparameters' type
 * @since 0.1
 */
public final class PopulationBasedTraining<H> {
  private final SearchSpace<H> space;
  private final int population;
  private final int rounds;
  private final double quantile;
  private final double resampleProbability;
  private final Set<String> explored;
  private final Direction direction;
  private final int threads;
  private final long seed;
  private final List<H> initial;

  private PopulationBasedTraining(SearchSpace<H> space, int population, int rounds, double quantile,
      double resampleProbability, Set<String> explored, Direction direction, int threads,
      long seed, List<H> initial) {
    this.space = space;
    this.population = population;
    this.rounds = rounds;
    this.quantile = quantile;
    this.resampleProbability = resampleProbability;
    this.explored = explored;
    this.direction = direction;
    this.threads = threads;
    this.seed = seed;
    this.initial = initial;
  }

  /**
   * A runner over {@code space}: population 8, 10 rounds, quantile 0.25, resampling probability
   * 0.25, every dimension explored, scores maximized, 1 thread, seed 0.
   */
  public static <H> PopulationBasedTraining<H> over(SearchSpace<H> space) {
    Set<String> all = Set.copyOf(space.dimensions().stream().map(d -> d.name()).toList());
    return new PopulationBasedTraining<>(Objects.requireNonNull(space, "space"), 8, 10, 0.25, 0.25,
        all, Direction.MAXIMIZE, 1, 0, List.of());
  }

  /** The number of members (at least 2). */
  public PopulationBasedTraining<H> withPopulation(int size) {
    if (size < 2) {
      throw new IllegalArgumentException("a population needs at least 2 members, got " + size);
    }
    return new PopulationBasedTraining<>(space, size, rounds, quantile, resampleProbability,
        explored, direction, threads, seed, initial);
  }

  /** The number of training intervals; exploit and explore happen between them. */
  public PopulationBasedTraining<H> withRounds(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("rounds must be >= 1, got " + count);
    }
    return new PopulationBasedTraining<>(space, population, count, quantile, resampleProbability,
        explored, direction, threads, seed, initial);
  }

  /** The share of members replaced, and the share they copy from (in (0, 0.5]). */
  public PopulationBasedTraining<H> withQuantile(double share) {
    if (!(share > 0 && share <= 0.5)) {
      throw new IllegalArgumentException("quantile must be in (0, 0.5], got " + share
          + "; 0.25 replaces the worst quarter by copies of the best quarter");
    }
    return new PopulationBasedTraining<>(space, population, rounds, share, resampleProbability,
        explored, direction, threads, seed, initial);
  }

  /** The probability that an explored hyperparameter is drawn anew rather than perturbed. */
  public PopulationBasedTraining<H> withResampleProbability(double probability) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "resampleProbability must be in [0, 1], got " + probability);
    }
    return new PopulationBasedTraining<>(space, population, rounds, quantile, probability,
        explored, direction, threads, seed, initial);
  }

  /**
   * The hyperparameters that change during training; the others (an architecture, say) are fixed
   * per lineage, copied with the learned state that depends on them.
   */
  public PopulationBasedTraining<H> withExplored(String... names) {
    for (String name : names) {
      space.dimension(name); // throws, naming the choices, if the space has no such dimension
    }
    return new PopulationBasedTraining<>(space, population, rounds, quantile, resampleProbability,
        Set.of(names), direction, threads, seed, initial);
  }

  /** Whether a higher or a lower score is better (default: higher). */
  public PopulationBasedTraining<H> withDirection(Direction direction) {
    return new PopulationBasedTraining<>(space, population, rounds, quantile, resampleProbability,
        explored, Objects.requireNonNull(direction, "direction"), threads, seed, initial);
  }

  /** The number of members trained at once. */
  public PopulationBasedTraining<H> withThreads(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + count);
    }
    return new PopulationBasedTraining<>(space, population, rounds, quantile, resampleProbability,
        explored, direction, count, seed, initial);
  }

  /** The seed of the initial draws, the members' models and every exploit and explore decision. */
  public PopulationBasedTraining<H> withSeed(long seed) {
    return new PopulationBasedTraining<>(space, population, rounds, quantile, resampleProbability,
        explored, direction, threads, seed, initial);
  }

  /** Starts the first members from {@code hyperparameters} rather than random draws. */
  public PopulationBasedTraining<H> withStart(List<H> hyperparameters) {
    return new PopulationBasedTraining<>(space, population, rounds, quantile, resampleProbability,
        explored, direction, threads, seed, List.copyOf(hyperparameters));
  }

  /** Trains the population; returns every member, the best, and the history. */
  public <M, P> Result<M, H> run(Trainable<M, H, P> trainable) {
    SplittableRandom random = new SplittableRandom(seed);
    Explorer explorer = new Explorer(space, explored, resampleProbability);
    List<M> models = new ArrayList<>();
    List<H> hyperparameters = new ArrayList<>();
    for (int i = 0; i < population; i++) {
      H h = i < initial.size() ? initial.get(i) : space.create(randomConfig(random));
      hyperparameters.add(h);
      models.add(trainable.create(h, random.nextLong()));
    }
    List<Step<H>> history = new ArrayList<>();
    List<Exploit<H>> exploits = new ArrayList<>();
    double[] scores = new double[population];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < rounds; round++) {
        trainAll(pool, trainable, models, round, scores);
        for (int i = 0; i < population; i++) {
          history.add(new Step<>(round, i, hyperparameters.get(i), scores[i]));
        }
        if (round < rounds - 1) {
          exploitAndExplore(trainable, models, hyperparameters, scores, round, random, explorer,
              exploits);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Result<>(space, models, hyperparameters, scores, history, exploits, direction);
  }

  private Config randomConfig(SplittableRandom random) {
    double[] point = new double[space.size()];
    for (int d = 0; d < point.length; d++) {
      point[d] = random.nextDouble();
    }
    return space.fromUnit(point);
  }

  private static <M> void trainAll(ExecutorService pool, Trainable<M, ?, ?> trainable,
      List<M> models, int round, double[] scores) {
    List<Future<Double>> futures = new ArrayList<>();
    for (M model : models) {
      futures.add(pool.submit(() -> {
        trainable.train(model, round);
        return trainable.evaluate(model);
      }));
    }
    for (int i = 0; i < futures.size(); i++) {
      try {
        scores[i] = futures.get(i).get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while training round " + round, e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "member " + i + " failed in round " + round + ": " + e.getCause(), e.getCause());
      }
    }
  }

  private <M, P> void exploitAndExplore(Trainable<M, H, P> trainable, List<M> models,
      List<H> hyperparameters, double[] scores, int round, SplittableRandom random,
      Explorer explorer, List<Exploit<H>> exploits) {
    Integer[] ranking = rank(scores, direction);
    int count = Math.max(1, (int) Math.floor(population * quantile));
    for (int k = 0; k < count; k++) {
      int member = ranking[population - 1 - k];
      int donor = ranking[random.nextInt(count)];
      H before = hyperparameters.get(member);
      H after = space.create(explorer.explore(space.config(hyperparameters.get(donor)), random));
      M model = models.get(member);
      P state = trainable.capture(models.get(donor));
      trainable.apply(after, model);
      trainable.restore(state, model);
      hyperparameters.set(member, after);
      exploits.add(new Exploit<>(round, member, donor, scores[member], scores[donor], before,
          after));
    }
  }

  /** Member indices from best to worst; ties keep member order. */
  static Integer[] rank(double[] scores, Direction direction) {
    Integer[] order = new Integer[scores.length];
    Arrays.setAll(order, i -> i);
    Comparator<Integer> byScore = Comparator.comparingDouble(i -> scores[i]);
    Arrays.sort(order, direction == Direction.MAXIMIZE ? byScore.reversed() : byScore);
    return order;
  }

  /** Member {@code member}'s hyperparameters and score at the end of round {@code round}. */
  public record Step<H>(int round, int member, H hyperparameters, double score) {}

  /**
   * After round {@code round}, member {@code member} (score {@code score}) took the learned state
   * of member {@code donor} (score {@code donorScore}) and changed its hyperparameters from {@code
   * before} to {@code after}, which are the donor's, explored.
   */
  public record Exploit<H>(int round, int member, int donor, double score, double donorScore,
      H before, H after) {}

  /**
   * The outcome of a run: the final models, their hyperparameters and scores, and the history.
   *
   * @param <M> the model
   * @param <H> the hyperparameters
   */
  public static final class Result<M, H> {
    private final SearchSpace<H> space;
    private final List<M> models;
    private final List<H> hyperparameters;
    private final double[] scores;
    private final List<Step<H>> history;
    private final List<Exploit<H>> exploits;
    private final int best;
    private final Direction direction;

    Result(SearchSpace<H> space, List<M> models, List<H> hyperparameters, double[] scores,
        List<Step<H>> history, List<Exploit<H>> exploits, Direction direction) {
      this.space = space;
      this.models = List.copyOf(models);
      this.hyperparameters = List.copyOf(hyperparameters);
      this.scores = scores.clone();
      this.history = List.copyOf(history);
      this.exploits = List.copyOf(exploits);
      this.best = rank(scores, direction)[0];
      this.direction = direction;
    }

    /** The index of the member with the best final score. */
    public int bestMember() {
      return best;
    }

    /** The best final model. */
    public M bestModel() {
      return models.get(best);
    }

    /** The best model's final hyperparameters. */
    public H bestHyperparameters() {
      return hyperparameters.get(best);
    }

    /** The best final score. */
    public double bestScore() {
      return scores[best];
    }

    /** Every member's final model, by member index. */
    public List<M> models() {
      return models;
    }

    /** Every member's final score, by member index; a copy. */
    public double[] scores() {
      return scores.clone();
    }

    /** Every member's hyperparameters and score after every round, by round then member. */
    public List<Step<H>> history() {
      return history;
    }

    /** Every exploit and explore, in order. */
    public List<Exploit<H>> exploits() {
      return exploits;
    }

    /** Member {@code member}'s hyperparameters in each round, from the first to the last. */
    public List<H> hyperparametersOf(int member) {
      return history.stream().filter(s -> s.member() == member).map(Step::hyperparameters)
          .toList();
    }

    /**
     * Writes the run's report to {@code file}: one self-contained HTML page with each member's
     * score and hyperparameters after every round (see {@link Study#writeReport}).
     *
     * @throws java.io.UncheckedIOException naming the file if it cannot be written
     */
    public void writeReport(Path file) {
      List<ReportModel.PbtStep> steps = history.stream().map(s -> new ReportModel.PbtStep(
          s.round(), s.member(), space.config(s.hyperparameters()).asMap(), s.score())).toList();
      Report.write(ReportModel.of("Population-based training", List.of(direction), List.of())
          .withSpace(space.dimensions()).withPbt(steps), file);
    }

    /**
     * The history as text: one line per exploit with the hyperparameters that differ from the
     * donor's, then each member's final score and hyperparameters.
     */
    public String report() {
      StringBuilder out = new StringBuilder();
      for (Exploit<H> e : exploits) {
        Config donor = space.config(hyperparametersOf(e.donor()).get(e.round()));
        Config after = space.config(e.after());
        StringBuilder changes = new StringBuilder();
        for (Dimension<?> dimension : space.dimensions()) {
          // Of a conditional space, a switched branch's values appear or go (issue 14)
          Object was = donor.asMap().get(dimension.name());
          Object now = after.asMap().get(dimension.name());
          if (!Objects.equals(was, now)) {
            changes.append(' ').append(dimension.name()).append(' ')
                .append(was == null ? "-" : was).append(" -> ").append(now == null ? "-" : now);
          }
        }
        out.append(String.format(Locale.ROOT, "round %d: member %d (%.4f) copies member %d"
                + " (%.4f);%s%n", e.round(), e.member(), e.score(), e.donor(), e.donorScore(),
            changes.length() == 0 ? " no change" : changes));
      }
      for (int i = 0; i < models.size(); i++) {
        out.append(String.format(Locale.ROOT, "member %d%s: %.4f %s%n", i,
            i == best ? " (best)" : "", scores[i], space.config(hyperparameters.get(i))));
      }
      return out.toString();
    }
  }
}
