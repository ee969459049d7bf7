package dev.tunable;

import static dev.tunable.Checks.quote;

import dev.tunable.internal.Logs;
import dev.tunable.internal.Pareto;
import dev.tunable.internal.StoredValues;
import dev.tunable.internal.TrialExport;
import dev.tunable.internal.importance.FanovaImportance;
import dev.tunable.internal.report.Report;
import dev.tunable.internal.report.ReportModel;
import dev.tunable.internal.rules.Text;
import dev.tunable.storage.Event.SpaceSet;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Event.TrialConstraintsSet;
import dev.tunable.storage.Event.TrialEnqueued;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * A hyperparameter search: asks a {@link Sampler} for hyperparameters, runs the objective on them
 * and records every trial in a {@link Storage}.
 *
 * <pre>{@code
 * Study study = Study.builder()
 *     .direction(Direction.MINIMIZE)
 *     .sampler(Samplers.random(42))
 *     .build();
 * Trial<Config> best = study.optimize(space, 100, trial -> f(trial.params().getDouble("x")));
 * }</pre>
 *
 * <p>A study with several objectives has one {@link Direction} per objective, an objective
 * returning one value per objective, and a Pareto front instead of a best trial:
 *
 * <pre>{@code
 * Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE).build();
 * List<FrozenTrial> front = study.optimizeMulti(space, 300, trial -> new double[] {f1, f2});
 * }</pre>
 *
 * <p>A study is its storage's log of events replayed: a study in a {@link Storages#file file
 * storage} can be {@link #load loaded} again after a crash, or by other processes working on it at
 * the same time. Trial numbers are given out under the storage's lock, so they are unique across
 * processes.
 *
 * <p>Thread-safe: {@link #ask}, {@link #tell} and the trials' methods may be called from any
 * thread; {@link #optimize} runs trials on several threads when its {@link Budget} asks for it.
 *
 * @since 0.1
 */
public final class Study {
  private static final double[] NO_VALUES = {};
  /** The seed of {@link #importance}'s forest: fixed, so that the same trials give one answer. */
  private static final long IMPORTANCE_SEED = 0;

  private final String name;
  private final StudyLog log;
  private final TrialPlanner planner;
  private final Pruner pruner;
  private final Function<FrozenTrial, double[]> constraints;
  private final List<TrialCallback> callbacks;
  private final boolean progress;
  /** 0, or the number of trials that may run at once in a reproducible study. */
  private final int lag;
  private volatile boolean stopRequested;
  /**
   * The space of the last trial this process asked for, or null: the report draws its
   * dimensions as declared (a log scale, the order of choices) rather than guessing from values.
   */
  private volatile SearchSpace<?> lastSpace;

  private Study(Builder builder, StudyLog.Opening opening) {
    this.name = builder.name != null ? builder.name : defaultName();
    this.log = StudyLog.open(name, builder.storage, opening,
        builder.directionSet ? builder.directions : null, builder.retries);
    this.lag = builder.reproducibleWorkers;
    Sampler sampler = builder.sampler != null ? builder.sampler : Samplers.byDefault();
    this.planner = new TrialPlanner(name, log, sampler, lag,
        new RunSettings(name, sampler, builder.pruner, lag, builder.provenance));
    this.pruner = builder.pruner;
    this.constraints = builder.constraints;
    this.callbacks = List.copyOf(builder.callbacks);
    this.progress = builder.progress;
    logOpening(sampler);
  }

  /** Says that the study was created or resumed, and what it holds. */
  private void logOpening(Sampler sampler) {
    Logs.info(Logs.STUDY, line -> {
      line.append("study '").append(name).append(log.created() ? "' created in " : "' resumed in ")
          .append(Storages.mask(log.storage().toString()));
      if (log.created()) {
        line.append(": ").append(log.directions().size() == 1 ? log.directions().get(0)
            : log.directions());
      } else {
        line.append(": ").append(log.peek(StudyModel::countsByState)).append(" recorded, ")
            .append(log.failedOnOpening()).append(" of them failed now because their worker died");
      }
      line.append("; sampler ").append(sampler).append(", pruner ").append(pruner);
    });
  }

  /** Starts building a new study (or, with {@link Builder#loadIfExists}, one to resume). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The study named {@code name} in {@code storage}, to resume it or to work on it from another
   * process, with the default sampler ({@link Samplers#cmaEs()}, or {@link Samplers#nsga2()} with
   * several objectives) and no pruner; use {@link #builder()} with {@link Builder#loadIfExists} to
   * resume with another sampler. Trials left running by a process that died are marked {@link
   * TrialState#FAIL}.
   *
   * @throws NoSuchElementException if the storage has no such study
   */
  public static Study load(String name, Storage storage) {
    return new Study(builder().name(name).storage(storage), StudyLog.Opening.RESUME);
  }

  /**
   * The names of the studies in {@code storage}, in the order their names first appear in it; a
   * deleted study is not among them. Never {@code null}.
   */
  public static List<String> names(Storage storage) {
    return StudyLog.names(Objects.requireNonNull(storage, "storage"));
  }

  /**
   * Deletes the study named {@code name} from {@code storage}: it is gone for {@link #load} and
   * {@link #names}, and the name is free for a new study. Storages are append-only logs: the
   * deletion is a record appended to the log, and the study's earlier records stay where they
   * are, ignored (no storage reclaims their space). A study object of it still open in another
   * process fails its next call; stop the study's workers first.
   *
   * @throws NoSuchElementException if the storage has no such study; the message names those it
   *     has
   * @throws IllegalStateException if a worker that is alive runs a trial of the study
   */
  public static void delete(String name, Storage storage) {
    StudyLog.delete(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(storage, "storage"));
  }

  /** The study's name in its storage. */
  public String name() {
    return name;
  }

  /** Whether the study minimizes or maximizes (its first objective). */
  public Direction direction() {
    return log.directions().get(0);
  }

  /** The directions, one per objective. */
  public List<Direction> directions() {
    return log.directions();
  }

  /** Where the study's trials are recorded. */
  public Storage storage() {
    return log.storage();
  }

  /**
   * The search space the study last recorded: the one its latest trials were sampled from, by
   * this process or another. Empty if no trial was asked for yet, and for a study whose trials
   * were all asked for by a Tunable that did not record spaces. Read from the study alone, for
   * programs that report on a study they did not run (they may not have the code that built its
   * space); a categorical dimension's choices are in stored form, an enum constant as its name.
   * The dimensions of a conditional space keep their {@link SearchSpace#condition conditions}.
   */
  public Optional<SearchSpace<Config>> space() {
    SpaceSet recorded = log.read(StudyModel::space);
    return recorded == null ? Optional.empty() : Optional.of(StudySpace.of(recorded));
  }

  /**
   * The settings of each run of the study, in the order recorded (issue 17): a worker records its
   * sampler, pruner, versions and {@link Builder#provenance provenance} with the first trial it
   * starts when they are not the ones last recorded. Empty for a study whose trials were all
   * started by a Tunable that did not record them.
   */
  public List<StudyRun> runs() {
    return log.read(model -> List.copyOf(model.runs()));
  }

  /**
   * What it takes to run trial {@code number} again: its hyperparameters and the settings of
   * its run (sampler and pruner with their seeds and settings, versions, provenance), read from
   * the study alone.
   *
   * @throws IllegalArgumentException if the study has no trial {@code number}, naming how many
   *     it has
   */
  public Reproduction reproduce(long number) {
    return log.read(model -> {
      TrialRecord trial = model.trial(number);
      return new Reproduction(number, trial.params, Optional.ofNullable(trial.run));
    });
  }

  /**
   * Runs up to {@code nTrials} trials, one at a time, and returns the study's best trial.
   *
   * @see #optimize(SearchSpace, Budget, Objective)
   */
  public <H> Trial<H> optimize(SearchSpace<H> space, int nTrials, Objective<H> objective) {
    return optimize(space, Budget.trials(nTrials), objective);
  }

  /**
   * Starts trials, one at a time, until {@code timeout} has passed, and returns the study's best
   * trial.
   *
   * @see #optimize(SearchSpace, Budget, Objective)
   */
  public <H> Trial<H> optimize(SearchSpace<H> space, Duration timeout, Objective<H> objective) {
    return optimize(space, Budget.time(timeout), objective);
  }

  /**
   * Runs trials of {@code objective} over {@code space} within {@code budget}, on {@link
   * Budget#withWorkers} threads, and returns the study's best trial (over all its trials, earlier
   * runs included).
   *
   * <p>A trial whose objective throws an exception, or returns NaN or an infinity, is recorded as
   * {@link TrialState#FAIL} with the reason, and the study goes on; {@code throw trial.pruned()}
   * records it as {@link TrialState#PRUNED}. The run stops early when the sampler is exhausted (a
   * finished grid) or {@link #stop()} is called. Callbacks run after each trial. While it runs in a
   * terminal, a progress line is shown on standard error (unless switched off in the builder).
   *
   * <p>An interrupt stops the run after the trials that are running: the calling thread's, or a
   * worker thread's (set by the objective itself, as code that restores the interrupt status of
   * an {@code InterruptedException} does, or by another thread). Each running trial is recorded
   * as its objective ended, no trial starts after it, and this method returns with the calling
   * thread's interrupt status set. If the status is set when the method is called, no trial
   * starts. An {@link Error} thrown by the objective ({@code OutOfMemoryError}, {@code
   * StackOverflowError}, {@code AssertionError}) fails its trial with the error as the reason, and
   * is rethrown once the running trials have ended: it means the process may not be sound, so no
   * further trial starts in it.
   *
   * @throws AllTrialsFailedException if every trial of this run failed (the message gives the
   *     first reasons, and the cause is the first exception)
   * @throws NoSuchElementException if the study has no complete trial (all pruned, or none run)
   */
  public <H> Trial<H> optimize(SearchSpace<H> space, Budget budget, Objective<H> objective) {
    Objects.requireNonNull(objective, "objective");
    List<Direction> directions = log.directions();
    if (directions.size() != 1) {
      throw new IllegalStateException(
          "study '" + name + "' has " + directions.size() + " objectives " + directions
              + "; run it with optimizeMulti and an objective returning one value per objective");
    }
    run(space, budget, trial -> new double[] {objective.evaluate(trial)});
    return bestTrial(space);
  }

  /**
   * Runs up to {@code nTrials} trials of an objective with several values, one at a time, and
   * returns the study's Pareto front.
   *
   * @see #optimizeMulti(SearchSpace, Budget, MultiObjective)
   */
  public <H> List<FrozenTrial> optimizeMulti(
      SearchSpace<H> space, int nTrials, MultiObjective<H> objective) {
    return optimizeMulti(space, Budget.trials(nTrials), objective);
  }

  /**
   * Runs trials of {@code objective}, which returns one value per objective of the study, as
   * {@link #optimize(SearchSpace, Budget, Objective)} does, and returns the study's {@link
   * #bestTrials() Pareto front}. A trial whose values are not one per objective, or hold NaN or
   * an infinity, is recorded as {@link TrialState#FAIL} with the reason.
   *
   * @throws AllTrialsFailedException if every trial of this run failed
   */
  public <H> List<FrozenTrial> optimizeMulti(
      SearchSpace<H> space, Budget budget, MultiObjective<H> objective) {
    Objects.requireNonNull(objective, "objective");
    run(space, budget, objective);
    return bestTrials();
  }

  private <H> void run(SearchSpace<H> space, Budget budget, MultiObjective<H> objective) {
    Objects.requireNonNull(space, "space");
    Objects.requireNonNull(budget, "budget");
    stopRequested = false;
    planner.recordSpace(space);
    new OptimizeLoop<>(this, space, budget, objective, callbacks).run(progress);
  }

  /**
   * Asks for a new trial: the next enqueued hyperparameters if any, else the sampler's proposal.
   * Evaluate it and {@link #tell} the result. The trial is recorded as {@link TrialState#RUNNING}
   * when this method returns, with {@code space} as the study's {@link #space() space} if it is
   * not the one last recorded. The sampler runs while no lock is held, so other workers (threads
   * or processes) keep going meanwhile.
   *
   * @throws SearchExhaustedException if the sampler has nothing left to propose
   */
  public <H> Trial<H> ask(SearchSpace<H> space) {
    Trial<H> trial = ask(space, Long.MAX_VALUE);
    if (trial == null) {
      throw new IllegalStateException("interrupted while waiting for the trials that the"
          + " proposal of study '" + name + "' depends on (it is reproducible); the thread's"
          + " interrupt status is set");
    }
    return trial;
  }

  /**
   * {@link #ask(SearchSpace)}, or null if the study already holds {@code limit} trials, or if the
   * thread was interrupted while a reproducible study waited for the trials its proposal depends
   * on.
   */
  <H> Trial<H> ask(SearchSpace<H> space, long limit) {
    Objects.requireNonNull(space, "space");
    lastSpace = space;
    TrialPlanner.Started started = planner.start(space, limit);
    return started == null
        ? null
        : new Trial<>(this, started.number(), space.createChecked(started.params()));
  }

  /**
   * Records {@code value} as the result of {@code trial}: {@link TrialState#COMPLETE}, or {@link
   * TrialState#FAIL} if {@code value} is NaN or infinite. Durable when this method returns.
   *
   * @return the finished trial
   * @throws IllegalStateException if the trial has already finished
   */
  public FrozenTrial tell(Trial<?> trial, double value) {
    return tell(trial, new double[] {value});
  }

  /**
   * Records {@code values}, one per objective in the order of {@link #directions()}, as the
   * result of {@code trial}: {@link TrialState#COMPLETE}, or {@link TrialState#FAIL} if any value
   * is NaN or infinite. Durable when this method returns.
   *
   * @return the finished trial
   * @throws IllegalArgumentException if there is not one value per objective
   * @throws IllegalStateException if the trial has already finished
   */
  public FrozenTrial tell(Trial<?> trial, double... values) {
    List<Direction> directions = log.directions();
    if (values.length != directions.size()) {
      throw new IllegalArgumentException(
          "trial #" + trial.number() + " of study '" + name + "' was told "
              + Arrays.toString(values) + " but the study has " + directions.size()
              + " objective" + (directions.size() == 1 ? "" : "s") + " " + directions
              + "; tell one value per objective");
    }
    for (double value : values) {
      if (!Double.isFinite(value)) {
        return finish(trial, TrialState.FAIL, NO_VALUES, "the objective returned "
            + (values.length == 1 ? String.valueOf(value) : Arrays.toString(values)));
      }
    }
    if (constraints != null) {
      recordConstraints(trial, values);
    }
    return finish(trial, TrialState.COMPLETE, values.clone(), null);
  }

  /** Records what the builder's constraints function says of {@code trial} complete with values. */
  private void recordConstraints(Trial<?> trial, double[] values) {
    FrozenTrial running = snapshot(own(trial));
    if (running.state().isFinished()) {
      return; // finish() reports the second tell
    }
    FrozenTrial complete = new FrozenTrial(running.number(), TrialState.COMPLETE, values,
        running.params(), running.intermediateValues(), Collections.emptySortedMap(),
        running.constraints(), running.userAttributes(), running.start(), Instant.now(), null,
        running.retryOf().orElse(-1));
    double[] reported = constraints.apply(complete);
    if (reported == null) {
      throw new IllegalStateException("the constraints function of study '" + name
          + "' returned null for trial #" + trial.number() + "; return the constraint values");
    }
    trial.setConstraints(reported);
  }

  /**
   * Records that {@code trial} ended as {@link TrialState#PRUNED} or {@link TrialState#FAIL}.
   *
   * @throws IllegalArgumentException if {@code state} is not PRUNED or FAIL
   */
  public FrozenTrial tell(Trial<?> trial, TrialState state) {
    if (state != TrialState.PRUNED && state != TrialState.FAIL) {
      throw new IllegalArgumentException(
          "tell(trial, state) takes PRUNED or FAIL, got " + state
              + "; tell a complete trial its value with tell(trial, value)");
    }
    return finish(trial, state, NO_VALUES, state == TrialState.FAIL ? "told FAIL" : null);
  }

  /**
   * Records that {@code trial} failed, for {@code reason}. The reason is kept whatever it holds,
   * but for an unpaired UTF-16 surrogate, which no storage can encode: it becomes U+FFFD.
   */
  public FrozenTrial tellFailure(Trial<?> trial, String reason) {
    return finish(trial, TrialState.FAIL, NO_VALUES, Objects.requireNonNull(reason, "reason"));
  }

  private FrozenTrial finish(Trial<?> trial, TrialState state, double[] values, String text) {
    long number = own(trial);
    // often an exception's message, which may hold anything
    String reason = text == null ? null : Text.withoutUnpairedSurrogates(text);
    log.write(model -> {
      TrialRecord record = model.trial(number);
      if (record.state.isFinished()) {
        throw new IllegalStateException(
            "trial #" + number + " of study '" + name + "' has already finished as "
                + record.state + "; tell each trial once");
      }
      return List.of(new TrialFinished(name, number, state, values, reason, Instant.now()));
    });
    FrozenTrial finished = snapshot(number);
    Logs.trialFinished(name, finished);
    return finished;
  }

  /**
   * Adds hyperparameters to evaluate before any sampled ones, in the order enqueued: known good
   * values, a warm start, manual tuning. Every dimension of the space must have a value (of a
   * conditional space, every dimension active in the branch the values choose, and no other);
   * they are checked when the trial is asked for, and a trial whose values do not fit fails with
   * the reason.
   *
   * @throws IllegalArgumentException naming the name or value that no storage can hold: a {@code
   *     null}, or a text with an unpaired UTF-16 surrogate
   */
  public void enqueue(Map<String, ?> params) {
    params.forEach((key, value) -> {
      if (key == null) {
        throw new IllegalArgumentException("an enqueued hyperparameter has no name (null); give"
            + " each value under its dimension's name");
      }
      requireEncodable("enqueued hyperparameter name", key);
      requireShort("enqueued hyperparameter name", key, "", "no dimension has such a name");
      if (value == null) {
        throw new IllegalArgumentException("enqueued hyperparameter " + quote(key) + " is null;"
            + " give it a value, or leave it out");
      }
    });
    Map<String, Object> stored = StoredValues.of(params);
    stored.forEach((key, value) -> {
      if (value instanceof String text) {
        requireEncodable("the value of enqueued hyperparameter " + quote(key), text);
      }
    });
    log.write(model -> List.of(new TrialEnqueued(name, stored, Instant.now())));
  }

  /** Enqueues the values of {@code params}; see {@link #enqueue(Map)}. */
  public void enqueue(Config params) {
    enqueue(params.asMap());
  }

  /** Enqueues typed hyperparameters, checked against {@code space} now; see {@link #enqueue}. */
  public <H> void enqueue(SearchSpace<H> space, H params) {
    enqueue(space.check(space.config(params).asMap()));
  }

  /**
   * Snapshots of every trial, by number, including those other processes added to the storage.
   */
  public List<FrozenTrial> trials() {
    return log.read(model -> List.copyOf(model.snapshots()));
  }

  /**
   * The complete trial with the best value (the earliest on ties), among the feasible ones if
   * trials {@link Trial#setConstraints report constraints}.
   *
   * @throws IllegalStateException if the study has several objectives: see {@link #bestTrials()}
   * @throws NoSuchElementException if no trial is complete
   */
  public FrozenTrial bestTrial() {
    return log.read(model -> bestRecord(model).snapshot());
  }

  /**
   * The best trial among those whose hyperparameters fit {@code space}, typed by it: as {@link
   * #bestTrial()}, but trials of an earlier space whose values {@code space} does not allow (a
   * range since narrowed, a dimension added or removed, a choice removed) are passed over.
   *
   * @throws NoSuchElementException if no trial that fits is complete
   */
  public <H> Trial<H> bestTrial(SearchSpace<H> space) {
    TrialRecord best = log.read(model -> bestRecordIn(model, space));
    return new Trial<>(this, best.number, space.create(best.params));
  }

  /** {@link #bestRecord} among the trials that fit {@code space}. */
  private TrialRecord bestRecordIn(StudyModel model, SearchSpace<?> space) {
    TrialRecord best = bestRecord(model);
    if (StudySpace.fits(space, best.params)) {
      return best; // the usual case: no earlier space, or the best fits the new one
    }
    Direction direction = model.directions().get(0);
    TrialRecord fitting = null;
    for (TrialRecord record : model.trials()) {
      if (record.state == TrialState.COMPLETE && record.snapshot().isFeasible()
          && (fitting == null || direction.isBetter(record.values[0], fitting.values[0]))
          && StudySpace.fits(space, record.params)) {
        fitting = record;
      }
    }
    if (fitting == null) {
      throw new NoSuchElementException("no complete trial of study '" + name + "' fits the"
          + " search space " + space.dimensions().stream().map(Dimension::name).toList()
          + " (" + model.countsByState() + "; the best, #" + best.number + ", has "
          + best.params + ")");
    }
    return fitting;
  }

  /**
   * The Pareto front: the complete, feasible trials that no other complete feasible trial
   * dominates (as good in every objective and better in one), by number. With one objective, the
   * trials tied at the best value. Empty if no trial is complete and feasible.
   */
  public List<FrozenTrial> bestTrials() {
    List<FrozenTrial> candidates = log.read(model -> {
      List<FrozenTrial> feasible = new ArrayList<>();
      for (TrialRecord record : model.trials()) {
        if (record.state == TrialState.COMPLETE && record.snapshot().isFeasible()) {
          feasible.add(record.snapshot());
        }
      }
      return feasible;
    });
    List<Direction> directions = log.directions();
    double[][] scores = new double[candidates.size()][];
    for (int k = 0; k < scores.length; k++) {
      double[] values = candidates.get(k).values();
      for (int m = 0; m < values.length; m++) {
        values[m] = directions.get(m) == Direction.MINIMIZE ? values[m] : -values[m];
      }
      scores[k] = values;
    }
    List<FrozenTrial> front = new ArrayList<>();
    for (int k : Pareto.firstFront(scores)) {
      front.add(candidates.get(k));
    }
    return List.copyOf(front);
  }

  private TrialRecord bestRecord(StudyModel model) {
    if (model.directions().size() != 1) {
      throw new IllegalStateException(
          "study '" + name + "' has " + model.directions().size() + " objectives "
              + model.directions() + " and so no single best trial; use bestTrials() for its"
              + " Pareto front");
    }
    TrialRecord best = model.best();
    if (best == null) {
      throw new NoSuchElementException(
          "no trial of study '" + name + "' is complete yet (" + model.countsByState() + ")");
    }
    return best;
  }

  /**
   * How much each hyperparameter matters to the objective: {@link #importance(SearchSpace)} of
   * the search space the study last recorded ({@link #space()}), so that a study loaded by a
   * program that did not run it can tell too.
   *
   * @throws IllegalStateException if the study recorded no search space (no trial was asked for,
   *     or by a Tunable that did not record spaces: pass the space), or as {@link
   *     #importance(SearchSpace)} says
   */
  public Map<String, Double> importance() {
    return importance(space().orElseThrow(() -> new IllegalStateException("study '" + name
        + "' has recorded no search space, so hyperparameter importance needs one:"
        + " call importance(space) with the space its trials were sampled from")));
  }

  /**
   * How much each hyperparameter of {@code space} matters to the objective: its importance by
   * name, most important first (an unmodifiable map in that order), the values summing to 1.
   * Computed by fANOVA (Hutter, Hoos and Leyton-Brown, ICML 2014) as Optuna's default importance
   * evaluator does: a random forest of 64 regression trees is fitted to the study's {@link
   * TrialState#COMPLETE complete} trials, and a hyperparameter's importance is the share of the
   * forest's variance that it explains alone (its main effect), normalized over the
   * hyperparameters.
   *
   * <p>Log-scale dimensions are measured in the logarithm of their values, as samplers see them;
   * each value of an integer dimension counts alike; a categorical's choices count as one
   * hyperparameter. A dimension with a single value gets 0. Trials without a value {@code space}
   * allows for each of its dimensions (trials of another space) are left out. Of a conditional
   * space, a trial needs values for the dimensions of its branch only, and importance is over the
   * dimensions every counted trial has (as Optuna's, over the intersection of the trials'
   * spaces): the dimensions of a branch that some trials did not take are not in the map. The
   * forest is seeded, so the same trials give the same answer; the answer is only as good as the
   * forest's fit, so trials spread over the space (as a random or quasi-random sampler draws
   * them) make it more telling than trials gathered near an optimum.
   *
   * @throws IllegalStateException if the study has several objectives, if fewer than 2 complete
   *     trials have a finite value and a value for each dimension of {@code space}, or if their
   *     values are too alike for any hyperparameter to explain them
   */
  public Map<String, Double> importance(SearchSpace<?> space) {
    return importance(Objects.requireNonNull(space, "space"), trials());
  }

  /** {@link #importance(SearchSpace)} from {@code trials}, the study's as already read. */
  private Map<String, Double> importance(SearchSpace<?> space, List<FrozenTrial> trials) {
    List<Direction> directions = log.directions();
    if (directions.size() != 1) {
      throw new IllegalStateException("study '" + name + "' has " + directions.size()
          + " objectives " + directions + "; hyperparameter importance is computed for a study"
          + " with one objective");
    }
    try {
      return FanovaImportance.of(space, trials, IMPORTANCE_SEED);
    } catch (IllegalStateException cannot) {
      throw new IllegalStateException("study '" + name + "': " + cannot.getMessage(), cannot);
    }
  }

  /** Asks running {@link #optimize} calls to start no more trials; running trials finish. */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Writes every trial as CSV: number, state, value(s), start, end, duration, one column per
   * hyperparameter (in the order of the recorded {@link #space() space}; a cell is empty for a
   * trial of a branch without that hyperparameter) and per user attribute, failure reason.
   * Replaces {@code file} whole or not at all, unless it is a Tunable journal, which no export
   * replaces.
   *
   * @throws IllegalArgumentException if {@code file} is a Tunable journal
   */
  public void exportCsv(Path file) {
    TrialExport.csv(trials(), spaceOrder(), file, "study '" + name + "'");
  }

  /** The names of the recorded space's dimensions, the order of exported columns; or none. */
  private List<String> spaceOrder() {
    return space().map(space -> space.dimensions().stream().map(Dimension::name).toList())
        .orElse(List.of());
  }

  /**
   * Writes every trial as a JSON array of objects, replacing {@code file} as {@link
   * #exportCsv(Path)} does.
   *
   * @throws IllegalArgumentException if {@code file} is a Tunable journal
   */
  public void exportJson(Path file) {
    TrialExport.json(trials(), file, "study '" + name + "'");
  }

  /** {@link #exportCsv(Path)} to {@code out}. */
  public void exportCsv(Appendable out) throws IOException {
    TrialExport.csv(trials(), spaceOrder(), out);
  }

  /** {@link #exportJson(Path)} to {@code out}. */
  public void exportJson(Appendable out) throws IOException {
    TrialExport.json(trials(), out);
  }

  /**
   * Writes the study's report to {@code file}: one self-contained HTML page with the
   * optimization history, the Pareto front (several objectives), parallel coordinates, slice and
   * contour plots, intermediate values with pruned trials marked, and failed trials with their
   * reasons; hovering a point shows its trial. The charts are SVG written by Tunable itself and
   * the page's script, style and data are inline, so the file opens offline in any browser, with
   * no chart library to fetch or keep up to date. Replaces {@code file}, whole or not at all (a
   * temporary file moved into place), unless it is a Tunable journal, which it never replaces.
   *
   * <p>Hyperparameters are drawn as the search space of this process's last trial declares them,
   * or else as the study's recorded {@link #space() space} does (a log axis for {@code
   * Scale.LOG}, choices in their order), and the report shows their {@link #importance
   * importance} when it can be computed (one objective, enough complete trials) and pairs the
   * most important ones in its contour plots. A study that recorded no space (its trials were all
   * asked for by a Tunable that did not record spaces) draws them as the recorded values suggest
   * (numeric if they are numbers, on a log axis if all are positive and span three decades or
   * more), without importance.
   *
   * @throws IllegalArgumentException if {@code file} is a Tunable journal
   * @throws java.io.UncheckedIOException naming the file if it cannot be written
   */
  public void writeReport(Path file) {
    List<FrozenTrial> trials = trials();
    ReportModel model = ReportModel.of("Study " + name, log.directions(), trials)
        .withRuns(runs());
    // This process's space, else the one the study recorded: a study only loaded has it too.
    SearchSpace<?> space = lastSpace != null ? lastSpace : space().orElse(null);
    if (space != null) {
      model = model.withSpace(space.dimensions());
      try {
        model = model.withImportance(importance(space, trials));
      } catch (IllegalStateException cannot) {
        // Several objectives, or too few trials: the report goes without importance.
      }
    }
    Report.write(model, file);
  }

  @Override
  public String toString() {
    return log.peek(model -> "Study '" + name + "' (" + model.directions() + ", "
        + model.countsByState() + ")");
  }

  // ---- called by Trial and OptimizeLoop ----

  FrozenTrial snapshot(long number) {
    return log.peek(model -> model.trial(number).snapshot());
  }

  void report(long number, long step, double[] values) {
    log.write(model -> {
      requireRunning(model, number, "report a value");
      return List.of(new TrialReported(name, number, step, values));
    });
  }

  void setUserAttribute(long number, String key, Object value) {
    Objects.requireNonNull(key, "key");
    requireEncodable("user attribute key", key, " of trial #" + number);
    requireShort("user attribute key", key, " of trial #" + number,
        "a key is stored with its every value; use a shorter key");
    Object stored = StoredValues.of(Objects.requireNonNull(value, "value"));
    if (stored instanceof String text) {
      requireEncodable("the value of user attribute " + quote(key) + " of trial #" + number, text);
    }
    log.write(model -> List.of(new TrialAttributeSet(name, number, key, stored)));
  }

  /** Records constraint values while the trial runs. */
  void setConstraints(long number, double[] constraints) {
    TrialConstraintsSet event = new TrialConstraintsSet(name, number, constraints);
    log.write(model -> {
      requireRunning(model, number, "set constraints");
      return List.of(event);
    });
  }

  boolean shouldPrune(long number) {
    FrozenTrial trial = snapshot(number);
    // Outside every lock, so that workers may consult the pruner at once. The history is read
    // from the storage, when the pruner first asks for it: a pruner must not decide on a history
    // older than another worker's.
    // A reproducible study shows the pruner what it showed the sampler: the trials numbered below
    // the trial's number less the lag, all finished before it started, and the trial itself.
    return pruner.shouldPrune(new PrunerContext(trial, log.directions(), lag == 0
        ? () -> log.read(StudyModel::snapshots)
        : () -> log.read(model -> {
          List<FrozenTrial> seen =
              new ArrayList<>(model.snapshots().subList(0, (int) Math.max(0, number - lag)));
          seen.add(trial);
          return seen;
        })));
  }

  boolean isStopRequested() {
    return stopRequested;
  }

  /** The best value this worker has seen, reading no storage; null if none, or if several. */
  Double bestValueSeen() {
    return log.peek(model -> {
      TrialRecord best = model.directions().size() == 1 ? model.best() : null;
      return best == null ? null : best.values[0];
    });
  }

  private void requireRunning(StudyModel model, long number, String action) {
    TrialRecord record = model.trial(number);
    if (record.state.isFinished()) {
      throw new IllegalStateException(
          "cannot " + action + " for trial #" + number + " of study '" + name + "': it is "
              + record.state);
    }
  }

  private long own(Trial<?> trial) {
    if (trial.study() != this) {
      throw new IllegalArgumentException(
          "trial #" + trial.number() + " belongs to study '" + trial.study().name()
              + "', not to this study '" + name + "'; tell it to the study that asked for it");
    }
    return trial.number();
  }

  /**
   * Throws, naming {@code what} and showing the start of {@code name}, if {@code name} is longer
   * than {@link Text#MAX_NAME_LENGTH} characters; {@code why} says why that matters and the fix.
   */
  private static void requireShort(String what, String name, String where, String why) {
    String problem = Text.tooLong(name);
    if (problem != null) {
      throw new IllegalArgumentException(
          what + " " + quote(Text.shown(name)) + where + " " + problem + ": " + why);
    }
  }

  /**
   * Throws, naming {@code what} and showing {@code text}, if {@code text} holds an unpaired UTF-16
   * surrogate, which UTF-8 cannot encode: a storage would keep another text (issue 12).
   */
  private static void requireEncodable(String what, String text) {
    requireEncodable(what, text, "");
  }

  /** As {@link #requireEncodable(String, String)}, with {@code where} after the text. */
  private static void requireEncodable(String what, String text, String where) {
    String problem = Text.unencodable(text);
    if (problem != null) {
      throw new IllegalArgumentException(
          what + " " + quote(Text.escaped(text)) + where + " " + problem);
    }
  }

  private static String defaultName() {
    return "study-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
  }

  /**
   * Builds a {@link Study}; not thread-safe. Every setting has a default: a random name, {@link
   * Direction#MINIMIZE}, {@link Samplers#cmaEs()} for one objective and {@link Samplers#nsga2()}
   * for several, {@link Pruners#none()}, {@link Storages#inMemory()}, progress shown in
   * terminals.
   */
  public static final class Builder {
    private String name;
    private List<Direction> directions = List.of(Direction.MINIMIZE);
    private boolean directionSet;
    private Sampler sampler;
    private Pruner pruner = Pruners.none();
    private Function<FrozenTrial, double[]> constraints;
    private Storage storage;
    private final List<TrialCallback> callbacks = new ArrayList<>();
    private boolean progress = true;
    private boolean loadIfExists;
    private int reproducibleWorkers;
    private int retries;
    private final List<Provenance> provenance = new ArrayList<>();

    private Builder() {}

    /**
     * The study's name in its storage; needed to {@link Study#load} it later. A name has at most
     * 255 characters (checked by {@link #build()}).
     *
     * @throws IllegalArgumentException if {@code name} is blank, or holds an unpaired UTF-16
     *     surrogate (which no storage can encode)
     */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a study needs a non-blank name, got '" + name + "'");
      }
      requireEncodable("study name", name);
      this.name = name;
      return this;
    }

    /** Whether to minimize or maximize the objective; {@link Direction#MINIMIZE} by default. */
    public Builder direction(Direction direction) {
      return directions(Objects.requireNonNull(direction, "direction"));
    }

    /**
     * One direction per objective, for a study with several objectives (run it with {@link
     * Study#optimizeMulti} or tell it {@link Study#tell(Trial, double...) several values}); its
     * best trials are {@link Study#bestTrials() a Pareto front}.
     *
     * @throws IllegalArgumentException if no direction is given
     */
    public Builder directions(Direction... directions) {
      if (directions.length == 0) {
        throw new IllegalArgumentException("a study needs at least one direction, got none");
      }
      for (int m = 0; m < directions.length; m++) {
        Objects.requireNonNull(directions[m], "direction " + m);
      }
      this.directions = List.of(directions);
      this.directionSet = true;
      return this;
    }

    /**
     * How to propose hyperparameters. By default {@link Samplers#cmaEs()} for one objective, and
     * {@link Samplers#nsga2()} for several (CMA-ES, TPE and GP optimize one objective only).
     */
    public Builder sampler(Sampler sampler) {
      this.sampler = Objects.requireNonNull(sampler, "sampler");
      return this;
    }

    /** When to stop unpromising trials; {@link Pruners#none()} by default. */
    public Builder pruner(Pruner pruner) {
      this.pruner = Objects.requireNonNull(pruner, "pruner");
      return this;
    }

    /**
     * Adds provenance items (the code's version, data sets' hashes) that this process records
     * with its run's settings, so that {@link Study#reproduce} names them for each trial it
     * starts. Recorded once per run, not per trial: they hold for every trial the process runs.
     * None by default.
     *
     * <pre>{@code
     * .provenance(Provenance.gitCommit(), Provenance.sha256(Path.of("data/train.csv")))
     * }</pre>
     *
     * @throws IllegalArgumentException if two items, given here or before, share a name
     */
    public Builder provenance(Provenance... items) {
      for (Provenance item : items) {
        Objects.requireNonNull(item, "provenance item");
        for (Provenance earlier : provenance) {
          if (earlier.name().equals(item.name())) {
            throw new IllegalArgumentException("provenance item '" + item.name()
                + "' is given twice, as '" + earlier.value() + "' and '" + item.value() + "'");
          }
        }
        provenance.add(item);
      }
      return this;
    }

    /**
     * Computes each complete trial's constraint values from the trial (its hyperparameters,
     * values and attributes) when it is told, and records them as {@link Trial#setConstraints}
     * does: {@code c <= 0} means met. For constraints that follow from the hyperparameters and
     * values; an objective that computes them itself calls {@link Trial#setConstraints}. None by
     * default.
     */
    public Builder constraints(Function<FrozenTrial, double[]> constraints) {
      this.constraints = Objects.requireNonNull(constraints, "constraints");
      return this;
    }

    /** Where to record trials; a new {@link Storages#inMemory()} by default. */
    public Builder storage(Storage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /** Adds a callback that {@link Study#optimize} calls after each trial. */
    public Builder callback(TrialCallback callback) {
      callbacks.add(Objects.requireNonNull(callback, "callback"));
      return this;
    }

    /**
     * Whether {@link Study#optimize} shows a progress line on standard error; it is only ever
     * shown when the process runs in a terminal, where it is erased while Tunable logs a line.
     * Elsewhere (a log file, a pipe) the log's lines tell the progress. On by default.
     */
    public Builder progress(boolean show) {
      this.progress = show;
      return this;
    }

    /**
     * Whether {@link #build()} resumes the study if the storage already has one of this name
     * (marking trials of dead processes FAIL), instead of failing. Off by default.
     */
    public Builder loadIfExists(boolean load) {
      this.loadIfExists = load;
      return this;
    }

    /**
     * Runs a trial again, up to {@code times} times, when its worker dies before it finishes (a
     * process killed, a machine lost, a worker whose heartbeat stopped): the failed trial's
     * hyperparameters are enqueued, and the new trial's {@link FrozenTrial#retryOf()} names the
     * trial it runs again. A trial that kills its worker every time (running out of memory, say)
     * is so run {@code times + 1} times at most. Trials whose objective failed are not run
     * again. None by default. Workers fail the trials of dead workers when they open the study,
     * and every few seconds while they run trials.
     *
     * @throws IllegalArgumentException if {@code times} is negative
     */
    public Builder retryTrialsOfDeadWorkers(int times) {
      if (times < 0) {
        throw new IllegalArgumentException(
            "the retries of a dead worker's trial cannot be negative, got " + times);
      }
      this.retries = times;
      return this;
    }

    /**
     * Makes the study reproducible with up to {@code workers} trials running at once, in threads
     * ({@link Budget#withWorkers}), processes or machines: the proposal for trial {@code k}
     * depends only on the trials numbered below {@code k - workers}, and a worker waits until
     * those have finished before it proposes; the pruner sees the same trials. A seeded study
     * then gives the same trials, bit for bit, whatever the timing (given an objective that gives
     * the same value for the same hyperparameters). The price is idle time, when a trial must wait
     * for a slow one {@code workers} trials before it, and proposals that see {@code workers} fewer
     * trials (BENCHMARKS.md measures both). Every worker of the study must declare the same
     * number. Off by default: trials see every trial started before them.
     *
     * @throws IllegalArgumentException if {@code workers} is below 1
     */
    public Builder reproducible(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("a reproducible study needs the number of trials that"
            + " may run at once, at least 1, got " + workers);
      }
      this.reproducibleWorkers = workers;
      return this;
    }

    /**
     * Creates the study in its storage, or loads it (see {@link #loadIfExists}).
     *
     * @throws IllegalArgumentException if the name is longer than 255 characters: a study name is
     *     a label, stored with every record of the study ({@link Study#load} still opens a study of
     *     a longer name that an earlier version created)
     * @throws IllegalStateException if a study of this name exists and {@code loadIfExists} is off
     */
    public Study build() {
      if (name != null) {
        requireShort("study name", name, "",
            "a study name is a label, stored with every record of the study; use a shorter name");
      }
      if (storage == null) {
        storage = Storages.inMemory();
      }
      return new Study(this,
          loadIfExists ? StudyLog.Opening.CREATE_OR_RESUME : StudyLog.Opening.CREATE);
    }
  }
}
