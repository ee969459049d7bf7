package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Storage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Study names, keys and values are data, never SQL: hostile ones round-trip exactly, and text
 * PostgreSQL cannot hold is refused with a clear message, appending nothing.
 */
@ExtendWith(PostgresExtension.class)
class HostileTextTest {
  private static final String MEGABYTE = "'\\\";--".repeat((1 << 20) / 6) + "end";
  private static final List<String> HOSTILE = List.of(
      "it's",
      "a\"b",
      "x'); DROP TABLE tunable_event; --",
      "'; SELECT pg_sleep(30); --",
      "back\\slash\\",
      "\\x00\\0\\'",
      "$1 ? %s $$ E'\\n'",
      "semi;colon",
      "-- comment",
      "/* comment",
      "line\nbreak\r\ttab",
      "non-BMP \uD83C\uDFB2 \uD835\uDD18 \uD83D\uDE00",
      "\u2028\u2029\uFEFF\uFFFF",
      "nul \u0000 inside");

  private final PostgresServer server;

  HostileTextTest(PostgresServer server) {
    this.server = server;
  }

  @Test
  void hostileStudyNamesKeysAndValuesRoundTripThroughStudies() {
    String url = server.freshUrl();
    SearchSpace<Config> space = SearchSpace.builder()
        .categorical("choice", HOSTILE.stream().filter(s -> !s.contains("\n")
            && !s.contains("\u0000") && !s.startsWith("\u2028")).toArray(String[]::new))
        .build();
    List<String> names = new ArrayList<>(HOSTILE.stream()
        .filter(s -> !s.contains("\u0000")).toList());
    names.add(MEGABYTE.substring(0, 255)); // the longest name a study may have
    try (Storage storage = Storages.open(url); Storage other = Storages.open(url)) {
      for (String name : names) {
        boolean big = name.equals(names.get(0)); // one megabyte value is enough
        Study study = Study.builder().name(name).direction(Direction.MAXIMIZE)
            .sampler(Samplers.random(7)).storage(storage).progress(false).build();
        study.optimize(space, 3, trial -> {
          for (String text : HOSTILE) {
            trial.setUserAttribute(text, text);
          }
          if (big) {
            trial.setUserAttribute("megabyte", MEGABYTE);
          }
          return trial.number();
        });
        List<FrozenTrial> reloaded = Study.load(name, other).trials();
        assertEquals(study.trials(), reloaded);
        if (big) {
          assertEquals(MEGABYTE, reloaded.get(2).userAttributes().get("megabyte"));
        }
        for (String text : HOSTILE) {
          assertEquals(text, reloaded.get(0).userAttributes().get(text));
        }
      }
    }
  }

  @Test
  void hostileEventsReadBackEqual() {
    List<Event> events = new ArrayList<>();
    for (String text : HOSTILE) {
      String study = text.replace("\u0000", "");
      events.add(new StudyCreated(study, List.of(Direction.MINIMIZE), Instant.EPOCH));
      events.add(new TrialAttributeSet(study, 0, text, text));
    }
    events.add(new TrialAttributeSet("big", 0, MEGABYTE, MEGABYTE));
    try (Storage storage = Storages.open(server.freshUrl())) {
      long cursor = storage.append(0, news -> events);
      assertEquals(events, storage.read(0).events());
      assertEquals(cursor, storage.read(0).cursor());
    }
  }

  @Test
  void textPostgresqlCannotHoldIsRefusedAndNothingIsAppended() {
    try (Storage storage = Storages.open(server.freshUrl())) {
      long cursor = storage.append(0, news -> List.of(new StudyCreated("ok",
          List.of(Direction.MINIMIZE), Instant.EPOCH)));
      IllegalArgumentException nul = assertThrows(IllegalArgumentException.class,
          () -> storage.append(cursor, news -> List.of(
              new TrialAttributeSet("ok", 0, "fine", "fine"),
              new StudyCreated("nul\u0000name", List.of(Direction.MINIMIZE), Instant.EPOCH))));
      assertEquals("cannot store study_created of study 'nul\\u0000name' in PostgreSQL: its"
          + " study's name holds a NUL character (U+0000), which PostgreSQL text cannot hold"
          + " (U+0000 at index 3); remove it or use another name or value", nul.getMessage());
      // The study's name is a column of its own; in the JSON body the codec escapes a surrogate.
      IllegalArgumentException surrogate = assertThrows(IllegalArgumentException.class,
          () -> storage.append(cursor, news -> List.of(
              new StudyCreated("half\uD83C", List.of(Direction.MINIMIZE), Instant.EPOCH))));
      assertTrue(surrogate.getMessage().contains("holds an unpaired surrogate, which UTF-8 cannot"
          + " encode (U+D83C at index"), surrogate.getMessage());
      assertEquals(1, storage.read(0).events().size());
      assertEquals(cursor, storage.append(cursor, news -> List.of()));
      TrialAttributeSet half = new TrialAttributeSet("ok", 0, "half", "a\uD83Cb");
      long after = storage.append(cursor, news -> List.of(half));
      assertEquals(List.of(half), storage.read(cursor).events());
      assertTrue(after > cursor);
    }
  }

  @Test
  void kindsAreTheJsonTypes() {
    assertEquals("trial_attribute_set",
        PostgresStorage.kind(new TrialAttributeSet("s", 0, "k", "v")));
    assertEquals("study_created", PostgresStorage.kind(
        new StudyCreated("s", List.of(Direction.MINIMIZE), Instant.EPOCH)));
    assertTrue(dev.tunable.internal.storage.EventCodec.encode(
        new TrialAttributeSet("s", 0, "k", "v")).startsWith("{\"type\":\"trial_attribute_set\""));
  }
}
