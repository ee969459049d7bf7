package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.TrialState;
import dev.tunable.internal.sampler.RecentCache;
import dev.tunable.internal.sampler.SpaceEncoding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The automatic sampler, which a study that names none uses: it chooses among the built-in
 * samplers by the study and its history, and switches as the study goes on.
 *
 * <ol>
 *   <li>Several objectives: {@linkplain Samplers#nsga2(long) NSGA-II}. Once a trial has been
 *       pruned: {@linkplain Samplers#tpe(long) TPE}, which learns from pruned trials.
 *   <li>Otherwise the {@linkplain Samplers#gp(long) GP} from the first trial ({@value
 *       #GP_STARTUP_TRIALS} Sobol points, then its model), while it stays cheap and makes
 *       progress: until the cheapest of its last {@value #COST_WINDOW} proposals
 *       cost more than {@link #withCostLimit the cost limit} (default {@value
 *       #DEFAULT_COST_LIMIT_MILLIS} ms of CPU time each), or the last {@value #STALL_TRIALS}
 *       complete trials improved the best value by at most {@value #STALL_FRACTION} of the
 *       improvement since the first {@value #STALL_TRIALS} / 2. At the first such stall it
 *       re-runs the best trial's parameters once ({@value #REPEAT}): if the value differs from
 *       that trial's by more than that least progress, the objective is noisy, its best value a
 *       lucky draw, and the GP, which models the noise, goes on until its cost limit. A study
 *       that reaches its first GP proposal with {@value #GP_START_LIMIT} trials or more (a
 *       resumed one) skips the GP.
 *   <li>Then, for good: {@linkplain Samplers#cmaEs(long) CMA-ES} if every dimension is ordered
 *       (reals, integers), centred on the best trial so far with a step size from the spread of
 *       the best few, learning from its own trials only; {@linkplain Samplers#tpe(long) TPE} if
 *       the space has categorical or boolean dimensions, learning from every trial.
 * </ol>
 *
 * <p>A {@link dev.tunable.Study} records, as attributes of each trial this sampler proposes, which
 * sampler made the proposal ({@value #SAMPLER_ATTRIBUTE}: {@code gp}, {@code repeat}, {@code
 * cmaes}, {@code tpe} or {@code nsga2}) and the CPU time the proposal took ({@value #COST_ATTRIBUTE}, milliseconds).
 * The choice reads those records, never a clock: with the same seed and history it makes the same
 * proposal, so a resumed or replayed study goes on as it went. Measured cost is the one input that
 * varies between machines: two fresh runs with the same seed may leave the GP a few trials apart;
 * {@link #withGpTrials} fixes the switch at a trial number instead.
 *
 * <p>Made by {@link Samplers#auto(long)}; immutable and thread-safe.
 *
 * @since 0.1
 */
public final class AutoSampler implements Sampler {
  /** The trial attribute naming the sampler that made a proposal. */
  public static final String SAMPLER_ATTRIBUTE = "sampler";

  /** The trial attribute holding a proposal's CPU time in milliseconds. */
  public static final String COST_ATTRIBUTE = "sampler_ms";

  /** The GP's proposals whose cost is compared with the limit: the cheapest of them counts. */
  static final int COST_WINDOW = 5;

  /** A study with this many trials before the GP's first proposal starts after the GP. */
  static final int GP_START_LIMIT = 100;

  static final double DEFAULT_COST_LIMIT_MILLIS = 30;

  /** The complete trials over which the GP's progress is judged. */
  static final int STALL_TRIALS = 20;

  /** The share of the progress so far below which the last trials count as stalled. */
  static final double STALL_FRACTION = 1e-3;

  /**
   * The GP's Sobol trials before its first model: one fewer than the GP's own default, since in
   * a small budget (20 trials) the model's choices gain more than a fifth even point (measured on
   * 16 functions, BENCHMARKS.md).
   */
  static final int GP_STARTUP_TRIALS = 4;

  /** The best trials whose spread sets CMA-ES's first step size, besides the best one. */
  private static final int SPREAD_TRIALS = 5;

  /** The choices, by the names recorded in {@link #SAMPLER_ATTRIBUTE}. */
  public static final String GP = "gp";

  /** CMA-ES, the choice after the GP on ordered spaces. */
  public static final String CMA_ES = "cmaes";

  /** TPE, the choice after the GP on spaces with categoricals, and once trials are pruned. */
  public static final String TPE = "tpe";

  /**
   * A re-run of the best trial's parameters, once, when the GP's progress stalls: it tells a
   * noisy objective from a stalled search.
   */
  public static final String REPEAT = "repeat";

  /** NSGA-II, the choice with several objectives. */
  public static final String NSGA2 = "nsga2";

  private final long seed;
  private final double costLimitMillis;
  private final int gpTrials;
  private final GpSampler gp;
  private final TpeSampler tpe;
  private final Nsga2Sampler nsga2;
  /** CMA-ES samplers started at a switch, by where and how they start; a study needs one. */
  private final RecentCache<CmaStart, CmaEsSampler> cmaEs = new RecentCache<>(64);

  /** The sampler of {@link Samplers#auto(long)}. */
  public AutoSampler(long seed) {
    this(seed, DEFAULT_COST_LIMIT_MILLIS, 0);
  }

  private AutoSampler(long seed, double costLimitMillis, int gpTrials) {
    this.seed = seed;
    this.costLimitMillis = costLimitMillis;
    this.gpTrials = gpTrials;
    this.gp = new GpSampler(seed).withStartupTrials(GP_STARTUP_TRIALS);
    this.tpe = new TpeSampler(seed);
    this.nsga2 = new Nsga2Sampler(seed);
  }

  /**
   * Leaves the GP once the cheapest of its last {@value #COST_WINDOW} proposals cost more than
   * {@code millis} of CPU time (default {@value #DEFAULT_COST_LIMIT_MILLIS}; more than 0).
   */
  public AutoSampler withCostLimit(double millis) {
    if (!(millis > 0) || Double.isInfinite(millis)) {
      throw new IllegalArgumentException(
          "the automatic sampler's cost limit must be a positive number of milliseconds, got "
              + millis + "; the default is " + DEFAULT_COST_LIMIT_MILLIS);
    }
    return new AutoSampler(seed, millis, gpTrials);
  }

  /**
   * Leaves the GP at trial number {@code trials} whatever its cost (0, the default: by cost), so
   * that fresh runs with the same seed switch at the same trial on any machine.
   */
  public AutoSampler withGpTrials(int trials) {
    if (trials < 0) {
      throw new IllegalArgumentException("the automatic sampler's GP trials must be 0 (switch by"
          + " cost) or more, got " + trials);
    }
    return new AutoSampler(seed, costLimitMillis, trials);
  }

  @Override
  public Config sample(SamplerContext context) {
    return switch (choice(context)) {
      case NSGA2 -> nsga2.sample(context);
      case TPE -> tpe.sample(context);
      case GP -> gp.sample(context);
      case REPEAT -> best(before(context), context).params();
      default -> cmaEs(context);
    };
  }

  /**
   * The name of the sampler that makes the proposal for {@code context}: {@value #GP}, {@value
   * #REPEAT}, {@value #CMA_ES}, {@value #TPE} or {@value #NSGA2}; a function of the context alone.
   */
  public String choice(SamplerContext context) {
    if (context.directions().size() > 1) {
      return NSGA2;
    }
    List<FrozenTrial> trials = before(context);
    if (trials.stream().anyMatch(t -> t.state() == TrialState.PRUNED)) {
      return TPE;
    }
    String after = hasCategorical(context) ? TPE : CMA_ES;
    if (switchTrial(trials) >= 0) {
      return after;
    }
    if (gpTrials > 0) {
      return context.trialNumber() < gpTrials ? GP : after;
    }
    if (!cheap(trials)) {
      return after;
    }
    if (!stalled(scores(trials, context.direction()))) {
      return GP;
    }
    FrozenTrial repeat = repeat(trials);
    if (repeat == null) {
      return best(trials, context) != null ? REPEAT : after;
    }
    return switch (repeat.state()) {
      case RUNNING -> GP;
      case COMPLETE -> noisy(repeat, trials, context) ? GP : after;
      default -> after;
    };
  }

  /**
   * Whether the GP's proposals are cheap enough: the cheapest of its last {@value #COST_WINDOW}
   * took at most the cost limit; with fewer recorded, whether the study is young enough.
   */
  private boolean cheap(List<FrozenTrial> trials) {
    List<Double> costs = new ArrayList<>();
    for (FrozenTrial trial : trials) {
      if (GP.equals(trial.userAttributes().get(SAMPLER_ATTRIBUTE))
          && trial.userAttributes().get(COST_ATTRIBUTE) instanceof Number cost) {
        costs.add(cost.doubleValue());
      }
    }
    if (costs.isEmpty()) {
      return trials.size() < GP_START_LIMIT;
    }
    if (costs.size() < COST_WINDOW) {
      return true;
    }
    double cheapest = Double.POSITIVE_INFINITY;
    for (double cost : costs.subList(costs.size() - COST_WINDOW, costs.size())) {
      cheapest = Math.min(cheapest, cost);
    }
    return cheapest <= costLimitMillis;
  }

  /** The values of the complete trials with a finite value, in trial order, lower is better. */
  private static List<Double> scores(List<FrozenTrial> trials, Direction direction) {
    List<Double> scores = new ArrayList<>();
    for (FrozenTrial trial : trials) {
      if (trial.state() == TrialState.COMPLETE && Double.isFinite(trial.value())) {
        scores.add(direction == Direction.MINIMIZE ? trial.value() : -trial.value());
      }
    }
    return scores;
  }

  /**
   * Whether the best value has stopped moving: the last {@value #STALL_TRIALS} complete trials
   * improved it by no more than {@link #leastProgress}. The GP's model then refines slowly where
   * CMA-ES converges fast.
   */
  private static boolean stalled(List<Double> scores) {
    int n = scores.size();
    return n >= 2 * STALL_TRIALS
        && bestOf(scores, n - STALL_TRIALS) - bestOf(scores, n) <= leastProgress(scores);
  }

  /**
   * The least change of the best value that counts: {@value #STALL_FRACTION} of its improvement
   * since the first {@value #STALL_TRIALS} / 2 trials.
   */
  private static double leastProgress(List<Double> scores) {
    return STALL_FRACTION * (bestOf(scores, STALL_TRIALS / 2) - bestOf(scores, scores.size()));
  }

  /**
   * Whether the re-run of the best trial gave a value further from that trial's than the least
   * progress that counts: the objective is noisy, its best value a lucky draw that stops moving
   * long before the search does, and the GP, which models the noise, goes on.
   */
  private static boolean noisy(FrozenTrial repeat, List<FrozenTrial> trials,
      SamplerContext context) {
    List<FrozenTrial> earlier = trials.stream().filter(t -> t.number() < repeat.number()).toList();
    FrozenTrial repeated = best(earlier, context);
    List<Double> scores = scores(earlier, context.direction());
    return repeated != null
        && Math.abs(repeat.value() - repeated.value()) > leastProgress(scores);
  }

  /** The first trial recorded as a re-run, or null. */
  private static FrozenTrial repeat(List<FrozenTrial> trials) {
    for (FrozenTrial trial : trials) {
      if (REPEAT.equals(trial.userAttributes().get(SAMPLER_ATTRIBUTE))) {
        return trial;
      }
    }
    return null;
  }

  /**
   * The complete trial with the best finite value whose parameters fit the space (the first of
   * equals), or null.
   */
  private static FrozenTrial best(List<FrozenTrial> trials, SamplerContext context) {
    SpaceEncoding encoding = SpaceEncoding.of(context.space());
    boolean minimize = context.direction() == Direction.MINIMIZE;
    FrozenTrial best = null;
    for (FrozenTrial trial : trials) {
      if (trial.state() == TrialState.COMPLETE && Double.isFinite(trial.value())
          && encoding.encodeIfComplete(trial.params()) != null
          && (best == null || (minimize ? trial.value() < best.value()
              : trial.value() > best.value()))) {
        best = trial;
      }
    }
    return best;
  }

  private static double bestOf(List<Double> values, int count) {
    double best = Double.POSITIVE_INFINITY;
    for (double value : values.subList(0, count)) {
      best = Math.min(best, value);
    }
    return best;
  }

  /** CMA-ES from the switch on, started where the trials before the switch were best. */
  private Config cmaEs(SamplerContext context) {
    List<FrozenTrial> trials = before(context);
    long switchTrial = switchTrial(trials);
    if (switchTrial < 0) {
      switchTrial = context.trialNumber();
    }
    List<FrozenTrial> earlier = new ArrayList<>();
    List<FrozenTrial> since = new ArrayList<>();
    for (FrozenTrial trial : trials) {
      (trial.number() < switchTrial ? earlier : since).add(trial);
    }
    CmaStart start = CmaStart.of(context, earlier, switchTrial);
    CmaEsSampler sampler = cmaEs.get(start);
    if (sampler == null) {
      // Two threads may both start one; either serves, as they propose alike.
      CmaEsSampler fresh = new CmaEsSampler(seed);
      sampler = start.best() == null ? fresh
          : fresh.withStart(start.best()).withInitialStepSize(start.stepSize());
      cmaEs.put(start, sampler);
    }
    // CMA-ES learns from its own trials: the ones before the switch set its start.
    return sampler.sample(
        new SamplerContext(context.space(), context.trialNumber(), context.directions(), since));
  }

  /** Where CMA-ES starts: the best trial before the switch and the step size around it. */
  private record CmaStart(Object space, long switchTrial, Config best, double stepSize) {
    static CmaStart of(SamplerContext context, List<FrozenTrial> earlier, long switchTrial) {
      SpaceEncoding encoding = SpaceEncoding.of(context.space());
      Direction direction = context.direction();
      List<FrozenTrial> ranked = new ArrayList<>();
      for (FrozenTrial trial : earlier) {
        if (trial.state() == TrialState.COMPLETE && Double.isFinite(trial.value())
            && encoding.encodeIfComplete(trial.params()) != null) {
          ranked.add(trial);
        }
      }
      if (ranked.isEmpty()) {
        return new CmaStart(context.space(), switchTrial, null, 0);
      }
      Comparator<FrozenTrial> byValue = Comparator.comparingDouble(FrozenTrial::value);
      ranked.sort((direction == Direction.MINIMIZE ? byValue : byValue.reversed())
          .thenComparingLong(FrozenTrial::number));
      double[] best = encoding.encode(ranked.get(0).params());
      // The root-mean-square distance of the next best trials from the best, per dimension: as
      // far as the earlier search still spread, clamped between 0.01% and the default sixth.
      double squares = 0;
      int terms = 0;
      for (FrozenTrial trial : ranked.subList(1, Math.min(ranked.size(), SPREAD_TRIALS + 1))) {
        double[] point = encoding.encode(trial.params());
        for (int d = 0; d < point.length; d++) {
          if (encoding.kind(d) != SpaceEncoding.Kind.CATEGORICAL) {
            squares += (point[d] - best[d]) * (point[d] - best[d]);
            terms++;
          }
        }
      }
      double spread = terms == 0 ? 1.0 / 6 : Math.sqrt(squares / terms);
      return new CmaStart(context.space(), switchTrial, ranked.get(0).params(),
          Math.min(1.0 / 6, Math.max(1e-4, spread)));
    }
  }

  /** The number of the first trial recorded as proposed after the GP, or -1. */
  private static long switchTrial(List<FrozenTrial> trials) {
    for (FrozenTrial trial : trials) {
      Object by = trial.userAttributes().get(SAMPLER_ATTRIBUTE);
      if (CMA_ES.equals(by) || TPE.equals(by)) {
        return trial.number();
      }
    }
    return -1;
  }

  /** The trials numbered below the one proposed, in number order. */
  private static List<FrozenTrial> before(SamplerContext context) {
    List<FrozenTrial> trials = new ArrayList<>();
    for (FrozenTrial trial : context.trials()) {
      if (trial.number() < context.trialNumber()) {
        trials.add(trial);
      }
    }
    trials.sort(Comparator.comparingLong(FrozenTrial::number));
    return trials;
  }

  private static boolean hasCategorical(SamplerContext context) {
    SpaceEncoding encoding = SpaceEncoding.of(context.space());
    for (int d = 0; d < encoding.size(); d++) {
      if (encoding.kind(d) == SpaceEncoding.Kind.CATEGORICAL) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code other} is the same sampler: same seed and settings, same proposals. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AutoSampler that && seed == that.seed
        && Double.compare(costLimitMillis, that.costLimitMillis) == 0 && gpTrials == that.gpTrials;
  }

  @Override
  public int hashCode() {
    return Objects.hash(seed, costLimitMillis, gpTrials);
  }

  @Override
  public String toString() {
    return new Expression("Samplers.auto(" + seed + ")")
        .with("withCostLimit", costLimitMillis, DEFAULT_COST_LIMIT_MILLIS)
        .with("withGpTrials", gpTrials, 0)
        .toString();
  }
}
