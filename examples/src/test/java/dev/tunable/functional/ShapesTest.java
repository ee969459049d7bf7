package dev.tunable.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inherited fields, nested classes, classes with one kind of field, and the descriptors. */
class ShapesTest {

  @Test
  void inheritedFieldsComeFirst() {
    DerivedModel model = new DerivedModel();
    DerivedModelHyperparameters defaults = DerivedModelHyperparameters.of(model);
    assertEquals(new DerivedModelHyperparameters(3, 0.5), defaults);
    DerivedModel changed = defaults.withDepth(7).withRate(0.25).applyTo(model);
    assertEquals(7, changed.depth);
    assertEquals(0.25, changed.rate);
    assertEquals(List.of("depth", "rate"),
        DerivedModelHyperparameters.SPACE.dimensions().stream().map(d -> d.name()).toList());

    model.coefficients = new double[] {1, 2};
    model.intercept = 0.5;
    DerivedModelParameters parameters = DerivedModelParameters.capture(model);
    assertArrayEquals(new double[] {1, 2}, parameters.coefficients());
    assertEquals(3, parameters.scalarCount());
  }

  @Test
  void applyToKeepsTheSubclassType() {
    DerivedModel model = new DerivedModel();
    DerivedModel same = BaseModelHyperparameters.of(model).withDepth(9).applyTo(model);
    assertSame(model, same);
    assertEquals(9, same.depth);
  }

  @Test
  void nestedClassesAreGenerated() {
    Forest.Tree tree = Forest_TreeHyperparameters.parse(java.util.Map.of("minLeafSize", "8"))
        .applyTo(new Forest.Tree());
    assertEquals(8, tree.minLeafSize);
    tree.splits = new int[] {3, 1};
    assertEquals(2, Forest_TreeParameters.capture(tree).scalarCount());
  }

  @Test
  void onlyLearnedStateGetsOnlyParameters() {
    assertFalse(exists("dev.tunable.functional.EmbeddingHyperparameters"));
    assertTrue(exists("dev.tunable.functional.EmbeddingParameters"));
  }

  @Test
  void descriptorsAreOnTheClassPath() throws IOException {
    String descriptor = resource("META-INF/tunable/dev.tunable.functional.Forest$Tree.json");
    assertTrue(descriptor.contains("\"hyperparametersClass\": \"dev.tunable.functional.Forest_TreeHyperparameters\""),
        descriptor);
    String schema = resource("META-INF/tunable/dev.tunable.functional.Knobs.schema.json");
    assertTrue(schema.contains("\"solver\": {"), schema);
    assertTrue(schema.contains("\"additionalProperties\": false"), schema);
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = ShapesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name + " is missing");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static boolean exists(String className) {
    try {
      Class.forName(className);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
