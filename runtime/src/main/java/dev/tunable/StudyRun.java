package dev.tunable;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings a study's trials ran with from trial {@link #firstTrial()} on, until other settings
 * were recorded (issue 17): the sampler and pruner with their settings (the seed among them), the
 * versions of Tunable, the JVM and the OS, and the user's {@link Provenance}. A worker records them
 * when it starts a trial with other settings than the ones last recorded. Immutable.
 *
 * @param firstTrial the number of the first trial started with these settings
 * @param time when the settings were recorded
 * @param settings every setting by name: {@value #SAMPLER}, {@value #PRUNER}, {@value #TUNABLE},
 *     {@value #JAVA}, {@value #OS}, {@value #REPRODUCIBLE} when the study is reproducible, and
 *     each provenance item's name after {@value #PROVENANCE}
 * @since 0.1
 */
public record StudyRun(long firstTrial, Instant time, Map<String, String> settings) {
  /** The sampler, as the expression that rebuilds it, e.g. {@code Samplers.tpe(42)}. */
  public static final String SAMPLER = "sampler";
  /** The pruner with its settings. */
  public static final String PRUNER = "pruner";
  /** The version of Tunable. */
  public static final String TUNABLE = "tunable";
  /** The JVM's version and vendor. */
  public static final String JAVA = "java";
  /** The operating system, its version and architecture. */
  public static final String OS = "os";
  /** How many trials may run at once in a reproducible study, if it is one. */
  public static final String REPRODUCIBLE = "reproducible";
  /** What the name of each provenance item follows. */
  public static final String PROVENANCE = "provenance: ";

  public StudyRun {
    Objects.requireNonNull(time, "time");
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
  }

  /** The sampler, as the expression that rebuilds it; {@code "unknown"} if not recorded. */
  public String sampler() {
    return settings.getOrDefault(SAMPLER, "unknown");
  }

  /** The pruner with its settings; {@code "unknown"} if not recorded. */
  public String pruner() {
    return settings.getOrDefault(PRUNER, "unknown");
  }

  /** The user's provenance items by name (a code version, data sets' hashes), in order. */
  public Map<String, String> provenance() {
    Map<String, String> items = new LinkedHashMap<>();
    settings.forEach((key, value) -> {
      if (key.startsWith(PROVENANCE)) {
        items.put(key.substring(PROVENANCE.length()), value);
      }
    });
    return Collections.unmodifiableMap(items);
  }
}
