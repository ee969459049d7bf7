package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.annotations.Scale;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spaces whose dimensions are active only in some branches of a choice, and nested spaces. */
class ConditionalSpaceTest {

  static final SearchSpace<Config> ADAM = SearchSpace.builder()
      .real("beta1", 0.8, 0.999)
      .real("beta2", 0.9, 0.9999)
      .defaults(Config.builder()
          .set(Dimension.real("beta1", 0.8, 0.999), 0.9)
          .set(Dimension.real("beta2", 0.9, 0.9999), 0.999)
          .build())
      .build();

  static final SearchSpace<Config> SGD = SearchSpace.builder().build();

  static final SearchSpace<Config> RMSPROP = SearchSpace.builder()
      .real("decay", 0.8, 0.999)
      .bool("centered")
      .build();

  static final CategoricalDimension<String> OPTIMIZER =
      Dimension.categorical("optimizer", "sgd", "rmsprop", "adam");

  static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("lr", 1e-5, 1e-1, Scale.LOG)
      .choice(OPTIMIZER, SGD, RMSPROP, ADAM)
      .nested("schedule", SearchSpace.builder().integer("warmup", 0, 10).build())
      .defaults(Config.builder().set(OPTIMIZER, "adam").build())
      .build();

  @Test
  void branchesAreDottedAndConditionedOnTheirChoice() {
    assertEquals(List.of("lr", "optimizer", "optimizer.rmsprop.decay",
            "optimizer.rmsprop.centered", "optimizer.adam.beta1", "optimizer.adam.beta2",
            "schedule.warmup"),
        SPACE.dimensions().stream().map(Dimension::name).toList());
    assertEquals(Optional.of(Condition.of("optimizer", "adam")),
        SPACE.condition("optimizer.adam.beta1"));
    assertEquals(Optional.empty(), SPACE.condition("schedule.warmup"));
    assertTrue(SPACE.isConditional());
    assertEquals(0.9, SPACE.defaults().get("optimizer.adam.beta1"));
  }

  @Test
  void aConfigurationHoldsTheActiveDimensionsOnly() {
    Config sgd = SPACE.check(Map.of("lr", 0.01, "optimizer", "sgd", "schedule.warmup", 3L));
    assertEquals(Set.of("lr", "optimizer", "schedule.warmup"), sgd.names());
    Config adam = SPACE.check(Map.of("lr", 0.01, "optimizer", "adam",
        "optimizer.adam.beta1", 0.9, "optimizer.adam.beta2", 0.99, "schedule.warmup", 3L));
    assertEquals(0.99, adam.getDouble("optimizer.adam.beta2"));
  }

