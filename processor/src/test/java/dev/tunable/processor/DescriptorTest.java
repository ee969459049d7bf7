package dev.tunable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** The JSON descriptor and JSON Schema written under {@code META-INF/tunable/}. */
class DescriptorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void descriptorListsEveryHyperparameterWithItsDimension() throws IOException {
    JsonNode descriptor = resource(compileRepresentative(), "test.LogisticRegression.json").orElseThrow();
    assertEquals("test.LogisticRegression", descriptor.get("class").asText());
    assertEquals("test.LogisticRegressionHyperparameters",
        descriptor.get("hyperparametersClass").asText());
    JsonNode hyperparameters = descriptor.get("hyperparameters");
    assertEquals(List.of("learningRate", "batchSize", "dropout", "iterations", "shuffle", "penalty",
        "solver"), names(hyperparameters, "name"));

    JsonNode learningRate = hyperparameters.get(0);
    assertEquals("double", learningRate.get("javaType").asText());
    assertEquals("real", learningRate.get("dimension").asText());
    assertEquals(1e-4, learningRate.get("min").asDouble());
    assertEquals(0.1, learningRate.get("max").asDouble());
    assertEquals("LOG", learningRate.get("scale").asText());
    assertEquals(0.01, learningRate.get("default").asDouble());
    assertEquals("Step size of \"SGD\".", learningRate.get("description").asText());
    assertFalse(learningRate.has("step"));

    JsonNode iterations = hyperparameters.get(3);
    assertEquals("integer", iterations.get("dimension").asText());
    assertEquals(100, iterations.get("step").asLong());
    assertEquals(1000, iterations.get("default").asLong());

    JsonNode dropout = hyperparameters.get(2);
    assertEquals("float", dropout.get("javaType").asText());
    assertEquals(0.125, dropout.get("step").asDouble());

    JsonNode penalty = hyperparameters.get(5);
    assertEquals("categorical", penalty.get("dimension").asText());
    assertEquals("test.LogisticRegression.Penalty", penalty.get("javaType").asText());
    assertEquals(List.of("L1", "L2"), strings(penalty.get("choices")));
    assertEquals("L2", penalty.get("default").asText());

