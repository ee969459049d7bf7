package dev.tunable.internal.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import java.util.List;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class SobolSamplerTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.sobol(seed);
  }

  @Override
  protected boolean learnsFromValues() {
    return false;
  }

  private static SearchSpace<Config> unitCube(int dimensions) {
    SearchSpace.Builder builder = SearchSpace.builder();
    for (int i = 0; i < dimensions; i++) {
      builder.real("u" + i, 0, 1);
    }
    return builder.build();
  }

  private static double[][] points(Sampler sampler, int dimensions, int n) {
    SearchSpace<Config> space = unitCube(dimensions);
    double[][] points = new double[n][];
    for (int i = 0; i < n; i++) {
      points[i] = space.toUnit(sampler.sample(context(space, i, List.of())));
    }
    return points;
  }

  /** The L2-star discrepancy, by Warnock's formula: lower means more even. */
  static double l2StarDiscrepancy(double[][] x) {
    int n = x.length;
    int d = x[0].length;
    double single = 0;
    for (double[] point : x) {
      double product = 1;
      for (double u : point) {
        product *= 1 - u * u;
      }
      single += product;
    }
    double pairs = 0;
    for (double[] a : x) {
      for (double[] b : x) {
        double product = 1;
        for (int k = 0; k < d; k++) {
          product *= 1 - Math.max(a[k], b[k]);
        }
        pairs += product;
      }
    }
    return Math.sqrt(Math.pow(3, -d) - Math.pow(2, 1 - d) / n * single + pairs / ((double) n * n));
  }

  @Test
  void discrepancyIsLowerThanRandomSamples() {
    for (int dimensions : new int[] {2, 5}) {
      double sobolTotal = 0;
      double randomTotal = 0;
      for (long seed = 1; seed <= 5; seed++) {
        double sobol = l2StarDiscrepancy(points(Samplers.sobol(seed), dimensions, 256));
        double random = l2StarDiscrepancy(points(Samplers.random(seed), dimensions, 256));
        assertTrue(sobol < random,
            "d=" + dimensions + " seed " + seed + ": sobol " + sobol + ", random " + random);
        sobolTotal += sobol;
        randomTotal += random;
      }
      assertTrue(sobolTotal < 0.6 * randomTotal,
          "d=" + dimensions + ": sobol " + sobolTotal + ", random " + randomTotal);
    }
  }

  @Test
  void trialNIsPointNPlusOneShiftedByTheSeed() {
    double[][] shifted = points(Samplers.sobol(11), 3, 8);
    SobolSequenceGenerator sequence = new SobolSequenceGenerator(3);
    double[] corner = sequence.nextVector();
    assertEquals(List.of(0.0, 0.0, 0.0), List.of(corner[0], corner[1], corner[2]));
    double[] shift = null;
    for (double[] point : shifted) {
      double[] raw = sequence.nextVector();
      double[] delta = new double[3];
      for (int k = 0; k < 3; k++) {
        delta[k] = point[k] - raw[k] < 0 ? point[k] - raw[k] + 1 : point[k] - raw[k];
      }
      if (shift == null) {
        shift = delta;
      }
      for (int k = 0; k < 3; k++) {
        assertEquals(shift[k], delta[k], 1e-12, "one shift, modulo 1, for every point");
      }
    }
    double[] otherShift = points(Samplers.sobol(12), 3, 1)[0];
    assertNotEquals(shifted[0][0], otherShift[0], "the shift depends on the seed");
  }

  @Test
  void marginalsAreUniform() {
    double[][] points = points(Samplers.sobol(3), 4, 1000);
    for (int k = 0; k < 4; k++) {
      int dimension = k;
      double[] column = java.util.Arrays.stream(points).mapToDouble(p -> p[dimension]).toArray();
      // Far more even than random points, whose statistic would be near 0.03 here.
      double d = new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(
          new UniformRealDistribution(0, 1), column);
      assertTrue(d < 0.01, "dimension " + k + ": D = " + d);
    }
  }
}