  @Test
  void aKeyOfAnotherBranchNamesItsBranch() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.check(Map.of("lr", 0.01, "optimizer", "sgd", "optimizer.adam.beta1", 0.9,
            "schedule.warmup", 3L)));
    assertEquals("hyperparameter 'optimizer.adam.beta1' belongs to the branch optimizer = adam,"
        + " but optimizer is sgd; leave it out or choose its branch", e.getMessage());
  }

  @Test
  void aMissingKeyOfTheChosenBranchIsNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.check(Map.of("lr", 0.01, "optimizer", "rmsprop",
            "optimizer.rmsprop.decay", 0.9, "schedule.warmup", 3L)));
    assertTrue(e.getMessage().contains("'optimizer.rmsprop.centered' is missing"), e.getMessage());
  }

  @Test
  void aWrongChoiceIsToldOnceAndItsBranchesAreNotGuessed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SPACE.check(Map.of("lr", 0.01, "optimizer", "adma", "schedule.warmup", 3L)));
    assertTrue(e.getMessage().startsWith("hyperparameter 'optimizer': 'adma' is not allowed"),
        e.getMessage());
    assertTrue(e.getMessage().contains("did you mean"), e.getMessage());
  }

  @Test
  void parsingTakesTheChosenBranchsDefaults() {
    Config parsed = SPACE.parse(Map.of("lr", "0.01", "schedule.warmup", "2"));
    assertEquals("adam", parsed.getString("optimizer"));
    assertEquals(0.9, parsed.getDouble("optimizer.adam.beta1"));
    Config sgd = SPACE.parse(Map.of("lr", "0.01", "optimizer", "sgd", "schedule.warmup", "2"));
    assertEquals(Set.of("lr", "optimizer", "schedule.warmup"), sgd.names());
  }

  @Test
  void overridingTheChoiceLeavesTheOldBranchBehind() {
    Config adam = SPACE.parse(Map.of("lr", "0.01", "schedule.warmup", "2"));
    Config rms = SPACE.override(adam, "optimizer=rmsprop", "optimizer.rmsprop.decay=0.95",
        "optimizer.rmsprop.centered=true");
    assertEquals(Set.of("lr", "optimizer", "optimizer.rmsprop.decay",
        "optimizer.rmsprop.centered", "schedule.warmup"), rms.names());
    Config back = SPACE.override(rms, "optimizer=adam");
    assertEquals(0.999, back.getDouble("optimizer.adam.beta2"), "the branch's defaults");
    assertThrows(IllegalArgumentException.class,
        () -> SPACE.override(rms, "optimizer.adam.beta1=0.85"));
  }

  @Test
  void aFileWithAKeyOfAnInactiveBranchIsRefusedWithItsLine(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("run.json");
    Files.writeString(file, "{\n  \"lr\": 0.01,\n  \"optimizer\": \"sgd\",\n"
        + "  \"optimizer.adam.beta1\": 0.9,\n  \"schedule.warmup\": 1\n}\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SPACE.load(file));
    assertTrue(e.getMessage().contains("belongs to the branch optimizer = adam"), e.getMessage());
  }

  @Test
  void theUnitCubeSkipsInactiveCoordinates() {
    SplittableRandom random = new SplittableRandom(7);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      Config config = SPACE.fromUnit(random.doubles(SPACE.size()).toArray());
      String choice = config.getString("optimizer");
      seen.add(choice);
      assertEquals(config, SPACE.check(config.asMap()), "fromUnit gives valid configurations");
      double[] unit = SPACE.toUnit(config);
      for (int d = 0; d < SPACE.size(); d++) {
        String name = SPACE.dimensions().get(d).name();
        assertEquals(config.has(name), !Double.isNaN(unit[d]), name);
      }
      assertEquals(config, SPACE.fromUnit(unit.clone()), "round trip");
    }
    assertEquals(Set.of("sgd", "rmsprop", "adam"), seen);
  }

  @Test
  void nestedChoicesAreInactiveWithTheirOuterBranch() {
    SearchSpace<Config> inner = SearchSpace.builder()
        .choice(Dimension.categorical("kind", "step", "cosine"),
            SearchSpace.builder().integer("every", 1, 10).build(),
            SearchSpace.builder().build())
        .build();
    SearchSpace<Config> outer = SearchSpace.builder()
        .choice(Dimension.categorical("schedule", "none", "decay"),
            SearchSpace.builder().build(), inner)
        .build();
    assertEquals(Optional.of(Condition.of("schedule.decay.kind", "step")),
        outer.condition("schedule.decay.kind.step.every"));
    Map<String, Object> none = new LinkedHashMap<>(Map.of("schedule", "none"));
    assertFalse(outer.isActive("schedule.decay.kind.step.every", none));
    assertEquals(Set.of("schedule"), outer.check(none).names());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> outer.check(Map.of("schedule", "none", "schedule.decay.kind.step.every", 3L)));
    assertTrue(e.getMessage().contains("but schedule.decay.kind is itself inactive"),
        e.getMessage());
  }

  @Test
  void aConditionMustDependOnADiscreteDimensionBeforeIt() {
    IllegalArgumentException numeric = assertThrows(IllegalArgumentException.class,
        () -> SearchSpace.builder().real("x", 0, 1)
            .add(Dimension.real("y", 0, 1), Condition.of("x", "1")).build());
    assertTrue(numeric.getMessage().contains("needs a categorical or boolean 'x'"),
        numeric.getMessage());
    IllegalArgumentException after = assertThrows(IllegalArgumentException.class,
        () -> SearchSpace.builder().add(Dimension.real("y", 0, 1), Condition.of("flag", "true"))
            .bool("flag").build());
    assertTrue(after.getMessage().contains("not a dimension before it"), after.getMessage());
    IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
        () -> SearchSpace.builder().bool("flag")
            .add(Dimension.real("y", 0, 1), Condition.of("flag", "yes")).build());
    assertTrue(label.getMessage().contains("it has [false, true]"), label.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SearchSpace.builder().choice(OPTIMIZER, SGD, ADAM));
  }

  @Test
  void aNestedConfigurationIsReadUnderItsPrefix() {
    Config adam = SPACE.parse(Map.of("lr", "0.01", "schedule.warmup", "4"));
    Config inner = adam.under("optimizer.adam");
    assertEquals(Set.of("beta1", "beta2"), inner.names());
    assertEquals(inner, ADAM.check(inner.asMap()));
    Config rebuilt = Config.builder().set(SPACE.dimension("lr"), 0.01)
        .set(OPTIMIZER, "adam").setAll("optimizer.adam", inner)
        .setAll("schedule", adam.under("schedule")).build();
    assertEquals(adam, SPACE.check(rebuilt.asMap()));
  }

  /** Before, a key of an inactive branch was told alone, after the file's others, lineless. */
  @Test
  void aKeyOfAnInactiveBranchIsListedWithTheFilesOtherProblemsAndItsLine(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("run.properties");
    Files.writeString(file, "lr = 0.01\noptimizer = sgd\noptimizer.adam.beta1 = 0.9\n"
        + "schedule.warmup = 11\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SPACE.load(file));
    assertEquals("2 problems in '" + file + "':\n"
        + "  - line 3: hyperparameter 'optimizer.adam.beta1' belongs to the branch optimizer ="
        + " adam, but optimizer is sgd; leave it out or choose its branch\n"
        + "  - line 4: hyperparameter 'schedule.warmup': 11 (Long) is not allowed; expected an"
        + " integer in [0, 10]", e.getMessage());
  }
}
