package dev.tunable.internal.sampler.tpe;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.SearchSpace;
import dev.tunable.TrialState;
import dev.tunable.internal.Seeds;
import dev.tunable.internal.sampler.SpaceEncoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * The tree-structured Parzen estimator (Bergstra et al. 2011), with Optuna's refinements. After
 * {@code startupTrials} random trials, it ranks the history, calls the best {@code min(⌈n/10⌉,
 * 25)} trials "good" and the rest "bad", fits a Parzen estimator l to the good and g to the bad,
 * draws {@code candidates} points from l and proposes the one with the highest l/g. Every trial
 * in a group weighs the same (see {@link MixtureWeights}), except in multivariate TPE on a
 * conditional space, where the trials older than the 25 most recent weigh less, as in Optuna.
 *
 * <p>Ranking: complete trials by value; then pruned trials, those stopped at a later step first
 * and, at the same step, by their last reported value; then pruned trials that reported nothing.
 * With the constant liar, running trials (other workers' pending proposals) count as bad, so that
 * parallel workers spread out instead of proposing the same point. Failed trials are ignored.
 *
 * <p>Univariate (the default), each dimension has its own estimators over the trials that have it;
 * multivariate, one joint estimator covers every dimension and learns how they interact, over the
 * trials that have them all.
 *
 * <p>On a conditional space, as Optuna does: the good and bad groups are split over every trial,
 * and each estimator is then fitted on those of them where its dimensions were active, so a
 * branch's estimators learn from that branch's trials alone. Multivariate TPE decomposes the
 * space into groups of dimensions active together ({@link #groups}, Optuna's {@code group=True}),
 * each with one joint estimator. A dimension left inactive by the choices already drawn is not
 * drawn. There a branch's old bad trials weighing less lets a branch the search left long ago
 * be tried again, as Optuna's branch choice does.
 *
 * <p>Stateless: the randomness of trial {@code n} comes from the seed and {@code n}, and the
 * estimators are rebuilt from the history on each call.
 */
public final class TpeAlgorithm implements Sampler {
  private static final int MAX_GOOD = 25;

  private final long seed;
  private final int startupTrials;
  private final int candidates;
  private final boolean multivariate;
  private final boolean constantLiar;
  private final AtomicReference<RowCache> cache = new AtomicReference<>();

  public TpeAlgorithm(long seed, TpeSettings settings) {
    this.seed = seed;
    this.startupTrials = settings.startupTrials();
    this.candidates = settings.candidates();
    this.multivariate = settings.multivariate();
    this.constantLiar = settings.constantLiar();
  }

  @Override
  public Config sample(SamplerContext context) {
    if (context.directions().size() != 1) {
      throw new IllegalArgumentException(
          "TPE optimises one objective; this study has " + context.directions().size()
              + ". Use a single-objective study, or Samplers.random for several objectives");
    }
    SearchSpace<?> space = context.space();
    SplittableRandom random = Seeds.forTrial(seed, context.trialNumber());
    double[] unit = new double[space.size()];
    List<Ranked> considered = consider(context);
    long finished = considered.stream().filter(r -> r.category < RUNNING_CATEGORY).count();
    if (finished < startupTrials) {
      for (int i = 0; i < unit.length; i++) {
        unit[i] = random.nextDouble();
      }
      return space.fromUnit(unit);
    }
    // The good group's size counts finished trials only; running ones always join the bad group.
    int good = (int) Math.min(Math.ceil(0.1 * finished), MAX_GOOD);
    boolean[] isGood = best(considered, good);
    SpaceEncoding encoding = SpaceEncoding.of(space);
    List<Coordinate> coordinates = new ArrayList<>();
    for (int d = 0; d < encoding.size(); d++) {
      coordinates.add(Coordinate.of(encoding, d));
    }
    // Every trial's coordinates, NaN where a trial lacks a dimension, split oldest first.
    RowCache history = rows(space, encoding, considered, coordinates);
    double[][] rows = history.rows;
    double[][] below = new double[coordinates.size()][good];
    double[][] above = new double[coordinates.size()][considered.size() - good];
    for (int i = 0, b = 0, a = 0; i < rows.length; i++) {
      double[][] columns = isGood[i] ? below : above;
      int row = isGood[i] ? b++ : a++;
      for (int j = 0; j < coordinates.size(); j++) {
        columns[j][row] = rows[i][j];
      }
    }
    // Estimators over equally many trials share their weights.
    Map<Integer, MixtureWeights> weights = new HashMap<>();
    IntFunction<MixtureWeights> weighing =
        multivariate && space.isConditional() ? MixtureWeights::ramped : MixtureWeights::of;
    // In space order, so that a dimension's parent is chosen before it is asked whether it is
    // active; an inactive dimension's coordinate is left out of the configuration, so it is not
    // drawn.
    if (multivariate) {
      for (int[] group : groups(space)) {
        if (encoding.isActive(group[0], unit)) {
          propose(random, coordinates, group, below, above, weights, weighing, unit, null);
        }
      }
    } else {
      for (int i = 0; i < coordinates.size(); i++) {
        if (!encoding.isActive(i, unit)) {
          continue;
        }
        double[] sortedAbove = history.order[i] == null ? null : history.sortedExcept(i, isGood);
        propose(random, coordinates, new int[] {i}, below, above, weights, weighing, unit,
            sortedAbove);
      }
    }
    return space.fromUnit(unit);
  }

  /**
   * The groups of multivariate TPE, Optuna's group decomposition read from the space: the
   * dimensions under the same {@link dev.tunable.Condition} (or under none) are active in the same
   * trials, and each group has one joint estimator over the trials where it was active. Groups
   * are in the order of their first dimensions, and so after the groups of their parents; a
   * space without conditions is one group.
   */
  static List<int[]> groups(SearchSpace<?> space) {
    Map<Object, List<Integer>> byCondition = new LinkedHashMap<>();
    for (int d = 0; d < space.size(); d++) {
      Object condition = space.condition(space.dimensions().get(d).name())
          .map(c -> List.of(c.parent(), Set.copyOf(c.labels())));
      byCondition.computeIfAbsent(condition, key -> new ArrayList<>()).add(d);
    }
    List<int[]> groups = new ArrayList<>();
    for (List<Integer> group : byCondition.values()) {
      groups.add(group.stream().mapToInt(Integer::intValue).toArray());
    }
    return groups;
  }

  /**
   * Fills {@code unit} at {@code group}'s dimensions with the best of the candidates; {@code
   * sortedAbove}, when not null, holds the bad trials' values of the group's one continuous
   * dimension in increasing order.
   */
  private void propose(
      SplittableRandom random,
      List<Coordinate> coordinates,
      int[] group,
      double[][] below,
      double[][] above,
      Map<Integer, MixtureWeights> weights,
      IntFunction<MixtureWeights> weighing,
      double[] unit,
      double[] sortedAbove) {
    Coordinate[] members = new Coordinate[group.length];
    for (int j = 0; j < group.length; j++) {
      members[j] = coordinates.get(group[j]);
    }
    ParzenEstimator l = estimator(members, group, below, weights, weighing, true);
    ParzenEstimator g = sortedAbove != null
        ? ParzenEstimator.forDensityOfSorted(members[0], sortedAbove,
            weights.computeIfAbsent(sortedAbove.length, MixtureWeights::of))
        : estimator(members, group, above, weights, weighing, false);
    double[][] points = new double[candidates][group.length];
    for (double[] point : points) {
      l.sample(random, point);
    }
    double[] logL = new double[candidates];
    double[] scratch = new double[Math.max(l.components(), g.components())];
    l.logDensity(points, logL, scratch);
    int best = g.best(points, logL, scratch);
    for (int j = 0; j < group.length; j++) {
      unit[group[j]] = members[j].toUnit(points[best][j]);
    }
  }

  /** The estimator over the trials in {@code columns} (oldest first) that have every member. */
  private static ParzenEstimator estimator(
      Coordinate[] members,
      int[] group,
      double[][] columns,
      Map<Integer, MixtureWeights> weights,
      IntFunction<MixtureWeights> weighing,
      boolean sampled) {
    int rows = columns[0].length;
    boolean[] complete = new boolean[rows];
    int count = 0;
    for (int i = 0; i < rows; i++) {
      boolean has = true;
      for (int j = 0; j < group.length && has; j++) {
        has = !Double.isNaN(columns[group[j]][i]);
      }
      complete[i] = has;
      count += has ? 1 : 0;
    }
    double[][] observations = new double[group.length][];
    for (int j = 0; j < group.length; j++) {
      double[] column = columns[group[j]];
      if (count == rows) {
        observations[j] = column;
        continue;
      }
      double[] kept = new double[count];
      for (int i = 0, k = 0; i < rows; i++) {
        if (complete[i]) {
          kept[k++] = column[i];
        }
      }
      observations[j] = kept;
    }
    MixtureWeights mixture = weights.computeIfAbsent(count, weighing::apply);
    return sampled
        ? new ParzenEstimator(members, observations, count, mixture)
        : ParzenEstimator.forDensity(members, observations, count, mixture);
  }

  /**
   * The coordinates of each trial, and for univariate TPE the order of their values on each
   * continuous dimension. A trial's row is read again only if the last call did not see that very
   * snapshot: studies keep a finished trial's snapshot, so reading a long history costs one
   * comparison per trial. Results do not depend on the cache.
   */
  private RowCache rows(SearchSpace<?> space, SpaceEncoding encoding, List<Ranked> trials,
      List<Coordinate> coordinates) {
    RowCache previous = cache.get();
    boolean usable = previous != null && previous.space == space;
    FrozenTrial[] snapshots = new FrozenTrial[trials.size()];
    double[][] rows = new double[trials.size()][];
    int p = 0;
    for (int i = 0; i < rows.length; i++) {
      FrozenTrial trial = trials.get(i).trial;
      snapshots[i] = trial;
      if (usable) {
        while (p < previous.trials.length && previous.trials[p].number() < trial.number()) {
          p++;
        }
        if (p < previous.trials.length && previous.trials[p] == trial) {
          rows[i] = previous.rows[p];
          continue;
        }
      }
      double[] row = encoding.encode(trial.params());
      for (int j = 0; j < row.length; j++) {
        row[j] = coordinates.get(j).fromUnit(row[j]);
      }
      rows[i] = row;
    }
    int[][] order = new int[coordinates.size()][];
    if (!multivariate) {
      // A study's trials only grow, so this call's rows usually extend the last call's; rows of
      // other trials with the same numbers (another study on the space) must not reuse the order.
      int kept = usable && extendsRows(previous.rows, rows) ? previous.rows.length : 0;
      for (int j = 0; j < order.length; j++) {
        if (coordinates.get(j).kind() == Coordinate.Kind.CONTINUOUS) {
          order[j] = merge(kept == 0 ? new int[0] : previous.order[j], rows, j, kept);
        }
      }
    }
    RowCache next = new RowCache(space, snapshots, rows, order);
    cache.set(next);
    return next;
  }

  /**
   * Whether {@code rows} starts with the rows of {@code earlier}, value for value: then the order
   * of the earlier rows holds for them. A row taken over from the last call is the same array.
   */
  private static boolean extendsRows(double[][] earlier, double[][] rows) {
    if (earlier.length > rows.length) {
      return false;
    }
    for (int i = 0; i < earlier.length; i++) {
      if (earlier[i] != rows[i] && !Arrays.equals(earlier[i], rows[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rows from {@code kept} on that have column {@code j}, sorted by it, merged into {@code
   * sorted}, the rows below {@code kept} that have it in increasing order of it.
   */
  private static int[] merge(int[] sorted, double[][] rows, int j, int kept) {
    int[] added = new int[rows.length - kept];
    int count = 0;
    for (int i = kept; i < rows.length; i++) {
      if (!Double.isNaN(rows[i][j])) {
        added[count++] = i;
      }
    }
    double[] values = new double[count];
    for (int k = 0; k < count; k++) {
      values[k] = rows[added[k]][j];
    }
    int[] order = ParzenEstimator.sortedOrder(values);
    int[] merged = new int[sorted.length + count];
    for (int a = 0, b = 0, m = 0; m < merged.length; m++) {
      boolean fromSorted =
          b == count || a < sorted.length && rows[sorted[a]][j] <= values[order[b]];
      merged[m] = fromSorted ? sorted[a++] : added[order[b++]];
    }
    return merged;
  }

  /**
   * The rows read on the last call, never modified; {@code order[j]}, for a continuous
   * dimension of univariate TPE, lists the rows that have it in increasing order of it.
   */
  private record RowCache(
      SearchSpace<?> space, FrozenTrial[] trials, double[][] rows, int[][] order) {
    /** Column {@code j} of the rows not marked, in increasing order. */
    double[] sortedExcept(int j, boolean[] marked) {
      double[] values = new double[order[j].length];
      int count = 0;
      for (int i : order[j]) {
        if (!marked[i]) {
          values[count++] = rows[i][j];
        }
      }
      return Arrays.copyOf(values, count);
    }
  }

  /** Which of {@code trials} are the {@code good} best, by a selection that keeps them sorted. */
  private static boolean[] best(List<Ranked> trials, int good) {
    int[] top = new int[good];
    int kept = 0;
    for (int i = 0; i < trials.size(); i++) {
      Ranked trial = trials.get(i);
      boolean full = kept == good;
      if (trial.category == RUNNING_CATEGORY
          || full && (good == 0 || BEST_FIRST.compare(trial, trials.get(top[good - 1])) >= 0)) {
        continue;
      }
      int at = Math.min(kept, good - 1);
      while (at > 0 && BEST_FIRST.compare(trial, trials.get(top[at - 1])) < 0) {
        top[at] = top[at - 1];
        at--;
      }
      top[at] = i;
      kept = Math.min(kept + 1, good);
    }
    boolean[] isGood = new boolean[trials.size()];
    for (int k = 0; k < kept; k++) {
      isGood[top[k]] = true;
    }
    return isGood;
  }

  private static final int RUNNING_CATEGORY = 3;

  /** A trial with its place in the ranking: category first, then score (lower is better). */
  private record Ranked(FrozenTrial trial, int category, long step, double score) {}

  /** Better first: by category, then later step, then lower score, then lower number. */
  private static final Comparator<Ranked> BEST_FIRST = (x, y) -> {
    // Written out: a chain of comparing(...) lambdas cost a fifth of a 1,000-trial proposal.
    if (x.category != y.category) {
      return Integer.compare(x.category, y.category);
    } else if (x.step != y.step) {
      return Long.compare(y.step, x.step);
    } else if (x.score != y.score) {
      return Double.compare(x.score, y.score);
    }
    return Long.compare(x.trial.number(), y.trial.number());
  };

  /**
   * The trials that inform the model, by number, with their rank keys (see the class comment);
   * the trial being sampled left out.
   */
  private List<Ranked> consider(SamplerContext context) {
    double sign = context.direction() == Direction.MINIMIZE ? 1 : -1;
    List<Ranked> ranked = new ArrayList<>();
    for (FrozenTrial trial : context.trials()) {
      if (trial.number() == context.trialNumber()) {
        continue;
      }
      if (trial.state() == TrialState.COMPLETE) {
        double value = trial.value();
        if (!Double.isNaN(value)) {
          ranked.add(new Ranked(trial, 0, 0, sign * value));
        }
      } else if (trial.state() == TrialState.PRUNED) {
        if (trial.intermediateValues().isEmpty()) {
          ranked.add(new Ranked(trial, 2, 0, 0));
        } else {
          long step = trial.intermediateValues().lastKey();
          double value = trial.intermediateValues().get(step);
          double score = Double.isNaN(value) ? Double.MAX_VALUE : sign * value;
          ranked.add(new Ranked(trial, 1, step, score));
        }
      } else if (trial.state() == TrialState.RUNNING && constantLiar) {
        ranked.add(new Ranked(trial, RUNNING_CATEGORY, 0, 0));
      }
    }
    // Studies list trials by number already; the weights need that order.
    for (int i = 1; i < ranked.size(); i++) {
      if (ranked.get(i).trial.number() < ranked.get(i - 1).trial.number()) {
        ranked.sort(Comparator.comparingLong(r -> r.trial.number()));
        break;
      }
    }
    return ranked;
  }
}
