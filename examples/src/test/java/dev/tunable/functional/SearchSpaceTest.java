package dev.tunable.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The generated {@code SPACE}: points of the unit cube become checked, typed values and back. */
class SearchSpaceTest {
  private static final SearchSpace<KnobsHyperparameters> SPACE = KnobsHyperparameters.SPACE;

  @Test
  void everyPointOfTheUnitCubeBecomesValidHyperparameters() {
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      double[] point = random.doubles(SPACE.size()).toArray();
      KnobsHyperparameters values = SPACE.create(SPACE.fromUnit(point));
      Knobs model = values.applyTo(new Knobs());
      assertEquals(values, KnobsHyperparameters.of(model));
    }
  }

  @Test
  void unitEncodingRoundTripsThroughTheTypedRecord() {
    Random random = new Random(11);
    for (int i = 0; i < 500; i++) {
      KnobsHyperparameters values = SPACE.create(SPACE.fromUnit(random.doubles(SPACE.size()).toArray()));
      double[] unit = SPACE.toUnit(values.toConfig());
      Config again = SPACE.fromUnit(unit);
      KnobsHyperparameters back = SPACE.create(again);
      // Discrete values come back exactly; continuous ones up to rounding in exp and log.
      assertEquals(values.withLearningRate(back.learningRate()).withMomentum(back.momentum()), back);
      assertEquals(values.learningRate(), back.learningRate(), 1e-12 * values.learningRate());
      assertEquals(values.momentum(), back.momentum(), 1e-6f);
      assertArrayEquals(unit, SPACE.toUnit(back.toConfig()), 1e-9);
    }
  }

  @Test
  void theCornersOfTheCubeAreTheBounds() {
    double[] zeros = new double[SPACE.size()];
    double[] ones = new double[SPACE.size()];
    java.util.Arrays.fill(ones, 1);
    KnobsHyperparameters low = SPACE.create(SPACE.fromUnit(zeros));
    KnobsHyperparameters high = SPACE.create(SPACE.fromUnit(ones));
    assertEquals(1e-4, low.learningRate(), 1e-15);
    assertEquals(0.1f, low.momentum());
    assertEquals(0.9f, high.momentum());
    assertEquals(0.5f, high.dropout());
    assertEquals(8, low.batchSize());
    assertEquals(256, high.batchSize());
    assertEquals(100, high.layers());
    assertEquals(5_000_000_000L, high.seed());
    assertEquals(Knobs.Kernel.LINEAR, low.kernel());
    assertEquals(Knobs.Kernel.RBF, high.kernel());
    assertEquals("rmsprop", high.optimizer());
  }
}
