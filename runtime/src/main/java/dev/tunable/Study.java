package dev.tunable;

import dev.tunable.internal.ProgressLine;
import dev.tunable.internal.StoredValues;
import dev.tunable.internal.TrialExport;
import dev.tunable.internal.sampler.genetic.Pareto;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Event.TrialEnqueued;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Event.TrialStarted;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

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

  private final String name;
  private final Storage storage;
  private final Sampler sampler;
  private final Pruner pruner;
  private final Function<FrozenTrial, double[]> constraints;
  private final List<TrialCallback> callbacks;
  private final boolean progress;
  private final Object lock = new Object();
  private final Object callbackLock = new Object();
  private final StudyModel model;
  private long cursor;
  private volatile boolean stopRequested;

  private Study(Builder builder, boolean mustExist) {
    this.name = builder.name != null ? builder.name : defaultName();
    this.storage = builder.storage;
    this.pruner = builder.pruner;
    this.constraints = builder.constraints;
    this.callbacks = List.copyOf(builder.callbacks);
    this.progress = builder.progress;
    this.model = new StudyModel(name);
    open(builder, mustExist);
    // The default depends on the number of objectives, known only once the study is open.
    this.sampler = builder.sampler != null
        ? builder.sampler
        : model.directions().size() > 1 ? Samplers.nsga2() : Samplers.cmaEs();
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
    return new Study(builder().name(name).storage(storage), true);
  }

  /** The study's name in its storage. */
  public String name() {
    return name;
  }

  /** Whether the study minimizes or maximizes (its first objective). */
  public Direction direction() {
    return model.directions().get(0);
  }

  /** The directions, one per objective. */
  public List<Direction> directions() {
    return model.directions();
  }

  /** Where the study's trials are recorded. */
  public Storage storage() {
    return storage;
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
   * Budget#workers} threads, and returns the study's best trial (over all its trials, earlier
   * runs included).
   *
   * <p>A trial whose objective throws, or returns NaN or an infinity, is recorded as {@link
   * TrialState#FAIL} with the reason, and the study goes on; {@code throw trial.pruned()} records
   * it as {@link TrialState#PRUNED}. The run stops early when the sampler is exhausted (a finished
   * grid) or {@link #stop()} is called. Callbacks run after each trial. While it runs in a
   * terminal, a progress line is shown on standard error (unless switched off in the builder).
   *
   * @throws IllegalStateException if every trial of this run failed (the message gives the first
   *     reasons, and the cause is the first exception)
   * @throws NoSuchElementException if the study has no complete trial (all pruned, or none run)
   */
  public <H> Trial<H> optimize(SearchSpace<H> space, Budget budget, Objective<H> objective) {
    Objects.requireNonNull(objective, "objective");
    if (model.directions().size() != 1) {
      throw new IllegalStateException(
          "study '" + name + "' has " + model.directions().size() + " objectives "
              + model.directions() + "; run it with optimizeMulti and an objective returning"
              + " one value per objective");
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
   * @throws IllegalStateException if every trial of this run failed
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
    Run<H> run = new Run<>(space, budget, objective);
    try (ProgressLine line = ProgressLine.create(progress, budget.maxTrials(), budget.timeLimit())) {
      run.progress = line;
      if (budget.workerCount() == 1) {
        run.work();
      } else {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < budget.workerCount(); i++) {
          Thread thread = new Thread(run::work, "tunable-" + name + "-worker-" + i);
          thread.setDaemon(true);
          threads.add(thread);
          thread.start();
        }
        for (Thread thread : threads) {
          joinUninterruptibly(thread, run);
        }
      }
    }
    run.rethrow();
  }

  /**
   * Asks for a new trial: the next enqueued hyperparameters if any, else the sampler's proposal.
   * Evaluate it and {@link #tell} the result. The trial is recorded as {@link TrialState#RUNNING}
   * when this method returns.
   *
   * @throws SearchExhaustedException if the sampler has nothing left to propose
   */
  public <H> Trial<H> ask(SearchSpace<H> space) {
    Objects.requireNonNull(space, "space");
    synchronized (lock) {
      Config[] checked = new Config[1];
      List<Event> written = write(() -> startTrial(space, checked));
      TrialStarted started = (TrialStarted) written.get(written.size() - 1);
      return new Trial<>(this, started.number(), space.createChecked(checked[0]));
    }
  }

  /**
   * The events that start a trial; enqueued entries that do not fit the space fail on the way.
   * Leaves the trial's checked configuration in {@code checked[0]}.
   */
  private List<Event> startTrial(SearchSpace<?> space, Config[] checked) {
    List<Event> events = new ArrayList<>();
    String worker = storage.workerId();
    Instant now = Instant.now();
    long number = model.trialCount();
    for (int skipped = 0; ; skipped++, number++) {
      int entry = model.nextQueueEntry(skipped);
      if (entry >= 0) {
        Map<String, Object> enqueued = model.queueEntry(entry);
        try {
          checked[0] = space.check(enqueued);
        } catch (IllegalArgumentException e) {
          events.add(new TrialStarted(name, number, enqueued, entry, worker, now));
          events.add(new TrialFinished(name, number, TrialState.FAIL, NO_VALUES,
              "the enqueued hyperparameters do not fit the search space: " + e.getMessage(), now));
          continue;
        }
      } else {
        SamplerContext context =
            new SamplerContext(space, number, model.directions(), this::snapshots);
        Config proposal = sampler.sample(context);
        try {
          checked[0] = space.check(proposal.asMap());
        } catch (IllegalArgumentException e) {
          throw new IllegalStateException(
              "sampler " + sampler + " proposed hyperparameters outside the search space for trial #"
                  + number + ": " + e.getMessage(), e);
        }
      }
      events.add(
          new TrialStarted(name, number, StoredValues.of(checked[0].asMap()), entry, worker, now));
      return events;
    }
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
    int objectives = model.directions().size();
    if (values.length != objectives) {
      throw new IllegalArgumentException(
          "trial #" + trial.number() + " of study '" + name + "' was told "
              + Arrays.toString(values) + " but the study has " + objectives
              + " objective" + (objectives == 1 ? "" : "s") + " " + model.directions()
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
        running.params(), running.intermediateValues(), running.userAttributes(), running.start(),
        Instant.now(), null);
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

  /** Records that {@code trial} failed, for {@code reason}. */
  public FrozenTrial tellFailure(Trial<?> trial, String reason) {
    return finish(trial, TrialState.FAIL, NO_VALUES, Objects.requireNonNull(reason, "reason"));
  }

  private FrozenTrial finish(Trial<?> trial, TrialState state, double[] values, String reason) {
    long number = own(trial);
    synchronized (lock) {
      write(() -> {
        TrialRecord record = model.trial(number);
        if (record.state.isFinished()) {
          throw new IllegalStateException(
              "trial #" + number + " of study '" + name + "' has already finished as "
                  + record.state + "; tell each trial once");
        }
        return List.of(new TrialFinished(name, number, state, values, reason, Instant.now()));
      });
      return model.trial(number).snapshot();
    }
  }

  /**
   * Adds hyperparameters to evaluate before any sampled ones, in the order enqueued: known good
   * values, a warm start, manual tuning. Every dimension of the space must have a value; they are
   * checked when the trial is asked for, and a trial whose values do not fit fails with the reason.
   */
  public void enqueue(Map<String, ?> params) {
    Map<String, Object> stored = StoredValues.of(params);
    synchronized (lock) {
      write(() -> List.of(new TrialEnqueued(name, stored, Instant.now())));
    }
  }

  /** Enqueues the values of {@code params}; see {@link #enqueue(Map)}. */
  public void enqueue(Config params) {
    enqueue(params.asMap());
  }

  /** Enqueues typed hyperparameters, checked against {@code space} now; see {@link #enqueue(Map)}. */
  public <H> void enqueue(SearchSpace<H> space, H params) {
    enqueue(space.check(space.config(params).asMap()));
  }

  /**
   * Snapshots of every trial, by number, including those other processes added to the storage.
   */
  public List<FrozenTrial> trials() {
    synchronized (lock) {
      refresh();
      return List.copyOf(model.snapshots());
    }
  }

  /**
   * The complete trial with the best value (the earliest on ties), among the feasible ones if
   * trials {@link Trial#setConstraints report constraints}.
   *
   * @throws IllegalStateException if the study has several objectives: see {@link #bestTrials()}
   * @throws NoSuchElementException if no trial is complete
   */
  public FrozenTrial bestTrial() {
    synchronized (lock) {
      refresh();
      return bestRecord().snapshot();
    }
  }

  /**
   * The best trial, with hyperparameters typed by {@code space}.
   *
   * @throws NoSuchElementException if no trial is complete
   */
  public <H> Trial<H> bestTrial(SearchSpace<H> space) {
    synchronized (lock) {
      refresh();
      TrialRecord best = bestRecord();
      return new Trial<>(this, best.number, space.create(best.params));
    }
  }

  /**
   * The Pareto front: the complete, feasible trials that no other complete feasible trial
   * dominates (as good in every objective and better in one), by number. With one objective, the
   * trials tied at the best value. Empty if no trial is complete and feasible.
   */
  public List<FrozenTrial> bestTrials() {
    List<FrozenTrial> candidates = new ArrayList<>();
    List<Direction> directions;
    synchronized (lock) {
      refresh();
      directions = model.directions();
      for (TrialRecord record : model.trials()) {
        if (record.state == TrialState.COMPLETE && record.snapshot().isFeasible()) {
          candidates.add(record.snapshot());
        }
      }
    }
    double[][] scores = new double[candidates.size()][];
    for (int k = 0; k < scores.length; k++) {
      double[] values = candidates.get(k).values();
      for (int m = 0; m < values.length; m++) {
        values[m] = directions.get(m) == Direction.MINIMIZE ? values[m] : -values[m];
      }
      scores[k] = values;
    }
    List<FrozenTrial> front = new ArrayList<>();
    if (!candidates.isEmpty()) {
      for (int k : Pareto.firstFront(scores)) {
        front.add(candidates.get(k));
      }
    }
    return List.copyOf(front);
  }

  private TrialRecord bestRecord() {
    if (model.directions().size() != 1) {
      throw new IllegalStateException(
          "study '" + name + "' has " + model.directions().size() + " objectives "
              + model.directions() + " and so no single best trial; use bestTrials() for its"
              + " Pareto front");
    }
    TrialRecord best = model.best();
    if (best == null) {
      throw new NoSuchElementException(
          "no trial of study '" + name + "' is complete yet (" + countsByState() + ")");
    }
    return best;
  }

  /** Asks running {@link #optimize} calls to start no more trials; running trials finish. */
  public void stop() {
    stopRequested = true;
  }

  /**
   * Writes every trial as CSV: number, state, value(s), start, end, duration, one column per
   * hyperparameter and per user attribute, failure reason.
   */
  public void exportCsv(Path file) {
    export(file, true);
  }

  /** Writes every trial as a JSON array of objects. */
  public void exportJson(Path file) {
    export(file, false);
  }

  /** {@link #exportCsv(Path)} to {@code out}. */
  public void exportCsv(Appendable out) throws IOException {
    TrialExport.csv(trials(), out);
  }

  /** {@link #exportJson(Path)} to {@code out}. */
  public void exportJson(Appendable out) throws IOException {
    TrialExport.json(trials(), out);
  }

  private void export(Path file, boolean csv) {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      if (csv) {
        exportCsv(out);
      } else {
        exportJson(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write trials of study '" + name + "' to " + file, e);
    }
  }

  @Override
  public String toString() {
    synchronized (lock) {
      return "Study '" + name + "' (" + model.directions() + ", " + countsByState() + ")";
    }
  }

  // ---- called by Trial ----

  FrozenTrial snapshot(long number) {
    synchronized (lock) {
      return model.trial(number).snapshot();
    }
  }

  void report(long number, long step, double[] values) {
    synchronized (lock) {
      write(() -> {
        requireRunning(number, "report a value");
        return List.of(new TrialReported(name, number, step, values));
      });
    }
  }

  void setUserAttribute(long number, String key, Object value) {
    Objects.requireNonNull(key, "key");
    if (key.equals(FrozenTrial.CONSTRAINTS_ATTRIBUTE)) {
      throw new IllegalArgumentException("the user attribute '" + key + "' of trial #" + number
          + " holds its constraint values; set them with trial.setConstraints(...)");
    }
    Object stored = StoredValues.of(Objects.requireNonNull(value, "value"));
    synchronized (lock) {
      write(() -> List.of(new TrialAttributeSet(name, number, key, stored)));
    }
  }

  /** Records constraint values, encoded by {@link Trial#setConstraints}, while the trial runs. */
  void setConstraints(long number, String encoded) {
    synchronized (lock) {
      write(() -> {
        requireRunning(number, "set constraints");
        return List.of(
            new TrialAttributeSet(name, number, FrozenTrial.CONSTRAINTS_ATTRIBUTE, encoded));
      });
    }
  }

  boolean shouldPrune(long number) {
    FrozenTrial trial;
    List<Direction> directions;
    synchronized (lock) {
      trial = model.trial(number).snapshot();
      directions = model.directions();
    }
    // Outside the lock, so that workers may consult the pruner at once.
    return pruner.shouldPrune(new PrunerContext(trial, directions, this::freshSnapshots));
  }

  // ---- internals ----

  private void open(Builder builder, boolean mustExist) {
    synchronized (lock) {
      write(() -> {
        if (!model.exists()) {
          if (mustExist) {
            throw new NoSuchElementException(
                "no study named '" + name + "' in " + storage
                    + "; create it with Study.builder().name(\"" + name + "\")");
          }
          return List.of(new StudyCreated(name, builder.directions, Instant.now()));
        }
        if (!mustExist && !builder.loadIfExists) {
          throw new IllegalStateException(
              "a study named '" + name + "' already exists in " + storage
                  + "; resume it with Study.load(\"" + name + "\", storage) or"
                  + " Study.builder().loadIfExists(true), or choose another name");
        }
        if (builder.directionSet && !model.directions().equals(builder.directions)) {
          throw new IllegalArgumentException(
              "study '" + name + "' was created to " + model.directions() + ", not "
                  + (builder.directions.size() == 1 ? builder.directions.get(0)
                      : builder.directions));
        }
        return failTrialsOfDeadWorkers();
      });
    }
  }

  private List<Event> failTrialsOfDeadWorkers() {
    List<Event> events = new ArrayList<>();
    for (TrialRecord trial : model.trials()) {
      if (trial.state == TrialState.RUNNING && !storage.isAlive(trial.worker)) {
        events.add(new TrialFinished(name, trial.number, TrialState.FAIL, NO_VALUES,
            "the process running the trial (worker " + trial.worker + ") died before it finished",
            Instant.now()));
      }
    }
    return events;
  }

  private void requireRunning(long number, String action) {
    TrialRecord record = model.trial(number);
    if (record.state.isFinished()) {
      throw new IllegalStateException(
          "cannot " + action + " for trial #" + number + " of study '" + name + "': it is "
              + record.state);
    }
  }

  /**
   * Appends the events {@code plan} returns after catching up with the storage, and applies them.
   * Caller holds {@link #lock}.
   */
  private List<Event> write(Supplier<List<Event>> plan) {
    List<List<Event>> written = new ArrayList<>(1);
    cursor = storage.append(cursor, news -> {
      for (Event event : news.events()) {
        model.apply(event);
      }
      cursor = news.cursor(); // kept even if the plan throws, so that no event is applied twice
      List<Event> events = plan.get();
      written.add(events);
      return events;
    });
    for (Event event : written.get(0)) {
      model.apply(event);
    }
    return written.get(0);
  }

  private void refresh() {
    Storage.Batch batch = storage.read(cursor);
    for (Event event : batch.events()) {
      model.apply(event);
    }
    cursor = batch.cursor();
  }

  private List<FrozenTrial> snapshots() {
    synchronized (lock) {
      return model.snapshots();
    }
  }

  /**
   * {@link #snapshots()} after reading what other studies on the storage recorded since this one
   * last wrote: a pruner must not decide on a history older than another worker's.
   */
  private List<FrozenTrial> freshSnapshots() {
    synchronized (lock) {
      refresh();
      return model.snapshots();
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

  private String countsByState() {
    int[] counts = new int[TrialState.values().length];
    for (TrialRecord trial : model.trials()) {
      counts[trial.state.ordinal()]++;
    }
    StringBuilder text = new StringBuilder();
    text.append(model.trialCount()).append(" trials");
    for (TrialState state : TrialState.values()) {
      if (counts[state.ordinal()] > 0) {
        text.append(", ").append(counts[state.ordinal()]).append(' ').append(state);
      }
    }
    return text.toString();
  }

  private static String defaultName() {
    return "study-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
  }

  private static String describe(Throwable failure) {
    StackTraceElement[] trace = failure.getStackTrace();
    return failure + (trace.length > 0 ? " (at " + trace[0] + ")" : "");
  }

  private static void joinUninterruptibly(Thread thread, Run<?> run) {
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        run.halt(null);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A trial the objective finished, and the exception that failed it, if any. */
  private record Outcome(FrozenTrial trial, Throwable failure) {}

  /** One call of optimize: its budget, counters and the first error that must stop it. */
  private final class Run<H> {
    private static final int REASONS_SHOWN = 3;

    private final SearchSpace<H> space;
    private final MultiObjective<H> objective;
    private final long maxTrials;
    private final long deadline;
    private final long startNanos = System.nanoTime();
    private final AtomicLong started = new AtomicLong();
    private long finished;
    private long failed;
    private final List<String> firstReasons = new ArrayList<>();
    private Throwable firstFailure;
    private volatile boolean halted;
    private Throwable error;
    ProgressLine progress;

    Run(SearchSpace<H> space, Budget budget, MultiObjective<H> objective) {
      this.space = space;
      this.objective = objective;
      this.maxTrials = budget.maxTrials();
      this.deadline =
          budget.timeLimit() == null ? Long.MAX_VALUE : startNanos + budget.timeLimit().toNanos();
    }

    void work() {
      try {
        while (!halted && !stopRequested && started.incrementAndGet() <= maxTrials
            && (deadline == Long.MAX_VALUE || System.nanoTime() - deadline < 0)) {
          Trial<H> trial;
          try {
            trial = ask(space);
          } catch (SearchExhaustedException e) {
            halted = true;
            break;
          }
          Outcome outcome = evaluate(trial);
          // One critical section per trial for counting, callbacks and progress: fewer lock
          // handovers between workers.
          synchronized (callbackLock) {
            count(outcome);
            for (TrialCallback callback : callbacks) {
              callback.afterTrial(Study.this, outcome.trial());
            }
            if (progress.isShown()) {
              progress.update(finished, bestValue());
            }
          }
        }
      } catch (RuntimeException | Error e) {
        halt(e);
      }
    }

    private Outcome evaluate(Trial<H> trial) {
      FrozenTrial done;
      Throwable failure = null;
      try {
        done = tell(trial, objective.evaluate(trial));
      } catch (TrialPrunedException e) {
        done = tell(trial, TrialState.PRUNED);
      } catch (Exception e) {
        failure = e;
        done = tellFailure(trial, describe(e));
      } catch (Error e) {
        tellFailure(trial, describe(e));
        throw e;
      }
      return new Outcome(done, failure);
    }

    /** Counts a finished trial; caller holds {@link #callbackLock}. */
    private void count(Outcome outcome) {
      FrozenTrial done = outcome.trial();
      finished++;
      if (done.state() == TrialState.FAIL) {
        failed++;
        if (firstReasons.size() < REASONS_SHOWN) {
          firstReasons.add("#" + done.number() + ": " + done.failureReason().orElse("?"));
        }
        if (firstFailure == null) {
          firstFailure = outcome.failure();
        }
      }
    }

    private Double bestValue() {
      synchronized (lock) {
        if (model.directions().size() != 1) {
          return null;
        }
        TrialRecord best = model.best();
        return best == null ? null : best.values[0];
      }
    }

    synchronized void halt(Throwable e) {
      halted = true;
      if (error == null && e != null) {
        error = e;
      }
    }

    void rethrow() {
      synchronized (this) {
        if (error instanceof RuntimeException e) {
          throw e;
        }
        if (error instanceof Error e) {
          throw e;
        }
      }
      synchronized (callbackLock) {
        if (finished > 0 && failed == finished) {
          throw new IllegalStateException(
              "all " + finished + " trials of study '" + name + "' failed; first reasons:\n  "
                  + String.join("\n  ", firstReasons),
              firstFailure);
        }
      }
    }
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

    private Builder() {}

    /** The study's name in its storage; needed to {@link Study#load} it later. */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a study needs a non-blank name, got '" + name + "'");
      }
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
     * shown when the process runs in a terminal. On by default.
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
     * Creates the study in its storage, or loads it (see {@link #loadIfExists}).
     *
     * @throws IllegalStateException if a study of this name exists and {@code loadIfExists} is off
     */
    public Study build() {
      if (storage == null) {
        storage = Storages.inMemory();
      }
      return new Study(this, false);
    }
  }
}
