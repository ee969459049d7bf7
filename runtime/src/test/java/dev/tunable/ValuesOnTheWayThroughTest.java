package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.internal.storage.EventCodec;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Storage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: values that changed on the way through a storage. What a user puts in comes back
 * identical after the study is opened again from its file, or is refused when it goes in with an
 * error that names what is wrong and where.
 */
class ValuesOnTheWayThroughTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  @TempDir Path directory;

  private Study create(Storage storage, String name) {
    return Study.builder().name(name).storage(storage).sampler(Samplers.random(1))
        .progress(false).build();
  }

  /**
   * Regression: NaN and ±Infinity user attributes were journalled as the strings "NaN",
   * "Infinity" and "-Infinity" and came back as those strings after a reopen.
   */
  @Test
  void nonFiniteUserAttributesComeBackAsNumbersAfterAReopen() {
    Path file = directory.resolve("attributes.journal");
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("loss", Double.NaN);
    attributes.put("upper", Double.POSITIVE_INFINITY);
    attributes.put("lower", Double.NEGATIVE_INFINITY);
    attributes.put("float", Float.NaN);
    attributes.put("word", "NaN");
    attributes.put("other word", "-Infinity");
    try (Storage storage = Storages.file(file)) {
      Study study = create(storage, "s");
      Trial<Config> trial = study.ask(SPACE);
      attributes.forEach(trial::setUserAttribute);
      study.tell(trial, 1);
    }
    try (Storage storage = Storages.file(file)) {
      Map<String, Object> read = Study.load("s", storage).trials().get(0).userAttributes();
      Map<String, Object> expected = new LinkedHashMap<>(attributes);
      expected.put("float", Double.NaN); // stored as a double, as every float is
      assertEquals(expected, read);
      assertEquals(Double.class, read.get("loss").getClass());
      assertEquals(String.class, read.get("word").getClass());
    }
  }

  /** The end of every message about an unpaired surrogate at {@code index}: why, and the fix. */
  private static String unpaired(String surrogate, int index) {
    return "holds an unpaired UTF-16 surrogate, " + surrogate + " at index " + index
        + ", which is no character and which UTF-8 cannot encode, so it could not be stored and"
        + " read back; remove it or complete its pair";
  }

  private static void assertRefused(String message, Executable action) {
    assertEquals(message, assertThrows(IllegalArgumentException.class, action).getMessage());
  }

  /**
   * Regression: a study name holding an unpaired surrogate was journalled with '?' in its place,
   * and the study could then not be found by its own name.
   */
  @Test
  void aStudyNameWithAnUnpairedSurrogateIsRefusedWhenItGoesIn() {
    try (Storage storage = Storages.file(directory.resolve("names.journal"))) {
      assertRefused("study name 'a\\uD800' " + unpaired("\\uD800", 1),
          () -> Study.builder().name("a\uD800"));
      assertRefused("study name '\\uDC00b' " + unpaired("\\uDC00", 0),
          () -> Study.load("\uDC00b", storage));
      Study rocket = create(storage, "\uD83D\uDE80 launch"); // a pair is a character
      rocket.optimize(SPACE, 1, trial -> 0);
    }
    try (Storage storage = Storages.file(directory.resolve("names.journal"))) {
      assertEquals(1, Study.load("\uD83D\uDE80 launch", storage).trials().size());
    }
  }

  /**
   * Regression: user attribute keys and string values, enqueued names and values, and categorical
   * labels holding an unpaired surrogate came back from a journal with '?' in its place.
   */
  @Test
  void everyTextWithAnUnpairedSurrogateIsRefusedWhereItGoesIn() {
    Study study = create(Storages.inMemory(), "s");
    Trial<Config> trial = study.ask(SPACE);
    assertRefused("user attribute key 'loss\\uDFFF' of trial #0 " + unpaired("\\uDFFF", 4),
        () -> trial.setUserAttribute("loss\uDFFF", 1));
    assertRefused("the value of user attribute 'note' of trial #0 'ab\\uD800' "
        + unpaired("\\uD800", 2), () -> trial.setUserAttribute("note", "ab\uD800"));
    Object shown = new Object() {
      @Override
      public String toString() {
        return "\uD800";
      }
    };
    assertRefused("the value of user attribute 'object' of trial #0 '\\uD800' "
        + unpaired("\\uD800", 0), () -> trial.setUserAttribute("object", shown));
    assertRefused("enqueued hyperparameter name 'x\\uD800' " + unpaired("\\uD800", 1),
        () -> study.enqueue(Map.of("x\uD800", 0.5)));
    assertRefused("the value of enqueued hyperparameter 'kind' '\\uDC00' "
        + unpaired("\\uDC00", 0), () -> study.enqueue(Map.of("x", 0.5, "kind", "\uDC00")));
    assertRefused("[UnencodableChoice] dimension 'kind': choice 'b\\uD800' "
        + unpaired("\\uD800", 1), () -> Dimension.categorical("kind", "a", "b\uD800"));
    Map<String, Object> withNull = new LinkedHashMap<>();
    withNull.put("x", null);
    assertRefused("enqueued hyperparameter 'x' is null; give it a value, or leave it out",
        () -> study.enqueue(withNull));
    trial.setUserAttribute("fine", "\uD83D\uDE80");
    assertEquals(Map.of("fine", "\uD83D\uDE80"), trial.userAttributes());
    assertEquals(List.of(), study.trials().get(0).userAttributes().keySet().stream()
        .filter(key -> !key.equals("fine")).toList(), "nothing refused was recorded");
  }

  /**
   * A failure reason is written by the objective's exception as often as by a user, and is never
   * refused: an unpaired surrogate in it becomes U+FFFD, the same in every storage and after a
   * reopen.
   */
  @Test
  void aFailureReasonKeepsEverythingButAnUnpairedSurrogate() {
    Path file = directory.resolve("reasons.journal");
    try (Storage storage = Storages.file(file)) {
      Study study = create(storage, "s");
      study.tellFailure(study.ask(SPACE), "diverged at \uD800 \uD83D\uDE80");
      assertThrows(IllegalStateException.class, () -> study.optimize(SPACE, 1, trial -> {
        throw new ArithmeticException("diverged at \uDC00");
      }));
      assertEquals("diverged at \uFFFD \uD83D\uDE80",
          study.trials().get(0).failureReason().orElseThrow());
    }
    try (Storage storage = Storages.file(file)) {
      List<FrozenTrial> trials = Study.load("s", storage).trials();
      assertEquals("diverged at \uFFFD \uD83D\uDE80", trials.get(0).failureReason().orElseThrow());
      String thrown = trials.get(1).failureReason().orElseThrow();
      assertTrue(thrown.startsWith("java.lang.ArithmeticException: diverged at \uFFFD (at "), thrown);
    }
  }

  /**
   * Regression: a 1 MiB study name was repeated in every record of the study, 8 MB of journal per
   * trial. Names of studies, dimensions and user attributes now have at most 255 characters.
   */
  @Test
  void aMegabyteStudyNameIsRefusedNamingTheLimitAndTheLength() {
    String megabyte = "s".repeat(1 << 20);
    assertRefused("study name '" + "s".repeat(32) + "...' is 1048576 characters long, more than"
        + " the 255 a name may have: a study name is a label, stored with every record of the"
        + " study; use a shorter name", () -> Study.builder().name(megabyte).build());
    String longest = "\uD83D\uDE80".repeat(255); // characters, not chars: 510 chars
    Path file = directory.resolve("long.journal");
    try (Storage storage = Storages.file(file)) {
      create(storage, longest).optimize(SPACE, 1, trial -> 0);
    }
    try (Storage storage = Storages.file(file)) {
      assertEquals(1, Study.load(longest, storage).trials().size());
    }
  }

  /** A study an older version created with a longer name is still opened by its name. */
  @Test
  void aStudyOfALongerNameFromAnOlderVersionStillLoads() {
    String older = "o".repeat(300);
    try (Storage storage = Storages.file(directory.resolve("older.journal"))) {
      storage.append(0, news -> List.of(
          new Event.StudyCreated(older, List.of(Direction.MAXIMIZE), java.time.Instant.EPOCH)));
      Study study = Study.load(older, storage);
      study.optimize(SPACE, 1, trial -> 1);
      assertEquals(Direction.MAXIMIZE, study.direction());
    }
  }

  @Test
  void longDimensionNamesAndUserAttributeKeysAreRefusedNamingTheLimitAndTheLength() {
    assertRefused("[NameTooLong] dimension name '" + "x".repeat(32) + "...' is 256 characters"
        + " long, more than the 255 a name may have: a name is stored with every trial's values;"
        + " use a shorter name", () -> Dimension.real("x".repeat(256), 0, 1));
    Study study = create(Storages.inMemory(), "s");
    Trial<Config> trial = study.ask(SPACE);
    assertRefused("user attribute key '" + "k".repeat(32) + "...' of trial #0 is 256 characters"
        + " long, more than the 255 a name may have: a key is stored with its every value; use a"
        + " shorter key", () -> trial.setUserAttribute("k".repeat(256), 1));
    trial.setUserAttribute("k".repeat(255), 1);
    assertRefused("enqueued hyperparameter name '" + "x".repeat(32) + "...' is 256 characters"
        + " long, more than the 255 a name may have: no dimension has such a name",
        () -> study.enqueue(Map.of("x".repeat(256), 0.5)));
  }

  /** Journals written before the typed form keep reading as they always did: strings stay strings. */
  @Test
  void anOlderJournalsNonFiniteAttributeReadsAsTheStringItWrote() {
    String old = "{\"type\":\"trial_attribute_set\",\"study\":\"s\",\"number\":0,\"key\":\"loss\","
        + "\"value\":\"NaN\"}";
    assertEquals(List.of(new TrialAttributeSet("s", 0, "loss", "NaN")), EventCodec.decode(old));
    Event typed = new TrialAttributeSet("s", 0, "loss", Double.NaN);
    assertEquals("{\"type\":\"trial_attribute_set\",\"study\":\"s\",\"number\":0,\"key\":\"loss\","
        + "\"value\":{\"double\":\"NaN\"}}", EventCodec.encode(typed));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventCodec.decode(old.replace("\"NaN\"", "{\"double\":\"many\"}")));
    assertEquals("event trial_attribute_set has value = {\"double\":\"many\"}, which is not a"
        + " value; a value is a string, a number, a boolean, or {\"double\": \"NaN\"},"
        + " {\"double\": \"Infinity\"} or {\"double\": \"-Infinity\"}", e.getMessage());
  }
}
