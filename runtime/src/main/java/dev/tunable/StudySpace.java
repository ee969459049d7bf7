package dev.tunable;

import dev.tunable.internal.Logs;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.SpaceSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search space a study records (issue 17): the {@link SpaceSet} event a worker appends when it
 * asks for a trial of another space than the one last recorded, and the warning that names what
 * changed and what becomes of the recorded trials that do not fit the new space. Those trials
 * stay as they were; samplers ignore their values outside the space, and {@link
 * Study#bestTrial(SearchSpace)} passes them over.
 *
 * <p>Thread-safe.
 */
final class StudySpace {
  private final String study;
  private final StudyLog log;
  private final RunSettings settings;
  /** The last space this worker asked for trials of, in stored form; null before the first. */
  private volatile Recording last;

  StudySpace(String study, StudyLog log, RunSettings settings) {
    this.study = study;
    this.log = log;
    this.settings = settings;
  }

  /**
   * Records {@code space} as the study's search space, and this worker's run settings, unless
   * they are the ones last recorded; warns, naming what changed, when the space replaces another
   * one or when recorded trials do not fit it.
   */
  void record(SearchSpace<?> space) {
    Recording recording = recording(space);
    if (log.peek(model -> recording.isRecordedIn(model) && settings.recordedIn(model))) {
      return; // as last seen; a worker that recorded others since is caught next time
    }
    List<Event> written = log.write(model -> recording.events(model, Instant.now()));
    if (!written.isEmpty() && written.get(0) instanceof SpaceSet) {
      recording.warnOfChange();
    }
  }

  /** What recording {@code space} takes, for a write that may record it with other events. */
  Recording recording(SearchSpace<?> space) {
    Recording recording = last;
    if (recording == null || recording.space != space) {
      recording = new Recording(space);
      last = recording;
    }
    return recording;
  }

  /**
   * Whether {@code params} are a point of {@code space}: of a conditional space, the values of
   * one of its branches (the trials of each branch fit).
   */
  static boolean fits(SearchSpace<?> space, Config params) {
    try {
      space.check(params.asMap());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The recorded space, whose points are {@link Config}s of stored values. */
  static SearchSpace<Config> of(SpaceSet recorded) {
    SearchSpace.Builder builder = SearchSpace.builder();
    for (Dimension<?> dimension : recorded.dimensions()) {
      Condition condition = recorded.conditions().get(dimension.name());
      if (condition == null) {
        builder.add(dimension);
      } else {
        builder.add(dimension, condition);
      }
    }
    return builder.build();
  }

  /** The conditions of {@code space}'s conditional dimensions, by name. */
  static Map<String, Condition> conditions(SearchSpace<?> space) {
    Map<String, Condition> conditions = new LinkedHashMap<>();
    for (Dimension<?> dimension : space.dimensions()) {
      space.condition(dimension.name())
          .ifPresent(condition -> conditions.put(dimension.name(), condition));
    }
    return conditions;
  }

  /**
   * One space to record: its dimensions as a {@link SpaceSet} holds them, and the space the
   * study held when the last plan of a write looked (a storage may plan a write more than once).
   */
  final class Recording {
    private final SearchSpace<?> space;
    /** The space as recorded, at no particular time. */
    private final SpaceSet recorded;
    private volatile SpaceSet replaced;

    private Recording(SearchSpace<?> space) {
      this.space = space;
      this.recorded = new SpaceSet(study, space.dimensions(), conditions(space), Instant.EPOCH);
    }

    /** Whether {@code model}'s space is this one. */
    boolean isRecordedIn(StudyModel model) {
      SpaceSet last = model.space();
      return last != null && recorded.dimensions().equals(last.dimensions())
          && recorded.conditions().equals(last.conditions());
    }

    /**
     * The events that record the space if {@code model}'s is another one, then the run settings
     * if they are others, or none; for a plan of {@link StudyLog#write}, which calls it under the
     * storage's lock.
     */
    List<Event> events(StudyModel model, Instant now) {
      replaced = model.space();
      List<Event> events = new ArrayList<>(2);
      if (!isRecordedIn(model)) {
        events.add(new SpaceSet(study, recorded.dimensions(), recorded.conditions(), now));
      }
      events.addAll(settings.events(model, now));
      return events;
    }

    /**
     * After a write appended {@link #events}: warns that the space changed (naming what changed)
     * or that recorded trials do not fit it, and what becomes of them; silent for a study's first
     * space that its trials fit.
     */
    void warnOfChange() {
      SpaceSet before = replaced;
      long[] counts = log.peek(model -> {
        long misfits = 0;
        for (TrialRecord trial : model.trials()) {
          if (!fits(space, trial.params)) {
            misfits++;
          }
        }
        return new long[] {model.trialCount(), misfits};
      });
      if (before == null && counts[1] == 0) {
        return; // the study's first space, or one of a journal written before spaces were
      }
      StringBuilder message = new StringBuilder("study '").append(study).append("' ");
      if (before != null) {
        message.append("searches another space than it last recorded: ")
            .append(String.join("; ", SpaceChange.between(before, recorded))).append(". ");
      } else {
        message.append("recorded no search space before. ");
      }
      message.append(counts[1]).append(" of its ").append(counts[0])
          .append(" trials recorded do not fit the new space").append(counts[1] == 0 ? "."
              : ": they stay in the study as they were; samplers ignore their values outside the"
              + " space, and optimize returns the best trial that fits it (bestTrial() the best"
              + " of all).");
      Logs.warn(Logs.STUDY, message.toString());
    }
  }
}
