package dev.tunable.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tunable.Condition;
import dev.tunable.Dimension;
import dev.tunable.annotations.Scale;
import dev.tunable.storage.Event.SpaceSet;
import dev.tunable.storage.StorageContract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code space_set} event in the journal's JSON (issue 17). */
class SpaceSetCodecTest {
  private static final Instant TIME = Instant.parse("2026-12-03T12:00:00Z");

  @Test
  void everyKindOfDimensionReadsBackEqual() {
    SpaceSet set = new SpaceSet("s", StorageContract.everyKindOfDimension(), TIME);
    assertEquals(List.of(set), EventCodec.decode(EventCodec.encode(set)));
  }

  @Test
  void eachDimensionIsAnObjectWithItsKindAndSettings() {
    SpaceSet set = new SpaceSet("s", List.of(
        Dimension.real("lr", 1e-5, 0.1, Scale.LOG),
        Dimension.integer("batch", 8, 64).withStep(8).asInt(),
        Dimension.categorical("mixed", "relu", 2L, Double.NaN),
        Dimension.bool("flag")), TIME);
    String json = "{\"type\":\"space_set\",\"study\":\"s\",\"dimensions\":["
        + "{\"name\":\"lr\",\"kind\":\"real\",\"low\":1.0E-5,\"high\":0.1,\"scale\":\"LOG\","
        + "\"step\":0.0,\"float\":false},"
        + "{\"name\":\"batch\",\"kind\":\"integer\",\"low\":8,\"high\":64,\"scale\":\"LINEAR\","
        + "\"step\":8,\"int\":true},"
        + "{\"name\":\"mixed\",\"kind\":\"categorical\","
        + "\"choices\":[\"relu\",2,{\"double\":\"NaN\"}]},"
        + "{\"name\":\"flag\",\"kind\":\"boolean\"}],\"time\":\"2026-12-03T12:00:00Z\"}";
    assertEquals(json, EventCodec.encode(set));
    assertEquals(List.of(set), EventCodec.decode(json));
  }

  @Test
  void enumChoicesAreRecordedByName() {
    SpaceSet set = new SpaceSet("s",
        List.of(Dimension.categorical("scale", Scale.class)), TIME);
    assertEquals(List.of(Dimension.categorical("scale", "LINEAR", "LOG")), set.dimensions());
  }

  @Test
  void anUnknownKindOfDimensionIsNamed() {
    String json = "{\"type\":\"space_set\",\"study\":\"s\",\"dimensions\":[{\"name\":\"t\","
        + "\"kind\":\"tree\"}],\"time\":\"2026-12-03T12:00:00Z\"}";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(json));
    assertEquals("dimension 't' of event space_set is of unknown kind 'tree'; was the journal"
        + " written by a newer Tunable?", e.getMessage());
  }

  @Test
  void aDimensionThatBreaksARuleIsRefusedAsWhenBuiltInCode() {
    String json = "{\"type\":\"space_set\",\"study\":\"s\",\"dimensions\":[{\"name\":\"x\","
        + "\"kind\":\"real\",\"low\":1.0,\"high\":0.0,\"scale\":\"LINEAR\",\"step\":0.0,"
        + "\"float\":false}],\"time\":\"2026-12-03T12:00:00Z\"}";
    assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(json));
  }

  @Test
  void aConditionIsRecordedWithItsDimensionAndReadsBack() {
    SpaceSet set = new SpaceSet("s", List.of(
        Dimension.categorical("optimizer", "sgd", "adam"),
        Dimension.real("optimizer.adam.beta1", 0.8, 0.999)),
        Map.of("optimizer.adam.beta1", Condition.of("optimizer", "adam")), TIME);
    String json = "{\"type\":\"space_set\",\"study\":\"s\",\"dimensions\":["
        + "{\"name\":\"optimizer\",\"kind\":\"categorical\",\"choices\":[\"sgd\",\"adam\"]},"
        + "{\"name\":\"optimizer.adam.beta1\",\"kind\":\"real\",\"low\":0.8,\"high\":0.999,"
        + "\"scale\":\"LINEAR\",\"step\":0.0,\"float\":false,"
        + "\"condition\":{\"parent\":\"optimizer\",\"labels\":[\"adam\"]}}],"
        + "\"time\":\"2026-12-03T12:00:00Z\"}";
    assertEquals(json, EventCodec.encode(set));
    assertEquals(List.of(set), EventCodec.decode(json));
  }

  @Test
  void aSpaceRecordedBeforeConditionsReadsBackWithout() {
    String json = "{\"type\":\"space_set\",\"study\":\"s\",\"dimensions\":[{\"name\":\"flag\","
        + "\"kind\":\"boolean\"}],\"time\":\"2026-12-03T12:00:00Z\"}";
    SpaceSet read = (SpaceSet) EventCodec.decode(json).get(0);
    assertEquals(Map.of(), read.conditions());
    assertEquals(List.of(Dimension.bool("flag")), read.dimensions());
  }

  @Test
  void aMalformedConditionIsNamed() {
    String json = "{\"type\":\"space_set\",\"study\":\"s\",\"dimensions\":[{\"name\":\"flag\","
        + "\"kind\":\"boolean\"},{\"name\":\"y\",\"kind\":\"boolean\",\"condition\":"
        + "{\"parent\":\"flag\",\"labels\":[true]}}],\"time\":\"2026-12-03T12:00:00Z\"}";
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> EventCodec.decode(json));
    assertEquals("dimension 'y' of event space_set has the condition"
        + " {\"parent\":\"flag\",\"labels\":[true]}; expected {\"parent\": a name, \"labels\":"
        + " [its values as strings]}", e.getMessage());
  }

  @Test
  void aConditionOfNoDimensionIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SpaceSet("s", List.of(Dimension.bool("flag")),
            Map.of("gone", Condition.of("flag", "true")), TIME));
    assertEquals("conditions [gone] name dimensions the space does not have", e.getMessage());
  }
}
