package dev.tunable;

import dev.tunable.storage.Event;
import dev.tunable.storage.Event.RunRecorded;
import dev.tunable.storage.Event.SpaceSet;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.StudyDeleted;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Event.TrialConstraintsSet;
import dev.tunable.storage.Event.TrialEnqueued;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Event.TrialStarted;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * A study's state, rebuilt by replaying its events in log order; the one place where events get
 * their meaning, shared by every storage. Not thread-safe: the study guards it with its lock.
 */
final class StudyModel {
  private final String name;
  private List<Direction> directions;
  private final List<TrialRecord> trials = new ArrayList<>();
  private final List<Map<String, Object>> queue = new ArrayList<>();
  private final BitSet claimed = new BitSet();
  /** For each enqueued entry, the trial it runs again, or -1. */
  private final List<Long> retriesOf = new ArrayList<>();
  private TrialRecord best;
  /** How many times a study of this name was deleted: each deletion ends one study. */
  private int deletions;
  /** Why the log of the current study cannot be replayed (damage), or null. */
  private RuntimeException inconsistency;
  /** The search space last recorded, or null if none was. */
  private SpaceSet space;
  /** Each run's settings, in the order recorded. */
  private final List<StudyRun> runs = new ArrayList<>();

  StudyModel(String name) {
    this.name = name;
  }

  boolean exists() {
    return directions != null;
  }

  /** How many times a study of this name was deleted before the current one. */
  int deletions() {
    return deletions;
  }

  List<Direction> directions() {
    return directions;
  }

  /** The search space last recorded, stored form; null if none was. */
  SpaceSet space() {
    return space;
  }

  /** The settings last recorded, or null if none were. */
  Map<String, String> settings() {
    return runs.isEmpty() ? null : runs.get(runs.size() - 1).settings();
  }

  /** Each run's settings, in the order recorded. */
  List<StudyRun> runs() {
    return runs;
  }

  int trialCount() {
    return trials.size();
  }

  TrialRecord trial(long number) {
    if (number < 0 || number >= trials.size()) {
      throw new IllegalArgumentException(
          "study '" + name + "' has no trial #" + number + "; it has " + trials.size() + " trials");
    }
    return trials.get((int) number);
  }

  List<TrialRecord> trials() {
    return trials;
  }

  /**
   * The best complete feasible trial by the first objective, the earliest on ties, or {@code
   * null}.
   */
  TrialRecord best() {
    return best;
  }

  /** The first enqueued entry no trial has taken, or -1. */
  int nextQueueEntry(int skip) {
    int entry = claimed.nextClearBit(0);
    for (int i = 0; i < skip && entry < queue.size(); i++) {
      entry = claimed.nextClearBit(entry + 1);
    }
    return entry < queue.size() ? entry : -1;
  }

  /** How many times the trial {@code number} runs a trial again: 0 for a first run. */
  int retries(long number) {
    int count = 0;
    for (long t = trial(number).retryOf; t >= 0; t = trial(t).retryOf) {
      count++;
    }
    return count;
  }

  /** Whether a trial has taken enqueued entry {@code entry}. */
  boolean isClaimed(int entry) {
    return claimed.get(entry);
  }

  Map<String, Object> queueEntry(int entry) {
    return queue.get(entry);
  }

  List<FrozenTrial> snapshots() {
    List<FrozenTrial> snapshots = new ArrayList<>(trials.size());
    for (TrialRecord trial : trials) {
      snapshots.add(trial.snapshot());
    }
    return snapshots;
  }

  /** {@code "12 trials, 9 COMPLETE, 3 FAIL"}, for messages. */
  String countsByState() {
    int[] counts = new int[TrialState.values().length];
    for (TrialRecord trial : trials) {
      counts[trial.state.ordinal()]++;
    }
    StringBuilder text = new StringBuilder().append(trials.size()).append(" trials");
    for (TrialState state : TrialState.values()) {
      if (counts[state.ordinal()] > 0) {
        text.append(", ").append(counts[state.ordinal()]).append(' ').append(state);
      }
    }
    return text.toString();
  }

