package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.annotations.Scale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {

  private final SearchSpace<Config> space =
      SearchSpace.builder()
          .real("x", -5, 10)
          .real("lr", 1e-5, 1e-1, Scale.LOG)
          .integer("units", 16, 256, Scale.LOG)
          .categorical("activation", "relu", "tanh")
          .bool("shuffle")
          .build();

  @Test
  void unitCubeRoundTripKeepsEveryValue() {
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 500; i++) {
      double[] u = random.doubles(space.size()).toArray();
      Config config = space.fromUnit(u);
      Config again = space.fromUnit(space.toUnit(config));
      assertEquals(config.getLong("units"), again.getLong("units"));
      assertEquals(config.getString("activation"), again.getString("activation"));
      assertEquals(config.getBoolean("shuffle"), again.getBoolean("shuffle"));
      assertEquals(config.getDouble("x"), again.getDouble("x"), 1e-9);
      assertEquals(config.getDouble("lr"), again.getDouble("lr"), 1e-15);
    }
  }

  @Test
  void configKeepsTheSpaceOrderAndTypes() {
    Config config = space.fromUnit(new double[] {0.5, 0.5, 0, 0.9, 0.1});
    assertEquals(List.of("x", "lr", "units", "activation", "shuffle"), List.copyOf(config.names()));
    assertEquals(2.5, config.getDouble("x"));
    assertEquals(16, config.getInt("units"));
    assertEquals("tanh", config.getString("activation"));
    assertEquals(false, config.getBoolean("shuffle"));
    IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> config.getDouble("lrr"));
    assertTrue(typo.getMessage().contains("did you mean 'lr'?"), typo.getMessage());
    assertThrows(IllegalArgumentException.class, () -> config.getLong("x"));
  }

  @Test
  void parseReportsEveryProblemAtOnce() {
    Map<String, String> text = new LinkedHashMap<>();
    text.put("x", "11");
    text.put("lr", "0.01");
    text.put("units", "32");
    text.put("activaton", "relu");
    text.put("shuffle", "maybe");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> space.parse(text));
    String message = e.getMessage();
    assertTrue(message.startsWith("4 problems in the configuration:"), message);
    assertTrue(message.contains("'x': 11.0 (Double) is not allowed; expected a real in [-5.0, 10.0]"), message);
    assertTrue(message.contains("'activation' is missing"), message);
    assertTrue(message.contains("unknown hyperparameter 'activaton' (did you mean 'activation'?)"), message);
    assertTrue(message.contains("'shuffle': 'maybe' is not allowed; expected true or false"), message);
  }

  @Test
  void overridesReplaceOnlyTheNamedValues() {
    Config base = space.fromUnit(new double[] {0, 0, 0, 0, 0});
    Config changed = space.override(base, "lr=0.001", "activation=tanh");
    assertEquals(0.001, changed.getDouble("lr"));
    assertEquals("tanh", changed.getString("activation"));
    assertEquals(base.getDouble("x"), changed.getDouble("x"));
    IllegalArgumentException malformed =
        assertThrows(IllegalArgumentException.class, () -> space.override(base, "lr"));
    assertTrue(malformed.getMessage().contains("'lr' is not of the form key=value"));
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> space.override(base, "unit=32"));
    assertTrue(unknown.getMessage().contains("did you mean 'units'?"), unknown.getMessage());
  }

  /**
   * Regression: a null value in a map of overrides threw a NullPointerException that named nothing
   * (and a null key one from the "did you mean" of unknown keys); each now names the key.
   */
  @Test
  void aNullInAMapOfOverridesOrValuesNamesItsKey() {
    Config base = space.check(Map.of("x", 1.0, "lr", 0.01, "units", 32, "activation", "relu",
        "shuffle", true));
    Map<String, String> nullValue = new LinkedHashMap<>();
    nullValue.put("units", "64");
    nullValue.put("lr", null);
    assertEquals("hyperparameter 'lr' is null; expected a real in [1.0E-5, 0.1] (log scale)",
        assertThrows(IllegalArgumentException.class, () -> space.override(base, nullValue))
            .getMessage());
    Map<String, String> nullKey = new LinkedHashMap<>();
    nullKey.put(null, "64");
    assertEquals("a hyperparameter's name is null; known: [x, lr, units, activation, shuffle]",
        assertThrows(IllegalArgumentException.class, () -> space.override(base, nullKey))
            .getMessage());
    assertEquals("assignment #2 is null; give key=value",
        assertThrows(IllegalArgumentException.class,
            () -> space.override(base, "units=64", null)).getMessage());

    Map<String, String> text = new LinkedHashMap<>();
    base.asMap().forEach((key, value) -> text.put(key, String.valueOf(value)));
    text.put("activation", null);
    assertEquals("hyperparameter 'activation' is null; expected one of [relu, tanh]",
        assertThrows(IllegalArgumentException.class, () -> space.parse(text)).getMessage());
    text.put("activation", "relu");
    text.put(null, "1");
    assertEquals("a hyperparameter's name is null; known: [x, lr, units, activation, shuffle]",
        assertThrows(IllegalArgumentException.class, () -> space.parse(text)).getMessage());

    Map<String, Object> values = new LinkedHashMap<>(base.asMap());
    values.put("shuffle", null);
    assertEquals("hyperparameter 'shuffle' is null; expected true or false",
        assertThrows(IllegalArgumentException.class, () -> space.check(values)).getMessage());
  }

  @Test
  void checkConvertsNumbersWithoutLoss() {
    Config config = space.check(Map.of("x", 1, "lr", 0.01, "units", 64.0, "activation", "relu", "shuffle", true));
    assertEquals(1.0, config.get("x"));
    assertEquals(64L, config.get("units"));
    assertThrows(IllegalArgumentException.class,
        () -> space.check(Map.of("x", 1, "lr", 0.01, "units", 64.5, "activation", "relu", "shuffle", true)));
  }

  @Test
  void duplicateNamesAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SearchSpace.builder().real("a", 0, 1).bool("a").build());
    assertTrue(e.getMessage().contains("two dimensions are named 'a'"));
  }

  @Test
  void pointsOfTheWrongLengthAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> space.fromUnit(new double[] {0.5}));
    assertArrayEquals(new double[] {0.5, 0.5, 0.5, 0.25, 0.25},
        space.toUnit(space.fromUnit(new double[] {0.5, 0.5, 0.5, 0.3, 0.3})), 1e-3);
  }
}
