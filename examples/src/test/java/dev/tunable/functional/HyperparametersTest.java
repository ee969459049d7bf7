package dev.tunable.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.annotations.Scale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated {@code KnobsHyperparameters}, used as a library user would. */
class HyperparametersTest {
  private static final KnobsHyperparameters DEFAULTS = KnobsHyperparameters.of(new Knobs());

  @Test
  void ofReadsTheValuesAFreshModelHolds() {
    assertEquals(new KnobsHyperparameters(0.01, 0.5f, 0.25f, 0.2, 32, 20, 42, true,
        Knobs.Kernel.RBF, Knobs.Kernel.LINEAR, "adam"), DEFAULTS);
  }

  @Test
  void applyToSetsEveryFieldAndReturnsTheSameModel() {
    KnobsHyperparameters chosen = new KnobsHyperparameters(0.001, 0.75f, 0.5f, 0.9, 128, 100,
        4_000_000_000L, false, Knobs.Kernel.LINEAR, Knobs.Kernel.SIGMOID, "rmsprop");
    Knobs model = new Knobs();
    assertSame(model, chosen.applyTo(model));
    assertEquals(0.001, model.learningRate);
    assertEquals(0.75f, model.momentum);
    assertEquals(0.5f, model.dropout);
    assertEquals(0.9, model.l2);
    assertEquals(128, model.batchSize);
    assertEquals(100, model.layers);
    assertEquals(4_000_000_000L, model.seed);
    assertEquals(false, model.shuffle);
    assertEquals(Knobs.Kernel.LINEAR, model.kernel);
    assertEquals(Knobs.Kernel.SIGMOID, model.fallback);
    assertEquals("rmsprop", model.optimizer);
    assertEquals(chosen, KnobsHyperparameters.of(model));
  }

  @Test
  void withersReplaceOneValue() {
    KnobsHyperparameters changed = DEFAULTS.withBatchSize(64).withOptimizer("sgd");
    assertEquals(64, changed.batchSize());
    assertEquals("sgd", changed.optimizer());
    assertEquals(DEFAULTS.learningRate(), changed.learningRate());
    assertEquals(32, DEFAULTS.batchSize(), "the original is unchanged");
  }

