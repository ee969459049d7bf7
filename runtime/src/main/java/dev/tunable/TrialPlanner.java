package dev.tunable;

import dev.tunable.internal.Logs;
import dev.tunable.internal.StoredValues;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.SpaceSet;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Starts a study's trials. The hyperparameters of a new trial are decided while no lock is held
 * (the next enqueued entry, or the sampler's proposal from a snapshot of the study), so that a slow
 * sampler never holds up other workers; the start is then recorded under the storage's lock. If
 * another worker meanwhile took the same enqueued entry, or started a trial with the same values
 * (the same grid point, or the same proposal of a sampler seeded by the trial number), the
 * decision is made again from the newer snapshot. Otherwise the trial takes the next free number,
 * which is the one the sampler was asked for unless another worker started a trial in between.
 *
 * <p><b>Reproducible with workers.</b> With a lag {@code w} above 0, the proposal for trial
 * {@code k} depends only on the trials numbered below {@code k - w}: the planner waits until they
 * have all finished, shows the sampler those alone, and records the proposal as trial {@code k}
 * and no other (if another worker took {@code k} first, it plans anew for the next number). A
 * seeded study then gives the same trials whatever the timing, with up to {@code w} trials
 * running at once in any threads, processes or machines.
 *
 * <p>Thread-safe.
 */
final class TrialPlanner {
  private static final double[] NO_VALUES = {};
  /** How long a reproducible worker sleeps, at most, between looks at the trials it waits for. */
  private static final long MAX_WAIT_MILLIS = 50;
  /** How often a waiting worker fails the trials of workers that died, which it would wait for. */
  private static final long DEAD_WORKER_CHECK_NANOS = 1_000_000_000L;

  private final String study;
  private final StudyLog log;
  private final Sampler sampler;
  private final int lag;
  private final Planned numbers = new Planned();
  private final StudySpace studySpace;

  /** @param lag 0 to run free, or the number of trials that may run at once, reproducibly */
  TrialPlanner(String study, StudyLog log, Sampler sampler, int lag, RunSettings settings) {
    this.study = study;
    this.log = log;
    this.studySpace = new StudySpace(study, log, settings);
    this.sampler = sampler;
    this.lag = lag;
  }

  /** A trial that was started: its number and its checked hyperparameters. */
  record Started(long number, Config params) {}

  /** Records {@code space} as the study's search space; see {@link StudySpace#record}. */
  void recordSpace(SearchSpace<?> space) {
    studySpace.record(space);
  }

  /**
   * Starts a trial on {@code space}, unless the study already holds {@code limit} trials; enqueued
   * entries that do not fit the space are recorded as failed trials on the way.
   *
   * @return the trial, or null if the study holds {@code limit} trials, or if the thread was
   *     interrupted while waiting for the trials a reproducible proposal depends on (its interrupt
   *     status is then set)
   * @throws SearchExhaustedException if the sampler has nothing left to propose
   */
  Started start(SearchSpace<?> space, long limit) {
    log.failTrialsOfDeadWorkersNowAndThen();
    while (true) {
      View view = log.read(model -> View.of(model, numbers.claim(model.trialCount())));
      try {
        if (view.trialCount() >= limit) {
          return null;
        }
        Decision decision = decide(space, view);
        if (decision == null) {
          return null; // interrupted while waiting
        }
        Attempt attempt;
        do {
          attempt = record(space, decision, view, limit);
        } while (attempt.outcome() == Outcome.EARLY && pause(1));
        switch (attempt.outcome()) {
          case STARTED:
            return new Started(attempt.number(), decision.params());
          case FULL:
          case EARLY: // interrupted while waiting for its turn
            return null;
          default: // TAKEN: decide again from what the study now holds
        }
      } finally {
        numbers.release(view.plannedNumber());
      }
    }
  }

  /**
   * The trial numbers this worker's threads are deciding now. Each thread plans for a number of
   * its own, the lowest free one from the study's count up, and skips as many enqueued entries as
   * there are numbers below it; so threads deciding at once rarely decide alike (a sampler seeded
   * by the trial number would otherwise propose the same values to both), and a reproducible
   * trial can tell a number below its own that no thread is deciding any more.
   */
  private static final class Planned {
    private final NavigableSet<Long> numbers = new TreeSet<>();

    synchronized long claim(long trialCount) {
      long number = trialCount;
      while (numbers.contains(number)) {
        number++;
      }
      numbers.add(number);
      return number;
    }

    synchronized void release(long number) {
      numbers.remove(number);
    }

    /** Whether a number from {@code trialCount} up to {@code number} is no thread's any more. */
    synchronized boolean gapBelow(long number, long trialCount) {
      for (long n = trialCount; n < number; n++) {
        if (!numbers.contains(n)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * What the study looked like when the decision was made, and the number the trial is planned
   * to take; the trials below it were started, or are being decided by other threads.
   */
  private record View(long trialCount, long plannedNumber, int queueEntry,
      Map<String, Object> enqueued, List<Direction> directions) {
    static View of(StudyModel model, long plannedNumber) {
      int entry = model.nextQueueEntry((int) (plannedNumber - model.trialCount()));
      return new View(model.trialCount(), plannedNumber, entry,
          entry >= 0 ? model.queueEntry(entry) : null, model.directions());
    }
  }

  /**
   * The new trial's values: checked ones ({@code params}), or for an enqueued entry that does not
   * fit the space, the entry as given and the reason it fails.
   */
  private record Decision(int queueEntry, Config params, Map<String, Object> misfit, String reason,
      Map<String, Object> attributes) {}

  /** The decision for {@code view}, or null if interrupted while waiting for its history. */
  private Decision decide(SearchSpace<?> space, View view) {
    if (view.queueEntry() >= 0) {
      try {
        return new Decision(view.queueEntry(), space.check(view.enqueued()), null, null, Map.of());
      } catch (IllegalArgumentException e) {
        return new Decision(view.queueEntry(), null, view.enqueued(),
            "the enqueued hyperparameters do not fit the search space: " + e.getMessage(),
            Map.of());
      }
    }
    Supplier<List<FrozenTrial>> history = () -> log.peek(StudyModel::snapshots);
    if (lag > 0) {
      List<FrozenTrial> before = awaitFinished(view.plannedNumber() - lag);
      if (before == null) {
        return null;
      }
      history = () -> before;
    }
    SamplerContext context =
        new SamplerContext(space, view.plannedNumber(), view.directions(), history);
    long startNanos = ProposalCost.nanos();
    Config proposal = sampler.sample(context);
    long costNanos = ProposalCost.nanos() - startNanos;
    try {
      return new Decision(-1, space.check(proposal.asMap()), null, null,
          ProposalCost.attributes(sampler, context, costNanos));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("sampler " + sampler + " proposed hyperparameters outside"
          + " the search space for trial #" + view.plannedNumber() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The trials numbered below {@code count}, once every one of them has started and finished, or
   * null if the thread is interrupted first. Trials of workers that died are failed meanwhile, so
   * that a crash does not hold the study up.
   */
  private List<FrozenTrial> awaitFinished(long count) {
    long lastCheck = System.nanoTime();
    for (int round = 0; ; round++) {
      List<FrozenTrial> finished = log.read(model -> finishedBelow(model, count));
      if (finished != null) {
        return finished;
      }
      if (System.nanoTime() - lastCheck > DEAD_WORKER_CHECK_NANOS) {
        log.failTrialsOfDeadWorkersIfAny();
        lastCheck = System.nanoTime();
      }
      if (!pause(Math.min(MAX_WAIT_MILLIS, 1L << Math.min(round, 6)))) {
        return null;
      }
    }
  }

  private static List<FrozenTrial> finishedBelow(StudyModel model, long count) {
    if (model.trialCount() < count) {
      return null;
    }
    List<FrozenTrial> trials = new ArrayList<>((int) Math.max(0, count));
    for (long number = 0; number < count; number++) {
      TrialRecord trial = model.trial(number);
      if (!trial.state.isFinished()) {
        return null;
      }
      trials.add(trial.snapshot());
    }
    return trials;
  }

  /** Sleeps; false, with the interrupt status set again, if the thread was interrupted. */
  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What became of an attempt to record a trial's start. */
  private enum Outcome {
    /** Recorded. */
    STARTED,
    /** Another worker took its number, entry or values: decide again. */
    TAKEN,
    /** A reproducible trial whose number is not the next yet: try again shortly. */
    EARLY,
    /** The study holds its limit of trials. */
    FULL
  }

  /** What became of an attempt, and the number of the trial it started. */
  private record Attempt(Outcome outcome, long number) {}

  /**
   * Records the start of the trial {@code decision} describes, as the next trial or, when
   * reproducible, as the planned one.
   */
  private Attempt record(SearchSpace<?> space, Decision decision, View view, long limit) {
    Map<String, Object> stored =
        decision.params() != null ? StoredValues.of(decision.params().asMap()) : null;
    StudySpace.Recording recording = studySpace.recording(space);
    Outcome[] outcome = new Outcome[1];
    List<Event> written = log.write(model -> {
      outcome[0] = Outcome.STARTED; // a storage may plan more than once: the last plan counts
      long number = model.trialCount();
      if (number >= limit) {
        outcome[0] = Outcome.FULL;
      } else if (lag > 0 && number < view.plannedNumber()) {
        // Its turn comes when the trials below it are recorded, unless no thread decides one of
        // them any more (it stopped, or another worker took its number): then decide afresh.
        outcome[0] = numbers.gapBelow(view.plannedNumber(), number) ? Outcome.TAKEN
            : Outcome.EARLY;
      } else if (lag > 0 && number > view.plannedNumber()
          || (decision.queueEntry() >= 0 ? model.isClaimed(decision.queueEntry())
              : startedMeanwhile(model, view.trialCount(), stored))) {
        outcome[0] = Outcome.TAKEN;
      }
      if (outcome[0] != Outcome.STARTED) {
        return List.of();
      }
      String worker = log.storage().workerId();
      Instant now = Instant.now();
      // The trial records the space it was sampled from and the settings it runs with, if
      // another worker recorded others
      List<Event> events = new ArrayList<>(recording.events(model, now));
      if (decision.misfit() != null) {
        outcome[0] = Outcome.TAKEN; // failed on the way: decide the next trial afresh
        events.add(
            new TrialStarted(study, number, decision.misfit(), decision.queueEntry(), worker, now));
        events.add(
            new TrialFinished(study, number, TrialState.FAIL, NO_VALUES, decision.reason(), now));
        return events;
      }
      events.add(new TrialStarted(study, number, stored, decision.queueEntry(), worker, now));
      decision.attributes().forEach((key, value) ->
          events.add(new TrialAttributeSet(study, number, key, value)));
      return events;
    });
    if (!written.isEmpty() && written.get(0) instanceof SpaceSet) {
      recording.warnOfChange();
    }
    if (decision.misfit() != null && !written.isEmpty() && Logs.TRIAL.isInfoEnabled()) {
      FrozenTrial failed = log.peek(model -> model.trial(
          ((TrialStarted) written.get(written.size() - 2)).number()).snapshot());
      Logs.trialFinished(study, failed);
    }
    return new Attempt(outcome[0], outcome[0] == Outcome.STARTED
        ? started(written).number() : -1);
  }

  /** The last trial started among {@code events}. */
  private static TrialStarted started(List<Event> events) {
    for (int i = events.size() - 1; ; i--) {
      if (events.get(i) instanceof TrialStarted started) {
        return started;
      }
    }
  }

  /** Whether a trial numbered from {@code since} on holds exactly {@code params}. */
  private static boolean startedMeanwhile(StudyModel model, long since, Map<String, Object> params) {
    for (long number = since; number < model.trialCount(); number++) {
      if (model.trial(number).params.asMap().equals(params)) {
        return true;
      }
    }
    return false;
  }
}
