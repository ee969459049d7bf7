package dev.tunable.internal.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ModelledSubsetTest {
  private static final boolean[] ORDERED = {false, false};

  @Test
  void upToItsSizeEveryObservationIsModelled() {
    double[][] x = points(ModelledSubset.SIZE, 1);
    assertEquals(IntStream.range(0, 150).boxed().toList(),
        ModelledSubset.of(x, new double[x.length], 150, ORDERED));
  }

  @Test
  void beyondItKeepsTheBestTheRecentAndPointsSpreadOverTheSpace() {
    int count = 1000;
    double[][] x = points(count, 2);
    // Half of the points crowd into a small corner; the best are elsewhere, in the middle.
    double[] scores = new double[count];
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        x[i] = new double[] {0.05 * x[i][0], 0.05 * x[i][1]};
      }
      scores[i] = Math.hypot(x[i][0] - 0.5, x[i][1] - 0.5);
    }
    List<Integer> subset = ModelledSubset.of(x, scores, count, ORDERED);
    assertEquals(ModelledSubset.SIZE, subset.size());
    assertEquals(ModelledSubset.SIZE, new HashSet<>(subset).size(), "distinct");
    assertEquals(subset.stream().sorted().toList(), subset, "ascending");
    Set<Integer> chosen = new HashSet<>(subset);
    IntStream.range(0, count).boxed()
        .sorted((a, b) -> Double.compare(scores[a], scores[b]))
        .limit(ModelledSubset.BEST)
        .forEach(i -> assertTrue(chosen.contains(i), "best point " + i));
    for (int i = count - ModelledSubset.RECENT; i < count; i++) {
      assertTrue(chosen.contains(i), "recent point " + i);
    }
    // Spread: the crowded corner holds half of the points but few of the chosen ones.
    long inCorner = subset.stream().filter(i -> x[i][0] < 0.05 && x[i][1] < 0.05).count();
    assertTrue(inCorner < 0.15 * ModelledSubset.SIZE, inCorner + " chosen in the corner");
    // Every point of the space lies near a chosen one.
    for (int i = 0; i < count; i++) {
      double nearest = Double.POSITIVE_INFINITY;
      for (int c : subset) {
        nearest = Math.min(nearest, Math.hypot(x[i][0] - x[c][0], x[i][1] - x[c][1]));
      }
      assertTrue(nearest < 0.1, "point " + i + " is " + nearest + " from the subset");
    }
    assertEquals(subset, ModelledSubset.of(x, scores, count, ORDERED), "a function of its input");
  }

  private static double[][] points(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[count][];
    for (int i = 0; i < count; i++) {
      x[i] = new double[] {random.nextDouble(), random.nextDouble()};
    }
    return x;
  }
}
