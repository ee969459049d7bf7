package dev.tunable.internal.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RandomForestTest {
  private static double[][] points(int n, int features, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][features];
    for (double[] row : x) {
      for (int f = 0; f < features; f++) {
        row[f] = random.nextDouble();
      }
    }
    return x;
  }

  @Test
  void aStepFunctionIsPredictedExactlyAwayFromTheStep() {
    double[][] x = points(200, 3, 1);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i][1] > 0.5 ? 3 : -1;
    }
    RandomForest forest = RandomForest.fit(x, y, ForestSettings.OPTUNA, 7);
    assertEquals(64, forest.trees().size());
    // Every bootstrap sample has rows on both sides within 0.1 of the step.
    assertEquals(3, forest.predict(new double[] {0.2, 0.6, 0.9}), 1e-12);
    assertEquals(-1, forest.predict(new double[] {0.7, 0.4, 0.1}), 1e-12);
  }

  @Test
  void theSameSeedGivesTheSameForestAndAnotherSeedAnother() {
    double[][] x = points(100, 2, 2);
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.sin(6 * x[i][0]) + x[i][1];
    }
    double[] probe = {0.33, 0.66};
    double once = RandomForest.fit(x, y, ForestSettings.OPTUNA, 5).predict(probe);
    assertEquals(once, RandomForest.fit(x, y, ForestSettings.OPTUNA, 5).predict(probe));
    assertNotEquals(once, RandomForest.fit(x, y, ForestSettings.OPTUNA, 6).predict(probe));
    // Bootstrap: a tree's leaves do not hold every row, so the forest does not interpolate
    // exactly, but it is close on a smooth function.
    double truth = Math.sin(6 * 0.33) + 0.66;
    assertEquals(truth, once, 0.15);
  }

  @Test
  void mismatchedRowsAreErrors() {
    IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
        () -> RandomForest.fit(new double[][] {{1}, {2}}, new double[] {1}, ForestSettings.OPTUNA,
            0));
    assertTrue(lengths.getMessage().contains("2 rows and 1 targets"), lengths.getMessage());
    IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
        () -> RandomForest.fit(new double[][] {{1, 2}, {2}}, new double[] {1, 2},
            ForestSettings.OPTUNA, 0));
    assertTrue(ragged.getMessage().contains("row 1 has 1 features"), ragged.getMessage());
  }

  @Test
  void settingsOutOfRangeAreNamed() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ForestSettings(0, 64, 2, 1));
    assertEquals("trees is 0; it must be at least 1", error.getMessage());
  }
}
