package dev.tunable.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.tunable.examples.LogisticRegression;
import dev.tunable.examples.LogisticRegressionHyperparameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Configuration files loaded into generated hyperparameters records, and the generated JSON
 * Schema held against {@code load} with a real validator: the two must accept and reject the same
 * files.
 */
class ConfigurationFileTest {
  /** Reads a file as an IDE does before validating it: a key given twice is an error. */
  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  @TempDir Path directory;

  @Test
  void aFileLoadsIntoTheGeneratedRecordWithTheModelsDefaults() throws IOException {
    LogisticRegressionHyperparameters loaded = LogisticRegressionHyperparameters.load(
        write("lr.json", "{\"learningRate\": 0.05, \"penalty\": \"L1\"}"));
    LogisticRegressionHyperparameters defaults =
        LogisticRegressionHyperparameters.of(new LogisticRegression());
    assertEquals(defaults.withLearningRate(0.05).withPenalty(LogisticRegression.Penalty.L1),
        loaded);
    assertEquals(defaults.withBatchSize(64), LogisticRegressionHyperparameters.load(
        write("lr.properties", "# rows per step\nbatchSize = 64\n")));
  }

  @Test
  void theSpacesDefaultsAreWhatAFreshModelHolds() {
    assertEquals(LogisticRegressionHyperparameters.of(new LogisticRegression()).toConfig(),
        LogisticRegressionHyperparameters.SPACE.defaults());
    assertEquals(KnobsHyperparameters.of(new Knobs()).toConfig(),
        KnobsHyperparameters.SPACE.defaults());
  }

  @Test
  void aFileWithEveryKindOfValueLoadsIntoTheRecord() throws IOException {
    KnobsHyperparameters loaded = KnobsHyperparameters.load(write("knobs.json", """
        {"learningRate": 0.05, "momentum": 0.9, "dropout": 0.375, "l2": 0.3, "batchSize": 64.0,
         "layers": 30, "seed": 5000000000, "shuffle": false, "kernel": "LINEAR",
         "fallback": "SIGMOID", "solver": "sgd"}
        """));
    assertEquals(new KnobsHyperparameters(0.05, 0.9f, 0.375f, 0.3, 64, 30, 5_000_000_000L, false,
        Knobs.Kernel.LINEAR, Knobs.Kernel.SIGMOID, "sgd"), loaded);
  }

  @Test
  void theSchemaAndLoadAgreeOnEveryFile() throws IOException {
    Schema schema = schema("dev.tunable.functional.Knobs");
    List<String> good = List.of(
        "{}",
        "{\"learningRate\": 0.05, \"solver\": \"sgd\"}",
        "{\"learningRate\": 0.1, \"batchSize\": 8, \"l2\": 1.0, \"seed\": 1}",
        "{\"learningRate\": 1e-4, \"batchSize\": 256, \"l2\": 0, \"seed\": 5000000000}",
        "{\"momentum\": 0.9}",
        "{\"momentum\": 0.1}",
        "{\"dropout\": 0.375, \"l2\": 0.3, \"layers\": 30}",
        "{\"dropout\": 0.5, \"l2\": 0.7, \"layers\": 100}",
        "{\"batchSize\": 64.0}",
        "{\"shuffle\": false, \"kernel\": \"LINEAR\", \"fallback\": \"SIGMOID\"}",
        "{\"learningRate\": 0.05, \"momentum\": 0.3, \"dropout\": 0, \"l2\": 0.1, \"batchSize\": 9,"
            + " \"layers\": 10, \"seed\": 42, \"shuffle\": true, \"kernel\": \"RBF\","
            + " \"fallback\": \"POLYNOMIAL\", \"solver\": \"rmsprop\"}");
    List<String> bad = List.of(
        "{\"learningRate\": 0.5}",
        "{\"learningRate\": 0}",
        "{\"batchSize\": 4}",
        "{\"batchSize\": 64.5}",
        "{\"seed\": 5000000001}",
        "{\"seed\": 100000000000000000000000}",
        "{\"momentum\": 0.9000001}",
        "{\"dropout\": 0.3}",
        "{\"l2\": 0.35}",
        "{\"layers\": 35}",
        "{\"learningRate\": \"0.01\"}",
        "{\"shuffle\": \"true\"}",
        "{\"shuffle\": 1}",
        "{\"kernel\": \"POLYNOMIAL\"}",
        "{\"kernel\": \"rbf\"}",
        "{\"solver\": \"Adam\"}",
        "{\"solver\": null}",
        "{\"l2\": [0.1]}",
        "{\"l2\": {\"value\": 0.1}}",
        "{\"learningrate\": 0.01}",
        "{\"l2\": 0.1, \"l2\": 0.2}",
        "[{\"l2\": 0.1}]",
        "\"l2\"",
        "{\"l2\": 0.1,}",
        "{\"l2\": 0.1} {}");
    assertEquals(List.of(), disagreements(schema, good, bad, KnobsHyperparameters::load));
  }

