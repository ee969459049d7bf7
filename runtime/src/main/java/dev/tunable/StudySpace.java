package dev.tunable;

import dev.tunable.internal.Logs;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.SpaceSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    if (log.peek(model -> recording.dimensions.equals(model.space())
        && settings.recordedIn(model))) {
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

  /** Whether {@code params} are a point of {@code space}. */
  static boolean fits(SearchSpace<?> space, Config params) {
    if (params.asMap().size() != space.size()) {
      return false;
    }
    try {
      space.check(params.asMap());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The space of recorded dimensions, whose points are {@link Config}s of stored values. */
  static SearchSpace<Config> of(List<Dimension<?>> dimensions) {
    SearchSpace.Builder builder = SearchSpace.builder();
    dimensions.forEach(builder::add);
    return builder.build();
  }

  /**
   * One space to record: its dimensions as a {@link SpaceSet} holds them, and the space the
   * study held when the last plan of a write looked (a storage may plan a write more than once).
   */
  final class Recording {
    private final SearchSpace<?> space;
    private final List<Dimension<?>> dimensions;
    private volatile List<Dimension<?>> replaced;

    private Recording(SearchSpace<?> space) {
      this.space = space;
      this.dimensions = new SpaceSet(study, space.dimensions(), Instant.EPOCH).dimensions();
    }

    /**
     * The events that record the space if {@code model}'s is another one, then the run settings
     * if they are others, or none; for a plan of {@link StudyLog#write}, which calls it under the
     * storage's lock.
     */
    List<Event> events(StudyModel model, Instant now) {
      replaced = model.space();
      List<Event> events = new ArrayList<>(2);
      if (!dimensions.equals(replaced)) {
        events.add(new SpaceSet(study, dimensions, now));
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
      List<Dimension<?>> before = replaced;
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
            .append(String.join("; ", SpaceChange.between(before, dimensions))).append(". ");
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