  /**
   * Replays {@code event} if it is the study's. An event the study's state cannot take (a trial
   * never started, from a damaged log) is kept as the study's inconsistency, and the study's
   * later events are skipped, until a deletion ends the study: a deleted study's damage does not
   * stop a new study of the name, or the storage's list of studies.
   */
  void apply(Event event) {
    if (!event.study().equals(name)) {
      return;
    }
    if (inconsistency != null && !(event instanceof StudyDeleted)) {
      return;
    }
    try {
      event.accept(replay);
    } catch (RuntimeException e) { // whatever the damage
      inconsistency = e;
    }
  }

  /** Throws the error that made the replay stop, if the current study's log is inconsistent. */
  void requireConsistent() {
    if (inconsistency != null) {
      throw inconsistency;
    }
  }

  /** What each kind of event does to the study. */
  private final Event.Visitor<Void> replay = new Event.Visitor<>() {
    @Override
    public Void visitStudyCreated(StudyCreated created) {
      if (directions == null) {
        directions = created.directions();
      }
      return null;
    }

    @Override
    public Void visitSpaceSet(SpaceSet set) {
      space = set;
      return null;
    }

    @Override
    public Void visitRunRecorded(RunRecorded run) {
      runs.add(new StudyRun(trials.size(), run.time(), run.settings()));
      return null;
    }

    @Override
    public Void visitTrialEnqueued(TrialEnqueued enqueued) {
      queue.add(enqueued.params());
      retriesOf.add(enqueued.retryOf());
      return null;
    }

    @Override
    public Void visitTrialStarted(TrialStarted started) {
      if (started.number() != trials.size()) {
        throw new IllegalStateException(
            "the log of study '" + name + "' is inconsistent: trial #" + started.number()
                + " started after " + trials.size() + " trials");
      }
      TrialRecord trial = new TrialRecord(
          started.number(), Config.wrapping(started.params()), started.time(), started.worker());
      trial.run = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      trials.add(trial);
      if (started.queueEntry() >= 0) {
        claimed.set((int) started.queueEntry());
        trial.retryOf = retriesOf.get((int) started.queueEntry());
      }
      return null;
    }

    @Override
    public Void visitTrialReported(TrialReported reported) {
      TrialRecord trial = trial(reported.number());
      double[] values = reported.values();
      trial.intermediateValues.put(reported.step(), values[0]);
      if (values.length > 1) {
        trial.reportedVectors.put(reported.step(), values);
      } else {
        trial.reportedVectors.remove(reported.step());
      }
      trial.changed();
      return null;
    }

    @Override
    public Void visitTrialAttributeSet(TrialAttributeSet attribute) {
      TrialRecord trial = trial(attribute.number());
      trial.userAttributes.put(attribute.key(), attribute.value());
      trial.changed();
      return null;
    }

    @Override
    public Void visitTrialConstraintsSet(TrialConstraintsSet set) {
      TrialRecord trial = trial(set.number());
      trial.constraints = set.constraints();
      trial.changed();
      return null;
    }

    @Override
    public Void visitTrialFinished(TrialFinished finished) {
      TrialRecord trial = trial(finished.number());
      if (trial.state.isFinished()) {
        return null; // the first finish wins, e.g. over a late tell from a worker declared dead
      }
      trial.state = finished.state();
      trial.values = finished.values();
      trial.failureReason = finished.reason();
      trial.end = finished.time();
      trial.changed();
      if (trial.state == TrialState.COMPLETE && trial.snapshot().isFeasible()
          && (best == null || directions.get(0).isBetter(trial.values[0], best.values[0]))) {
        best = trial;
      }
      return null;
    }

    @Override
    public Void visitStudyDeleted(StudyDeleted deleted) {
      // Gone: the study's earlier events no longer count, and a new study may take the name.
      directions = null;
      trials.clear();
      queue.clear();
      claimed.clear();
      retriesOf.clear();
      best = null;
      space = null;
      runs.clear();
      inconsistency = null;
      deletions++;
      return null;
    }
  };
}
