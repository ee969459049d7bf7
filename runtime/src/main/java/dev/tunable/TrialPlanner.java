package dev.tunable;

import dev.tunable.internal.StoredValues;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialStarted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts a study's trials. The hyperparameters of a new trial are decided while no lock is held
 * (the next enqueued entry, or the sampler's proposal from a snapshot of the study), so that a slow
 * sampler never holds up other workers; the start is then recorded under the storage's lock. If
 * another worker meanwhile took the same enqueued entry, or started a trial with the same values
 * (the same grid point, or the same proposal of a sampler seeded by the trial number), the
 * decision is made again from the newer snapshot. Otherwise the trial takes the next free number,
 * which is the one the sampler was asked for unless another worker started a trial in between.
 *
 * <p>Thread-safe.
 */
final class TrialPlanner {
  private static final double[] NO_VALUES = {};

  private final String study;
  private final StudyLog log;
  private final Sampler sampler;
  /** How many of this worker's threads are deciding a trial now. */
  private final AtomicInteger deciding = new AtomicInteger();

  TrialPlanner(String study, StudyLog log, Sampler sampler) {
    this.study = study;
    this.log = log;
    this.sampler = sampler;
  }

  /** A trial that was started: its number and its checked hyperparameters. */
  record Started(long number, Config params) {}

  /**
   * Starts a trial on {@code space}, unless the study already holds {@code limit} trials; enqueued
   * entries that do not fit the space are recorded as failed trials on the way.
   *
   * @return the trial, or null if the study holds {@code limit} trials
   * @throws SearchExhaustedException if the sampler has nothing left to propose
   */
  Started start(SearchSpace<?> space, long limit) {
    // Threads of this worker deciding at the same time each plan for a trial of their own: the
    // next number but one, and the next enqueued entry but one, so that a sampler seeded by the
    // trial number does not propose the same values to both.
    int ahead = deciding.getAndIncrement();
    try {
      while (true) {
        View view = log.read(model -> View.of(model, ahead));
        if (view.trialCount() >= limit) {
          return null;
        }
        Decision decision = decide(space, view);
        Started started = record(decision, view, limit);
        if (started != null) {
          return started.number() >= 0 ? started : null;
        }
      }
    } finally {
      deciding.decrementAndGet();
    }
  }

  /**
   * What the study looked like when the decision was made, and the number the trial is planned
   * to take; the trials below it were started, or are being decided by other threads.
   */
  private record View(long trialCount, long plannedNumber, int queueEntry,
      Map<String, Object> enqueued, List<Direction> directions) {
    static View of(StudyModel model, int ahead) {
      int entry = model.nextQueueEntry(ahead);
      return new View(model.trialCount(), model.trialCount() + ahead, entry,
          entry >= 0 ? model.queueEntry(entry) : null, model.directions());
    }
  }

  /**
   * The new trial's values: checked ones ({@code params}), or for an enqueued entry that does not
   * fit the space, the entry as given and the reason it fails.
   */
  private record Decision(int queueEntry, Config params, Map<String, Object> misfit, String reason) {}

  private Decision decide(SearchSpace<?> space, View view) {
    if (view.queueEntry() >= 0) {
      try {
        return new Decision(view.queueEntry(), space.check(view.enqueued()), null, null);
      } catch (IllegalArgumentException e) {
        return new Decision(view.queueEntry(), null, view.enqueued(),
            "the enqueued hyperparameters do not fit the search space: " + e.getMessage());
      }
    }
    SamplerContext context = new SamplerContext(space, view.plannedNumber(), view.directions(),
        () -> log.peek(StudyModel::snapshots));
    Config proposal = sampler.sample(context);
    try {
      return new Decision(-1, space.check(proposal.asMap()), null, null);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("sampler " + sampler + " proposed hyperparameters outside"
          + " the search space for trial #" + view.plannedNumber() + ": " + e.getMessage(), e);
    }
  }

  /** What {@link #record} returns when the study reached its limit meanwhile. */
  private static final Started LIMIT_REACHED = new Started(-1, null);

  /**
   * Records the start of the trial {@code decision} describes, unless another worker took its
   * entry or its values since {@code view}, or the study reached {@code limit} trials; null when
   * it must be decided again.
   */
  private Started record(Decision decision, View view, long limit) {
    Map<String, Object> stored =
        decision.params() != null ? StoredValues.of(decision.params().asMap()) : null;
    boolean[] full = new boolean[1];
    List<Event> written = log.write(model -> {
      if (model.trialCount() >= limit) {
        full[0] = true;
        return List.of();
      }
      if (decision.queueEntry() >= 0 ? model.isClaimed(decision.queueEntry())
          : startedMeanwhile(model, view.trialCount(), stored)) {
        return List.of();
      }
      long number = model.trialCount();
      String worker = log.storage().workerId();
      Instant now = Instant.now();
      if (decision.misfit() != null) {
        return List.of(
            new TrialStarted(study, number, decision.misfit(), decision.queueEntry(), worker, now),
            new TrialFinished(study, number, TrialState.FAIL, NO_VALUES, decision.reason(), now));
      }
      return List.of(new TrialStarted(study, number, stored, decision.queueEntry(), worker, now));
    });
    if (full[0]) {
      return LIMIT_REACHED;
    }
    if (written.size() != 1) {
      return null; // taken meanwhile, or a misfit entry failed: decide the next trial afresh
    }
    return new Started(((TrialStarted) written.get(0)).number(), decision.params());
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
