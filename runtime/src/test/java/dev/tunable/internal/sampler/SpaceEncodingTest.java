package dev.tunable.internal.sampler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.RealDimension;
import dev.tunable.SearchSpace;
import dev.tunable.annotations.Scale;
import dev.tunable.internal.sampler.SpaceEncoding.Kind;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpaceEncodingTest {
  enum Penalty { L1, L2, ELASTIC_NET }

  /** Every kind and scale of dimension, in this order. */
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", -5, 10)
      .real("lr", 1e-5, 1e-1, Scale.LOG)
      .add(Dimension.real("dropout", 0, 1).withStep(0.25))
      .integer("n", -4, 12)
      .integer("units", 8, 512, Scale.LOG)
      .add(Dimension.integer("k", 0, 60).withStep(5))
      .categorical("act", "relu", "tanh", "gelu")
      .add(Dimension.categorical("penalty", Penalty.class))
      .bool("flag")
      .build();

  private static final SpaceEncoding ENCODING = SpaceEncoding.of(SPACE);

  @Test
  void everyKindOfDimensionHasItsKindAndCells() {
    List<Kind> kinds = List.of(Kind.CONTINUOUS, Kind.CONTINUOUS, Kind.ORDINAL, Kind.ORDINAL,
        Kind.ORDINAL, Kind.ORDINAL, Kind.CATEGORICAL, Kind.CATEGORICAL, Kind.CATEGORICAL);
    long[] cells = {0, 0, 5, 17, 505, 13, 3, 3, 2};
    boolean[] equal = {false, false, true, true, false, true, true, true, true};
    assertEquals(SPACE.size(), ENCODING.size());
    for (int d = 0; d < ENCODING.size(); d++) {
      String name = SPACE.dimensions().get(d).name();
      assertEquals(kinds.get(d), ENCODING.kind(d), name);
      assertEquals(cells[d], ENCODING.cells(d), name);
      assertEquals(equal[d], ENCODING.equalCells(d), name);
    }
    assertEquals("SpaceEncoding[x CONTINUOUS, lr CONTINUOUS, dropout ORDINAL 5 cells, n ORDINAL 17"
        + " cells, units ORDINAL 505 unequal cells, k ORDINAL 13 cells, act CATEGORICAL 3 cells,"
        + " penalty CATEGORICAL 3 cells, flag CATEGORICAL 2 cells]", ENCODING.toString());
  }

  @Test
  void oneEncodingPerSpace() {
    assertSame(ENCODING, SpaceEncoding.of(SPACE));
  }

  @Test
  void encodingIsTheDimensionsOwnUnitEncoding() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 500; i++) {
      Config config = SPACE.fromUnit(random.doubles(SPACE.size()).toArray());
      double[] expected = SPACE.toUnit(config);
      assertArrayEquals(expected, ENCODING.encode(config), config.toString());
      assertArrayEquals(expected, ENCODING.encodeIfComplete(config), config.toString());
    }
    // Values as a study may store them: enum constants by label, numbers of another boxed type.
    assertEquals(0.5, ENCODING.encode(7, Penalty.L2));
    assertEquals(0.5, ENCODING.encode(7, "L2"));
    assertEquals(ENCODING.encode(0, 2.0), ENCODING.encode(0, 2L));
    assertEquals(ENCODING.encode(3, 7L), ENCODING.encode(3, 7));
  }

  @Test
  void theLinearRealsShortcutAgreesWithTheDimension() {
    Dimension<Double> x = Dimension.real("x", -5, 10);
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 1000; i++) {
      double v = x.fromUnit(random.nextDouble());
      assertEquals(x.toUnit(v), ENCODING.encode(0, v));
    }
    assertEquals(0.0, ENCODING.encode(0, -5.0));
    assertEquals(1.0, ENCODING.encode(0, 10.0));
    for (double outside : new double[] {-5.000001, 10.5, Double.NaN, Double.POSITIVE_INFINITY}) {
      assertTrue(Double.isNaN(ENCODING.encode(0, outside)), outside + " encodes as missing");
    }
  }

  @Test
  void discreteValuesRoundTripThroughTheirCellsCentre() {
    for (int d = 2; d < ENCODING.size(); d++) {
      List<?> values = SPACE.dimensions().get(d).gridValues(0);
      for (int i = 0; i < values.size(); i++) {
        Object value = values.get(i);
        double u = ENCODING.encode(d, value);
        assertEquals(value, ENCODING.decode(d, u));
        assertEquals(u, ENCODING.snap(d, u), "a centre snaps to itself");
        if (ENCODING.equalCells(d)) {
          assertEquals((i + 0.5) / values.size(), u, 1e-15, value + " at its cell's centre");
          for (double within : new double[] {0.01, 0.99}) {
            double inCell = (i + within) / values.size();
            assertEquals(value, ENCODING.decode(d, inCell));
            assertEquals(u, ENCODING.snap(d, inCell));
          }
        }
      }
    }
  }

  @Test
  void aLogScaleIntegersCellsAreEqualInTheLogarithm() {
    int units = 4;
    double lower = Math.log(7.5);
    double upper = Math.log(512.5);
    for (long v : new long[] {8, 9, 64, 511, 512}) {
      double centre = ((Math.log(v - 0.5) + Math.log(v + 0.5)) / 2 - lower) / (upper - lower);
      assertEquals(centre, ENCODING.encode(units, v), 1e-12);
      assertEquals(v, ENCODING.decode(units, ENCODING.snap(units, centre + 1e-4)));
    }
  }

  @Test
  void snappingMovesAnyPointToTheCoordinateOfItsValue() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 2000; i++) {
      int d = random.nextInt(ENCODING.size());
      double u = random.nextDouble(-0.2, 1.2);
      double snapped = ENCODING.snap(d, u);
      if (ENCODING.kind(d) == Kind.CONTINUOUS) {
        assertEquals(Math.min(1, Math.max(0, u)), snapped);
      } else {
        assertEquals(ENCODING.encode(d, ENCODING.decode(d, u)), snapped, d + " at " + u);
      }
    }
  }

  @Test
  void choicesAndTheirUnitCoordinatesCorrespond() {
    for (int d = 6; d <= 8; d++) {
      List<?> choices = SPACE.dimensions().get(d).gridValues(0);
      for (int c = 0; c < choices.size(); c++) {
        double u = ENCODING.unitOfChoice(d, c);
        assertEquals(c, ENCODING.choice(d, u));
        assertEquals(choices.get(c), ENCODING.decode(d, u));
        assertEquals(u, ENCODING.encode(d, choices.get(c)));
      }
      assertEquals(0, ENCODING.choice(d, -0.5));
      assertEquals(choices.size() - 1, ENCODING.choice(d, 1.0));
      assertEquals(choices.size() - 1, ENCODING.choice(d, 7.0));
    }
    assertEquals(0.25, ENCODING.unitOfChoice(8, 0));
    assertEquals(0.75, ENCODING.unitOfChoice(8, 1));
    assertEquals(false, ENCODING.decode(8, 0.25));
  }

  @Test
  void aTrialOfAnotherSpaceEncodesAsMissing() {
    Config other = SearchSpace.builder().real("x", 0, 100).integer("n", 0, 3).bool("flag").build()
        .check(Map.of("x", 50.0, "n", 2L, "flag", true));
    double[] point = ENCODING.encode(other);
    assertTrue(Double.isNaN(point[0]), "x = 50 is outside [-5, 10]");
    assertEquals(Dimension.integer("n", -4, 12).toUnit(2L), point[3]);
    assertEquals(0.75, point[8]);
    for (int d : new int[] {1, 2, 4, 5, 6, 7}) {
      assertTrue(Double.isNaN(point[d]), SPACE.dimensions().get(d).name() + " is missing");
    }
    assertNull(ENCODING.encodeIfComplete(other));
    assertNull(ENCODING.encodeIfComplete(Config.builder().build()));
  }

  @Test
  void aTrialOfAnOldVersionOfTheSpaceEncodesAsMissing() {
    // Values the space allowed before its step, choices or types changed.
    assertTrue(Double.isNaN(ENCODING.encode(2, 0.3)), "dropout 0.3 is off the step 0.25");
    assertTrue(Double.isNaN(ENCODING.encode(5, 7L)), "k = 7 is off the step 5");
    assertTrue(Double.isNaN(ENCODING.encode(3, 2.5)), "n = 2.5 is not an integer");
    assertTrue(Double.isNaN(ENCODING.encode(6, "sigmoid")), "sigmoid is no longer a choice");
    assertTrue(Double.isNaN(ENCODING.encode(7, "L3")), "L3 is not a penalty");
    assertTrue(Double.isNaN(ENCODING.encode(8, "yes")), "a flag that was a categorical");
    assertTrue(Double.isNaN(ENCODING.encode(0, "1.5")), "x that was a categorical");
    assertTrue(Double.isNaN(ENCODING.encode(0, null)));
    // A whole trial of the space before dropout's step became 0.25.
    Config origin = SPACE.fromUnit(new double[SPACE.size()]);
    Config.Builder builder = Config.builder();
    for (Dimension<?> dimension : SPACE.dimensions()) {
      if (dimension.name().equals("dropout")) {
        builder.set(Dimension.real("dropout", 0, 1).withStep(0.1), 0.3);
      } else {
        builder.set(dimension, origin.get(dimension.name()));
      }
    }
    Config stale = builder.build();
    assertTrue(Double.isNaN(ENCODING.encode(stale)[2]));
    assertFalse(Double.isNaN(ENCODING.encode(stale)[0]));
    assertNull(ENCODING.encodeIfComplete(stale));
  }

  @Test
  void aFinelySteppedRealRejectsValuesOffItsStep() {
    // More than 2^20 values, which TPE treats as continuous: the encoding still checks the step.
    RealDimension w = Dimension.real("w", 0, 4).withStep(0x1p-20);
    SpaceEncoding encoding = SpaceEncoding.of(SearchSpace.builder().add(w).build());
    assertEquals(Kind.ORDINAL, encoding.kind(0));
    assertEquals((4L << 20) + 1, encoding.cells(0));
    assertEquals(w.toUnit(1.0), encoding.encode(0, 1.0));
    assertTrue(Double.isNaN(encoding.encode(0, 1.0 + 0x1p-22)));
  }

  @Test
  void encodeOrThrowSaysWhichDimensionRejectedWhat() {
    assertEquals(ENCODING.encode(3, 5L), ENCODING.encodeOrThrow(3, 5L));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ENCODING.encodeOrThrow(0, 50.0));
    assertTrue(e.getMessage().contains("'x'") && e.getMessage().contains("50.0"), e.getMessage());
  }

  @Test
  void anEmptySpaceHasAnEmptyEncoding() {
    SpaceEncoding empty = SpaceEncoding.of(SearchSpace.builder().build());
    assertEquals(0, empty.size());
    assertArrayEquals(new double[0], empty.encodeIfComplete(Config.builder().build()));
  }
}
