package dev.tunable.internal.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TreeGrowerTest {
  private static final ForestSettings DEEP = ForestSettings.OPTUNA;

  private static double[] ones(int n) {
    double[] weights = new double[n];
    Arrays.fill(weights, 1);
    return weights;
  }

  @Test
  void fitsAStepFunctionExactlyWithOneSplitHalfwayBetweenTheSamples() {
    // x0 decides the step at 0.3; x1 is noise-free but irrelevant.
    double[][] x = new double[20][];
    double[] y = new double[20];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 20; i++) {
      x[i] = new double[] {i / 20.0 + 0.025, random.nextDouble()};
      y[i] = x[i][0] < 0.3 ? 1 : 5;
    }
    RegressionTree tree = TreeGrower.grow(x, y, ones(20), DEEP, new SplittableRandom(2));

    assertEquals(3, tree.nodeCount());
    assertEquals(0, tree.feature(0));
    assertEquals((0.275 + 0.325) / 2, tree.threshold(0), 1e-12);
    for (int i = 0; i < 20; i++) {
      assertEquals(y[i], tree.predict(x[i]));
    }
    assertEquals(1, tree.predict(new double[] {0.29, 0.5}));
    assertEquals(5, tree.predict(new double[] {0.31, 0.5}));
  }

  @Test
  void fitsAStaircaseExactlyWhenDeepEnoughAndOnlyTheFirstSplitAtDepthOne() {
    double[][] x = new double[40][];
    double[] y = new double[40];
    for (int i = 0; i < 40; i++) {
      x[i] = new double[] {i / 40.0};
      y[i] = Math.floor(x[i][0] * 4); // 0, 1, 2, 3
    }
    RegressionTree deep = TreeGrower.grow(x, y, ones(40), DEEP, new SplittableRandom(3));
    for (int i = 0; i < 40; i++) {
      assertEquals(y[i], deep.predict(x[i]));
    }
    assertEquals(7, deep.nodeCount(), "three splits, four leaves");

    RegressionTree stump = TreeGrower.grow(x, y, ones(40), new ForestSettings(1, 1, 2, 1),
        new SplittableRandom(3));
    assertEquals(3, stump.nodeCount());
    // The middle split reduces the variance most; each side predicts its mean.
    assertEquals(0.4875, stump.threshold(0), 1e-12);
    assertEquals(0.5, stump.predict(new double[] {0.1}), 1e-12);
    assertEquals(2.5, stump.predict(new double[] {0.9}), 1e-12);
  }

  @Test
  void weightsCountRowsAndRowsOfWeightZeroAreLeftOut() {
    double[][] x = {{0.1}, {0.2}, {0.8}, {0.9}};
    double[] y = {1, 4, 10, 100};
    // Row 3 is out of the bootstrap sample; row 1 was drawn three times.
    RegressionTree tree = TreeGrower.grow(x, y, new double[] {1, 3, 1, 0},
        new ForestSettings(1, 1, 2, 1), new SplittableRandom(0));
    assertEquals((1 + 3 * 4) / 4.0, tree.predict(new double[] {0.0}), 1e-12);
    assertEquals(10, tree.predict(new double[] {1.0}), 1e-12);
    assertEquals(0.5, tree.threshold(0), 1e-12);
  }

  @Test
  void aNodeStaysALeafWhenItsTargetsAreAlikeOrItsFeaturesConstant() {
    double[][] x = {{0.1, 0.5}, {0.2, 0.5}, {0.3, 0.5}};
    assertEquals(1, TreeGrower.grow(x, new double[] {2, 2, 2}, ones(3), DEEP,
        new SplittableRandom(0)).nodeCount());
    double[][] same = {{0.5}, {0.5}, {0.5}};
    RegressionTree constant = TreeGrower.grow(same, new double[] {1, 2, 6}, ones(3), DEEP,
        new SplittableRandom(0));
    assertEquals(1, constant.nodeCount());
    assertEquals(3, constant.predict(new double[] {0.5}), 1e-12);
  }

  @Test
  void minSamplesLeafKeepsThatManyRowsOnEachSide() {
    double[][] x = {{0.1}, {0.2}, {0.3}, {0.4}, {0.5}};
    double[] y = {100, 0, 0, 0, 0};
    RegressionTree tree = TreeGrower.grow(x, y, ones(5), new ForestSettings(1, 64, 2, 2),
        new SplittableRandom(0));
    assertTrue(tree.threshold(0) > 0.2, "the lone outlier may not get a leaf of its own");
  }

  @Test
  void noRowOfPositiveWeightIsAnError() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> TreeGrower.grow(new double[][] {{0.1}}, new double[] {1}, new double[] {0}, DEEP,
            new SplittableRandom(0)));
    assertTrue(error.getMessage().contains("positive weight"), error.getMessage());
  }
}