  /**
   * Issue 14: a key of a branch is allowed while its branch is chosen, in the file or by default,
   * down to a choice inside a branch; a chosen branch's keys without defaults must be given.
   */
  @Test
  void theSchemaAndLoadAgreeOnConditionalFiles() throws IOException {
    Schema schema = schema("dev.tunable.functional.Trainer");
    List<String> good = List.of(
        "{}",
        "{\"optimizer\": \"sgd\"}",
        "{\"optimizer\": \"sgd\", \"rate\": 0.05, \"warmup.epochs\": 0}",
        "{\"optimizer\": \"momentum\", \"optimizer.momentum.momentum\": 0.9}",
        "{\"optimizer\": \"momentum\", \"optimizer.momentum.momentum\": 0.5,"
            + " \"optimizer.momentum.nesterov\": true}",
        "{\"optimizer.adam.beta1\": 0.95}",
        "{\"optimizer\": \"adam\", \"optimizer.adam.beta1\": 0.8}",
        "{\"optimizer.adam.decay\": \"constant\"}",
        "{\"optimizer.adam.decay.step.every\": 5}",
        "{\"optimizer\": \"adam\", \"optimizer.adam.decay\": \"step\","
            + " \"optimizer.adam.decay.step.every\": 50}",
        "{\"warmup.epochs\": 10}");
    List<String> bad = List.of(
        "{\"optimizer\": \"sgd\", \"optimizer.adam.beta1\": 0.95}",
        "{\"optimizer\": \"momentum\"}",
        "{\"optimizer\": \"momentum\", \"optimizer.momentum.nesterov\": true}",
        "{\"optimizer.momentum.momentum\": 0.9}",
        "{\"optimizer\": \"momentum\", \"optimizer.momentum.momentum\": 0.9,"
            + " \"optimizer.adam.beta1\": 0.9}",
        "{\"optimizer.adam.decay\": \"constant\", \"optimizer.adam.decay.step.every\": 5}",
        "{\"optimizer\": \"sgd\", \"optimizer.adam.decay.step.every\": 5}",
        "{\"optimizer\": \"sgd\", \"optimizer.adam.decay\": \"step\"}",
        "{\"optimizer\": \"Adam\"}",
        "{\"optimizer\": null}",
        "{\"optimizer.adam.beta1\": 2}",
        "{\"optimizer.adam.decay.step.every\": 0}",
        "{\"warmup.epochs\": 11}",
        "{\"warmup\": 3}",
        "{\"warmup\": {\"epochs\": 3}}",
        "{\"optimizer.sgd\": 1}",
        "{\"optimizer.adam\": {\"beta1\": 0.9}}");
    assertEquals(List.of(), disagreements(schema, good, bad, TrainerHyperparameters::load));
    TrainerHyperparameters loaded = TrainerHyperparameters.load(write("trainer.json",
        "{\"optimizer.adam.decay.step.every\": 5}"));
    assertEquals(TrainerHyperparameters.of(new Trainer()).overriddenBy(
        "optimizer.adam.decay.step.every=5"), loaded);
  }

