package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tunable.internal.storage.EventCodec;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Storage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
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
