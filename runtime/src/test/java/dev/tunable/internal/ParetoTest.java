package dev.tunable.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoTest {
  /** Eight points to minimize, their fronts worked out by hand. */
  private static final double[][] POINTS = {
      {1, 5}, // 0: front 0
      {2, 3}, // 1: front 0
      {4, 1}, // 2: front 0
      {2, 5}, // 3: dominated by 0 and 1 -> front 1
      {3, 4}, // 4: dominated by 1 -> front 1
      {5, 2}, // 5: dominated by 2 -> front 1
      {5, 5}, // 6: dominated by 3, 4 and 5 -> front 2
      {4, 1}, // 7: equal to 2, neither dominates -> front 0
  };

  @Test
  void theFirstFrontAloneIsTheFirstOfTheFronts() {
    assertArrayEquals(new int[] {0, 1, 2, 7}, Pareto.firstFront(POINTS));
    SplittableRandom random = new SplittableRandom(3);
    for (int objectives = 2; objectives <= 4; objectives++) {
      double[][] points = new double[600][objectives];
      for (double[] point : points) {
        for (int m = 0; m < objectives; m++) {
          point[m] = random.nextInt(40); // coarse values, so that ties and duplicates occur
        }
      }
      assertArrayEquals(Pareto.fronts(points, new double[points.length]).get(0),
          Pareto.firstFront(points), objectives + " objectives");
    }
  }

  @Test
  void nonDominatedSortFindsTheFrontsWorkedOutByHand() {
    List<int[]> fronts = Pareto.fronts(POINTS, new double[POINTS.length]);
    assertEquals(3, fronts.size());
    assertArrayEquals(new int[] {0, 1, 2, 7}, fronts.get(0));
    assertArrayEquals(new int[] {3, 4, 5}, fronts.get(1));
    assertArrayEquals(new int[] {6}, fronts.get(2));
  }

  @Test
  void feasiblePointsComeFirstThenSmallerViolations() {
    double[] violations = {0, 2, 0, 0, 1, 0, 0, 3};
    List<int[]> fronts = Pareto.fronts(POINTS, violations);
    // Feasible 0, 2, 3, 5, 6: 0 and 2 non-dominated; 3 and 5 next; 6 last; then the infeasible
    // by violation: 4 (1), 1 (2), 7 (3).
    assertArrayEquals(new int[] {0, 2}, fronts.get(0));
    assertArrayEquals(new int[] {3, 5}, fronts.get(1));
    assertArrayEquals(new int[] {6}, fronts.get(2));
    assertArrayEquals(new int[] {4}, fronts.get(3));
    assertArrayEquals(new int[] {1}, fronts.get(4));
    assertArrayEquals(new int[] {7}, fronts.get(5));
  }

  @Test
  void dominationNeedsOneStrictImprovement() {
    assertTrue(Pareto.dominates(new double[] {1, 2}, 0, new double[] {1, 3}, 0));
    assertFalse(Pareto.dominates(new double[] {1, 2}, 0, new double[] {1, 2}, 0));
    assertFalse(Pareto.dominates(new double[] {1, 4}, 0, new double[] {2, 3}, 0));
    assertTrue(Pareto.dominates(new double[] {9, 9}, 0, new double[] {1, 1}, 0.5));
    assertTrue(Pareto.dominates(new double[] {9, 9}, 0.5, new double[] {1, 1}, 0.7));
  }

  @Test
  void violationSumsThePositiveConstraintValues() {
    assertEquals(0, Pareto.violation(new double[] {-1, 0, -3}));
    assertEquals(2.5, Pareto.violation(new double[] {-1, 2, 0.5}));
  }

  @Test
  void crowdingDistanceMatchesTheHandComputedOne() {
    // Front 0 of POINTS without the duplicate: (1,5), (2,3), (4,1). Ranges: f1 3, f2 4.
    // The middle point (2,3): (4-1)/3 + (5-1)/4 = 2; the ends are infinite.
    double[] distance = Pareto.crowding(POINTS, new int[] {0, 1, 2});
    assertEquals(Double.POSITIVE_INFINITY, distance[0]);
    assertEquals(2.0, distance[1], 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, distance[2]);
    // Five points on a line f2 = 6 - f1 at f1 = 1, 2, 4, 5, 5.5: ranges 4.5 in both objectives.
    double[][] line = {{1, 5}, {2, 4}, {4, 2}, {5, 1}, {5.5, 0.5}};
    double[] spread = Pareto.crowding(line, new int[] {0, 1, 2, 3, 4});
    assertEquals(2 * (4 - 1) / 4.5, spread[1], 1e-12);
    assertEquals(2 * (5 - 2) / 4.5, spread[2], 1e-12);
    assertEquals(2 * (5.5 - 4) / 4.5, spread[3], 1e-12);
    assertEquals(Double.POSITIVE_INFINITY, spread[4]);
  }
}
