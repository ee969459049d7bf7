package dev.tunable;

import dev.tunable.internal.Versions;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.RunRecorded;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings this worker runs a study's trials with, as a {@link RunRecorded} event records
 * them: appended with a trial's start when they are not the ones last recorded (issue 17).
 * Immutable.
 */
final class RunSettings {
  private final String study;
  private final Map<String, String> settings;

  RunSettings(String study, Sampler sampler, Pruner pruner, int reproducibleWorkers,
      List<Provenance> provenance) {
    this.study = study;
    Map<String, String> map = new LinkedHashMap<>();
    map.put(StudyRun.SAMPLER, sampler.toString());
    map.put(StudyRun.PRUNER, pruner.toString());
    if (reproducibleWorkers > 0) {
      map.put(StudyRun.REPRODUCIBLE, reproducibleWorkers + " workers");
    }
    map.put(StudyRun.TUNABLE, Versions.tunable());
    map.put(StudyRun.JAVA, Versions.java());
    map.put(StudyRun.OS, Versions.os());
    for (Provenance item : provenance) {
      map.put(StudyRun.PROVENANCE + item.name(), item.value());
    }
    this.settings = new RunRecorded(study, map, Instant.EPOCH).settings();
  }

  /** Whether {@code model} last recorded these settings. */
  boolean recordedIn(StudyModel model) {
    return settings.equals(model.settings());
  }

  /**
   * The event that records the settings if {@code model}'s last recorded are others, or none; for
   * a plan of {@link StudyLog#write}.
   */
  List<Event> events(StudyModel model, Instant now) {
    return recordedIn(model) ? List.of() : List.of(new RunRecorded(study, settings, now));
  }
}
