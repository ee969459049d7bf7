package dev.tunable.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.storage.Event;
import dev.tunable.storage.Event.RunRecorded;
import dev.tunable.storage.StorageContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code run_recorded} event in the journal's JSON (issue 17). */
class RunRecordedCodecTest {
  private static final Instant TIME = Instant.parse("2026-12-03T12:00:00Z");

  @Test
  void settingsReadBackEqualAndInOrder() {
    RunRecorded run = new RunRecorded("s", StorageContract.runSettings(), TIME);
    List<Event> read = EventCodec.decode(EventCodec.encode(run));
    assertEquals(List.of(run), read);
    assertEquals(List.copyOf(run.settings().keySet()),
        List.copyOf(((RunRecorded) read.get(0)).settings().keySet()));
  }

  @Test
  void settingsAreAnObjectOfStrings() {
    RunRecorded run = new RunRecorded("s", Map.of("sampler", "Samplers.random(7)"), TIME);
    String json = "{\"type\":\"run_recorded\",\"study\":\"s\","
        + "\"settings\":{\"sampler\":\"Samplers.random(7)\"},\"time\":\"2026-12-03T12:00:00Z\"}";
    assertEquals(json, EventCodec.encode(run));
    assertEquals(List.of(run), EventCodec.decode(json));
  }

  @Test
  void aSettingThatIsNotAStringIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventCodec.decode("{\"type\":\"run_recorded\",\"study\":\"s\","
            + "\"settings\":{\"seed\":42},\"time\":\"2026-12-03T12:00:00Z\"}"));
    assertTrue(e.getMessage().contains("settings.seed = 42"), e.getMessage());
  }
}