  @Test
  void theSchemaRequiresWhatLoadRequires() throws IOException {
    // Unset's depth has no initializer: both want it.
    Schema schema = schema("dev.tunable.functional.Unset");
    List<String> disagreements = new ArrayList<>();
    for (String file : List.of("{}", "{\"rate\": 0.25}")) {
      if (accepts(schema, file)) {
        disagreements.add(file + ": the schema accepts it");
      }
      String message = assertThrows(IllegalArgumentException.class,
          () -> UnsetHyperparameters.load(write("unset.json", file))).getMessage();
      assertTrue(message.contains("'depth' is missing and has no default"), message);
    }
    assertEquals(List.of(), disagreements);
    String full = "{\"depth\": 3}";
    assertTrue(accepts(schema, full));
    assertEquals(new UnsetHyperparameters(3, 0.5),
        UnsetHyperparameters.load(write("unset.json", full)));
  }

  @Test
  void theReadmeExampleFilesLoad() throws IOException {
    Schema schema = schema("dev.tunable.examples.LogisticRegression");
    String json = """
        {
          "penalty": "L1",
          "learningRate": 0.05,
          "batchSize": 64
        }
        """;
    assertTrue(schema.validate(json, InputFormat.JSON).isEmpty());
    LogisticRegressionHyperparameters fromJson =
        LogisticRegressionHyperparameters.load(write("lr.json", json));
    LogisticRegressionHyperparameters fromProperties = LogisticRegressionHyperparameters.load(
        write("lr.properties",
            "# lr.properties\npenalty = L1\nlearningRate = 0.05\nbatchSize = 64\n"));
    assertEquals(fromJson, fromProperties);
    assertEquals(Map.of("penalty", LogisticRegression.Penalty.L1, "regularization", 1e-4,
        "learningRate", 0.05, "batchSize", 64L, "epochs", 20L), fromJson.toConfig().asMap());
  }

  /** A generated {@code load}. */
  private interface Loader {
    Object load(Path file) throws IOException;
  }

  /** Each file where the schema or {@code loader} does not do as expected, and why. */
  private List<String> disagreements(Schema schema, List<String> good, List<String> bad,
      Loader loader) throws IOException {
    List<String> disagreements = new ArrayList<>();
    for (String file : good) {
      check(schema, file, true, loader, disagreements);
    }
    for (String file : bad) {
      check(schema, file, false, loader, disagreements);
    }
    return disagreements;
  }

  private void check(Schema schema, String file, boolean expected, Loader loader,
      List<String> disagreements) throws IOException {
    boolean bySchema = accepts(schema, file);
    boolean byLoad;
    try {
      loader.load(write("file.json", file));
      byLoad = true;
    } catch (IllegalArgumentException e) {
      byLoad = false;
    }
    if (bySchema != expected || byLoad != expected) {
      disagreements.add(file + ": expected " + (expected ? "accepted" : "rejected")
          + ", schema " + (bySchema ? "accepts" : "rejects")
          + ", load " + (byLoad ? "accepts" : "rejects"));
    }
  }

  private static boolean accepts(Schema schema, String file) {
    try {
      STRICT.readTree(file);
    } catch (JacksonException e) {
      return false; // not JSON, or a key given twice
    }
    return schema.validate(file, InputFormat.JSON).isEmpty();
  }

  private static Schema schema(String binaryName) {
    String resource = "/META-INF/tunable/" + binaryName + ".schema.json";
    try (InputStream in = ConfigurationFileTest.class.getResourceAsStream(resource)) {
      assertTrue(in != null, resource);
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
          .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(directory.resolve(name), text);
  }
}