  @Test
  void everyValueIsCheckedOnConstruction() {
    IllegalArgumentException tooLarge =
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withBatchSize(512));
    assertEquals("hyperparameter 'batchSize': 512 (Integer) is not allowed; expected an integer in"
        + " [8, 256] (log scale)", tooLarge.getMessage());
    IllegalArgumentException offGrid =
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withLayers(25));
    assertTrue(offGrid.getMessage().contains("in steps of 10"), offGrid.getMessage());
    IllegalArgumentException notAChoice =
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withKernel(Knobs.Kernel.SIGMOID));
    assertTrue(notAChoice.getMessage().contains("expected one of [LINEAR, RBF]"), notAChoice.getMessage());
    NullPointerException nothing =
        assertThrows(NullPointerException.class, () -> DEFAULTS.withOptimizer(null));
    assertEquals("hyperparameter 'solver' must not be null", nothing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withDropout(0.3f));
  }

  @Test
  void dimensionConstantsAreTypedAndInDeclarationOrder() {
    RealDimension learningRate = KnobsHyperparameters.LEARNING_RATE;
    assertEquals(new RealDimension("learningRate", 1e-4, 0.1, Scale.LOG, 0), learningRate);
    IntegerDimension layers = KnobsHyperparameters.LAYERS;
    assertEquals(10, layers.step());
    CategoricalDimension<Knobs.Kernel> kernel = KnobsHyperparameters.KERNEL;
    assertEquals(List.of(Knobs.Kernel.LINEAR, Knobs.Kernel.RBF), kernel.choices());
    assertEquals(List.of(Knobs.Kernel.values()), KnobsHyperparameters.FALLBACK.choices());
    assertEquals("solver", KnobsHyperparameters.OPTIMIZER.name());
    assertEquals(List.of("learningRate", "momentum", "dropout", "l2", "batchSize", "layers", "seed",
            "shuffle", "kernel", "fallback", "solver"),
        KnobsHyperparameters.SPACE.dimensions().stream().map(d -> d.name()).toList());
  }

  @Test
  void parseReadsACompleteConfiguration() {
    Map<String, String> text = new LinkedHashMap<>();
    text.put("learningRate", "0.05");
    text.put("momentum", "0.3");
    text.put("dropout", "0.375");
    text.put("l2", "0.7");
    text.put("batchSize", "16");
    text.put("layers", "30");
    text.put("seed", "5000000000");
    text.put("shuffle", "false");
    text.put("kernel", "LINEAR");
    text.put("fallback", "SIGMOID");
    text.put("solver", "sgd");
    KnobsHyperparameters parsed = KnobsHyperparameters.parse(text);
    assertEquals(new KnobsHyperparameters(0.05, 0.3f, 0.375f, 0.7, 16, 30, 5_000_000_000L, false,
        Knobs.Kernel.LINEAR, Knobs.Kernel.SIGMOID, "sgd"), parsed);
  }

  @Test
  void parseTakesTheModelsDefaultsForTheKeysLeftOut() {
    assertEquals(DEFAULTS.withLearningRate(0.05),
        KnobsHyperparameters.parse(Map.of("learningRate", "0.05")));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> UnsetHyperparameters.parse(Map.of("rate", "0.25")));
    assertEquals("hyperparameter 'depth' is missing and has no default; expected an integer in"
        + " [1, 10]", error.getMessage());
  }

  @Test
  void overridesReplaceTheNamedValues() {
    KnobsHyperparameters changed = DEFAULTS.overriddenBy("batchSize=64", "solver = rmsprop", "kernel=LINEAR");
    assertEquals(DEFAULTS.withBatchSize(64).withOptimizer("rmsprop").withKernel(Knobs.Kernel.LINEAR),
        changed);
    assertEquals(DEFAULTS.withL2(0.5), DEFAULTS.overriddenBy(Map.of("l2", "0.5")));
  }

  @Test
  void overrideErrorsNameTheKeyTheValueAndWhatIsAllowed() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> DEFAULTS.overriddenBy("learningRat=0.1"));
    assertTrue(unknown.getMessage().startsWith(
        "unknown hyperparameter 'learningRat' (did you mean 'learningRate'?)"), unknown.getMessage());
    IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
        () -> DEFAULTS.overriddenBy("learningRate=0.5"));
    assertEquals("hyperparameter 'learningRate': 0.5 (Double) is not allowed; expected a real in"
        + " [1.0E-4, 0.1] (log scale)", outside.getMessage());
    IllegalArgumentException choice = assertThrows(IllegalArgumentException.class,
        () -> DEFAULTS.overriddenBy("solver=adamw"));
    assertTrue(choice.getMessage().contains("'adamw' is not allowed; expected one of [adam, sgd,"
        + " rmsprop] (did you mean 'adam'?)"), choice.getMessage());
    IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
        () -> DEFAULTS.overriddenBy("shuffle"));
    assertEquals("'shuffle' is not of the form key=value", malformed.getMessage());
  }

  /** Regression: a null value among the overrides threw a NullPointerException naming nothing. */
  @Test
  void aNullOverrideNamesItsKey() {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("batchSize", null);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> DEFAULTS.overriddenBy(overrides));
    assertTrue(error.getMessage().startsWith("hyperparameter 'batchSize' is null; expected an"
        + " integer in"), error.getMessage());
    Map<String, String> text = new LinkedHashMap<>();
    DEFAULTS.toConfig().asMap().forEach((key, value) -> text.put(key, String.valueOf(value)));
    text.put("solver", null);
    assertEquals("hyperparameter 'solver' is null; expected one of [adam, sgd, rmsprop]",
        assertThrows(IllegalArgumentException.class, () -> KnobsHyperparameters.parse(text))
            .getMessage());
  }

  @Test
  void configurationsRoundTrip() {
    Config config = DEFAULTS.toConfig();
    assertEquals(32L, config.get("batchSize"));
    assertEquals("adam", config.getString("solver"));
    assertEquals(DEFAULTS, KnobsHyperparameters.fromConfig(config));
    assertEquals(DEFAULTS, KnobsHyperparameters.SPACE.create(config));
  }

  @Test
  void integerConfigurationsAreNarrowedOnlyWhenTheyFit() {
    Map<String, Object> values = new LinkedHashMap<>(DEFAULTS.toConfig().asMap());
    values.put("batchSize", 3_000_000_000L);
    assertThrows(IllegalArgumentException.class,
        () -> KnobsHyperparameters.SPACE.create(KnobsHyperparameters.SPACE.check(values)));
  }
}
