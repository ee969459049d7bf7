package dev.tunable.internal.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Condition;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.SearchSpace;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ConditionalEncodingTest {
  private final SearchSpace<Config> space = SearchSpace.builder()
      .real("x", 0, 1)
      .choice(Dimension.categorical("kernel", "linear", "rbf", "poly"),
          SearchSpace.builder().build(),
          SearchSpace.builder().real("gamma", 1e-3, 1).build(),
          SearchSpace.builder().integer("degree", 2, 5).bool("scaled")
              .add(Dimension.real("offset", 0, 1), Condition.of("scaled", "true")).build())
      .build();

  private final SpaceEncoding encoding = SpaceEncoding.of(space);

  @Test
  void parentsAreTheChoicesTheyHangFrom() {
    assertTrue(encoding.isConditional());
    assertEquals(-1, encoding.parent(0));
    assertEquals(-1, encoding.parent(1));
    assertEquals(1, encoding.parent(2)); // kernel.rbf.gamma
    assertEquals(1, encoding.parent(3)); // kernel.poly.degree
    assertEquals(4, encoding.parent(5)); // kernel.poly.offset depends on kernel.poly.scaled
    assertFalse(SpaceEncoding.of(SearchSpace.builder().real("x", 0, 1).build()).isConditional());
  }

  @Test
  void activityAtAPointAgreesWithTheConfigurationThere() {
    SplittableRandom random = new SplittableRandom(3);
    int offsetActive = 0;
    for (int i = 0; i < 500; i++) {
      double[] point = random.doubles(space.size()).toArray();
      Config config = space.fromUnit(point);
      for (int d = 0; d < space.size(); d++) {
        String name = space.dimensions().get(d).name();
        assertEquals(config.has(name), encoding.isActive(d, point), name + " at " + config);
      }
      offsetActive += config.has("kernel.poly.offset") ? 1 : 0;
    }
    assertTrue(offsetActive > 50, "the nested condition is met about a sixth of the time");
  }

  @Test
  void inactiveCoordinatesEncodeAsNaN() {
    Config linear = space.check(java.util.Map.of("x", 0.5, "kernel", "linear"));
    double[] point = encoding.encode(linear);
    assertEquals(0.5, point[0]);
    assertTrue(Double.isNaN(point[2]) && Double.isNaN(point[3]) && Double.isNaN(point[5]));
  }

  @Test
  void encodeActiveLeavesInactiveCoordinatesOutAndRefusesAMissingActiveOne() {
    Config poly = space.check(java.util.Map.of(
        "x", 0.25, "kernel", "poly", "kernel.poly.degree", 3L, "kernel.poly.scaled", false));
    double[] point = encoding.encodeActive(poly);
    assertEquals(0.25, point[0]);
    assertEquals(encoding.unitOfChoice(1, 2), point[1]);
    assertTrue(Double.isNaN(point[2]), "gamma belongs to rbf");
    assertFalse(Double.isNaN(point[3]));
    assertTrue(Double.isNaN(point[5]), "offset needs scaled = true");
    // A value for a dimension inactive at the point is not read, even one its dimension refuses.
    Config extra = Config.builder().set(space.dimension("x"), 0.25)
        .set(space.dimension("kernel"), "linear")
        .set(Dimension.real("kernel.rbf.gamma", 0, 100), 99.0).build();
    assertTrue(Double.isNaN(encoding.encodeActive(extra)[2]));
    // An active dimension without a value: a trial of another space.
    Config missing = Config.builder().set(space.dimension("x"), 0.25)
        .set(space.dimension("kernel"), "rbf").build();
    assertEquals(null, encoding.encodeActive(missing));
    assertEquals(null, encoding.encodeIfComplete(poly), "encodeIfComplete wants every dimension");
  }
}