    JsonNode solver = hyperparameters.get(6);
    assertEquals("optimizer", solver.get("field").asText());
    assertEquals("adam", solver.get("default").asText());
    assertTrue(hyperparameters.get(4).get("default").asBoolean());
  }

  @Test
  void descriptorListsLearnedFieldsAndHowTheyAreCopied() throws IOException {
    JsonNode descriptor = resource(compileRepresentative(), "test.LogisticRegression.json").orElseThrow();
    JsonNode learned = descriptor.get("learned");
    assertEquals(List.of("weights", "bias"), names(learned, "field"));
    assertEquals("double[]", learned.get(0).get("javaType").asText());
    assertEquals("deep", learned.get(0).get("copy").asText());
    assertEquals("value", learned.get(1).get("copy").asText());
  }

  /** Issue 16: objects are held by reference unless a codec copies them. */
  @Test
  void descriptorTellsReferencesFromCodecCopies() throws IOException {
    Compilation compilation = Fixtures.compile(Fixtures.good("Boosted"));
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode learned = resource(compilation, "test.Boosted.json").orElseThrow().get("learned");
    assertEquals(List.of("weights", "bias", "booster", "trees", "copied"), names(learned, "field"));
    assertEquals(List.of("deep", "value", "reference", "reference", "codec"),
        names(learned, "copy"));
  }

  @Test
  void schemaDescribesAConfigurationFile() throws IOException {
    JsonNode schema = resource(compileRepresentative(), "test.LogisticRegression.schema.json").orElseThrow();
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
    assertEquals("object", schema.get("type").asText());
    assertFalse(schema.get("additionalProperties").asBoolean(true));
    JsonNode properties = schema.get("properties");
    assertEquals(List.of("learningRate", "batchSize", "dropout", "iterations", "shuffle", "penalty",
        "solver"), fieldNames(properties));
    assertEquals("number", properties.get("learningRate").get("type").asText());
    assertEquals(1e-4, properties.get("learningRate").get("minimum").asDouble());
    assertEquals(0.1, properties.get("learningRate").get("maximum").asDouble());
    assertEquals("Step size of \"SGD\".", properties.get("learningRate").get("description").asText());
    assertEquals("integer", properties.get("batchSize").get("type").asText());
    assertEquals(32, properties.get("batchSize").get("default").asInt());
    assertEquals(100, properties.get("iterations").get("multipleOf").asInt());
    assertEquals(0.125, properties.get("dropout").get("multipleOf").asDouble());
    assertFalse(schema.has("required"), "every field has a constant initializer: a default");
    assertEquals("boolean", properties.get("shuffle").get("type").asText());
    assertEquals(List.of("L1", "L2"), strings(properties.get("penalty").get("enum")));
    assertEquals(List.of("adam", "sgd"), strings(properties.get("solver").get("enum")));
  }

  @Test
  void schemaRequiresTheKeysWhoseFieldsHaveNoConstantInitializer() throws IOException {
    Compilation compilation = Fixtures.compile(Fixtures.good("Partly"));
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode schema = resource(compilation, "test.Partly.schema.json").orElseThrow();
    assertEquals(List.of("rate", "depth"), strings(schema.get("required")));
    assertEquals(2, schema.get("properties").get("file").get("default").asInt());
    assertFalse(schema.get("properties").get("rate").has("default"));
    // A stepped range whose lower bound is off the multiples of the step: the range alone.
    assertEquals(0.1, schema.get("properties").get("offset").get("multipleOf").asDouble());
    assertFalse(schema.get("properties").get("shifted").has("multipleOf"));
  }

  @Test
  void nestedClassesAreNamedByBinaryNameAndOnlyLearnedClassesGetNoSchema() throws IOException {
    Compilation compilation = Fixtures.compile(Fixtures.good("Outer"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(resource(compilation, "test.Outer$Inner.json").isPresent());
    assertTrue(resource(compilation, "test.Outer$Inner.schema.json").isPresent());
    JsonNode memory = resource(compilation, "test.Outer$Memory.json").orElseThrow();
    assertEquals(0, memory.get("hyperparameters").size());
    assertFalse(memory.has("hyperparametersClass"));
    assertFalse(resource(compilation, "test.Outer$Memory.schema.json").isPresent());
  }

  @Test
  void textIsEscaped() throws IOException {
    String description = "quote \\\" backslash \\\\ tab \\t newline \\n bell \\u0007 and é";
    Compilation compilation = Fixtures.compile(List.of(JavaFileObjects.forSourceString("test.Odd",
        "package test;\n"
            + "import dev.tunable.annotations.Hyperparameter;\n"
            + "public class Odd {\n"
            + "  @Hyperparameter(choices = {\"a\\\"b\", \"c\\\\d\"}, description = \"" + description + "\")\n"
            + "  String mode;\n"
            + "}\n")));
    assertThat(compilation).succeededWithoutWarnings();
    JsonNode mode = resource(compilation, "test.Odd.json").orElseThrow().get("hyperparameters").get(0);
    assertEquals("quote \" backslash \\ tab \t newline \n bell \u0007 and é",
        mode.get("description").asText());
    assertEquals(List.of("a\"b", "c\\d"), strings(mode.get("choices")));
    JsonNode schema = resource(compilation, "test.Odd.schema.json").orElseThrow();
    assertEquals(List.of("a\"b", "c\\d"), strings(schema.get("properties").get("mode").get("enum")));
  }

  /** Issue 14: dotted names, each dimension's condition, and the choice's branches. */
  @Test
  void descriptorListsNestedAndBranchDimensionsWithTheirConditions() throws IOException {
    JsonNode descriptor = resource(compileConditional(), "test.Mlp.json").orElseThrow();
    JsonNode hyperparameters = descriptor.get("hyperparameters");
    assertEquals(List.of("learningRate", "optimizer", "optimizer.rmsProp.decay",
        "optimizer.rmsProp.centered", "optimizer.adam.beta1", "optimizer.adam.beta2",
        "schedule.warmup"), names(hyperparameters, "name"));
    JsonNode optimizer = hyperparameters.get(1);
    assertEquals("test.Optimizer", optimizer.get("javaType").asText());
    assertEquals(List.of("sgd", "rmsProp", "adam"), strings(optimizer.get("choices")));
    assertEquals("test.RmsProp", optimizer.get("branches").get("rmsProp").asText());
    assertEquals("adam", optimizer.get("default").asText());
    assertFalse(optimizer.has("condition"));
    JsonNode beta1 = hyperparameters.get(4);
    assertEquals("beta1", beta1.get("field").asText());
    assertEquals(0.9, beta1.get("default").asDouble());
    assertEquals("optimizer", beta1.get("condition").get("parent").asText());
    assertEquals(List.of("adam"), strings(beta1.get("condition").get("labels")));
    assertFalse(hyperparameters.get(6).has("condition"), "a nested class is always active");
  }

  @Test
  void schemaAllowsABranchsKeysOnlyWhileItIsChosen() throws IOException {
    JsonNode schema = resource(compileConditional(), "test.Mlp.schema.json").orElseThrow();
    assertEquals(List.of("learningRate", "optimizer", "optimizer.rmsProp.decay",
        "optimizer.rmsProp.centered", "optimizer.adam.beta1", "optimizer.adam.beta2",
        "schedule.warmup"), fieldNames(schema.get("properties")));
    assertEquals(List.of("sgd", "rmsProp", "adam"),
        strings(schema.get("properties").get("optimizer").get("enum")));
    assertFalse(schema.has("required"), "optimizer defaults to adam");
    JsonNode rules = schema.get("allOf");
    // A key of rmsProp, which is not the default, needs optimizer given as rmsProp.
    assertEquals(JSON.readTree("{\"if\": {\"required\": [\"optimizer.rmsProp.decay\"]},"
        + " \"then\": {\"allOf\": [{\"properties\": {\"optimizer\": {\"const\": \"rmsProp\"}},"
        + " \"required\": [\"optimizer\"]}]}}"), rules.get(0));
    // A key of adam, the default, needs optimizer to be adam if it is given.
    assertEquals(JSON.readTree("{\"if\": {\"required\": [\"optimizer.adam.beta1\"]},"
        + " \"then\": {\"allOf\": [{\"properties\": {\"optimizer\": {\"const\": \"adam\"}}}]}}"),
        rules.get(2));
    // rmsProp chosen: centered, which has no initializer, must be given.
    assertEquals(JSON.readTree("{\"if\": {\"allOf\": [{\"properties\": {\"optimizer\":"
        + " {\"const\": \"rmsProp\"}}, \"required\": [\"optimizer\"]}]},"
        + " \"then\": {\"required\": [\"optimizer.rmsProp.centered\"]}}"), rules.get(4));
    assertEquals(5, rules.size());
  }

  private static Compilation compileConditional() {
    Compilation compilation =
        Fixtures.compile(Fixtures.good(ConditionalModelTest.MODEL.toArray(String[]::new)));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  private static Compilation compileRepresentative() {
    Compilation compilation = Fixtures.compile(Fixtures.good("LogisticRegression"));
    assertThat(compilation).succeededWithoutWarnings();
    return compilation;
  }

  static Optional<JsonNode> resource(Compilation compilation, String name) throws IOException {
    var file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tunable/" + name);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(JSON.readTree(file.get().getCharContent(false).toString()));
  }

  private static List<String> names(JsonNode array, String key) {
    List<String> names = new ArrayList<>();
    array.forEach(node -> names.add(node.get(key).asText()));
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(node -> strings.add(node.asText()));
    return strings;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
