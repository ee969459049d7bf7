package dev.tunable.internal.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LeafBoxesTest {
  private static final int LEAF = RegressionTree.LEAF;

  /**
   * x0 <= 0.5: 0; otherwise x1 <= 0.25: 4, else 8. On the unit square: leaves of volume 1/2, 1/8
   * and 3/8; mean 3.5; variance 13.75; main effect of x0 takes 0 and 7 (variance 12.25), of x1
   * takes 2 and 4 on 1/4 and 3/4 (variance 0.75); the interaction is the other 0.75.
   */
  private static RegressionTree handMade() {
    return new RegressionTree(
        new int[] {0, LEAF, 1, LEAF, LEAF},
        new double[] {0.5, 0, 0.25, 0, 0},
        new int[] {1, -1, 3, -1, -1},
        new int[] {2, -1, 4, -1, -1},
        new double[] {3.5, 0, 7, 4, 8});
  }

  @Test
  void varianceAndMainEffectsOfAHandMadeTree() {
    LeafBoxes boxes = LeafBoxes.of(handMade(), new double[] {0, 0}, new double[] {1, 1});
    assertEquals(3, boxes.leafCount());
    assertEquals(13.75, boxes.variance(), 1e-12);
    assertEquals(12.25, boxes.marginalVariance(0), 1e-12);
    assertEquals(0.75, boxes.marginalVariance(1), 1e-12);
    assertEquals(13.75, boxes.marginalVariance(0, 1), 1e-12, "both features: the whole variance");
  }

  @Test
  void theSpacesBoxWeighsTheLeaves() {
    // x0 over [0, 2]: the leaf x0 <= 0.5 is a quarter of the space, not half.
    LeafBoxes boxes = LeafBoxes.of(handMade(), new double[] {0, 0}, new double[] {2, 1});
    double mean = 0.75 * 7; // the right side averages 0.25 * 4 + 0.75 * 8 = 7
    assertEquals(0.25 * mean * mean + 0.75 * (7 - mean) * (7 - mean),
        boxes.marginalVariance(0), 1e-12);
    double x1Low = 0.25 * 0 + 0.75 * 4;
    double x1High = 0.25 * 0 + 0.75 * 8;
    assertEquals(0.25 * Math.pow(x1Low - mean, 2) + 0.75 * Math.pow(x1High - mean, 2),
        boxes.marginalVariance(1), 1e-12);
  }

  @Test
  void mainEffectsAgreeWithOptunasSumOverTheGridOfSplitMidpoints() {
    SplittableRandom random = new SplittableRandom(11);
    double[][] x = new double[60][3];
    double[] y = new double[60];
    for (int i = 0; i < 60; i++) {
      for (int f = 0; f < 3; f++) {
        x[i][f] = random.nextDouble();
      }
      y[i] = x[i][0] * x[i][1] + Math.sin(5 * x[i][2]) + 0.3 * x[i][0];
    }
    RegressionTree tree = RandomForest.fit(x, y, ForestSettings.OPTUNA, 3).trees().get(0);
    LeafBoxes boxes = LeafBoxes.of(tree, new double[3], new double[] {1, 1, 1});
    assertEquals(gridVariance(tree, new int[] {0, 1, 2}), boxes.variance(), 1e-9);
    for (int[] group : new int[][] {{0}, {1}, {2}, {0, 2}, {1, 2}}) {
      assertEquals(gridVariance(tree, group), boxes.marginalVariance(group), 1e-9);
    }
  }

  /**
   * The variance of the group's main effect as Optuna computes it: over the grid of cells
   * between the tree's split values in the group's features, each cell's prediction averaged
   * over the grid of the other features, weighted by the cells' sizes.
   */
  private static double gridVariance(RegressionTree tree, int[] group) {
    double[][] edges = new double[3][];
    for (int f = 0; f < 3; f++) {
      TreeSet<Double> splits = new TreeSet<>();
      splits.add(0.0);
      splits.add(1.0);
      for (int node = 0; node < tree.nodeCount(); node++) {
        if (tree.feature(node) == f) {
          splits.add(tree.threshold(node));
        }
      }
      edges[f] = splits.stream().mapToDouble(Double::doubleValue).toArray();
    }
    boolean[] inGroup = new boolean[3];
    for (int f : group) {
      inGroup[f] = true;
    }
    // Sum over every cell of the full grid, collecting per cell of the group's grid.
    java.util.Map<String, double[]> byGroupCell = new java.util.HashMap<>();
    int[] index = new int[3];
    while (true) {
      double[] point = new double[3];
      double size = 1;
      StringBuilder key = new StringBuilder();
      for (int f = 0; f < 3; f++) {
        point[f] = (edges[f][index[f]] + edges[f][index[f] + 1]) / 2;
        size *= edges[f][index[f] + 1] - edges[f][index[f]];
        if (inGroup[f]) {
          key.append(index[f]).append(',');
        }
      }
      double[] cell = byGroupCell.computeIfAbsent(key.toString(), k -> new double[2]);
      cell[0] += size * tree.predict(point);
      cell[1] += size;
      int f = 0;
      while (f < 3 && ++index[f] == edges[f].length - 1) {
        index[f++] = 0;
      }
      if (f == 3) {
        break;
      }
    }
    double mean = 0;
    for (double[] cell : byGroupCell.values()) {
      mean += cell[0];
    }
    double variance = 0;
    for (double[] cell : byGroupCell.values()) {
      double effect = cell[0] / cell[1];
      variance += cell[1] * (effect - mean) * (effect - mean);
    }
    return variance;
  }

  @Test
  void boundsThatAreNotABoxAreErrors() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> LeafBoxes.of(handMade(), new double[] {0, 1}, new double[] {1, 1}));
    assertTrue(error.getMessage().contains("feature 1 has bounds [1.0, 1.0]"), error.getMessage());
  }

  @Test
  void aTreeWithChildrenBeforeTheirParentIsAnError() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new RegressionTree(new int[] {0, LEAF}, new double[2], new int[] {0, -1},
            new int[] {1, -1}, new double[2]));
    assertTrue(error.getMessage().startsWith("node 0 has children 0 and 1"), error.getMessage());
  }
}
