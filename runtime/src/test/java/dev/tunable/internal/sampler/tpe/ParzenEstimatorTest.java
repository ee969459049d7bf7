package dev.tunable.internal.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Dimension;
import dev.tunable.SearchSpace;
import dev.tunable.internal.sampler.SpaceEncoding;
import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {
  private static final Coordinate REAL = coordinate(Dimension.real("x", 0, 1));
  private static final Coordinate FIVE_CELLS = coordinate(Dimension.integer("n", 1, 5));
  private static final Coordinate THREE_CHOICES =
      coordinate(Dimension.categorical("c", "a", "b", "c"));

  /** TPE's coordinate for {@code dimension}, the only one of its space. */
  private static Coordinate coordinate(Dimension<?> dimension) {
    return Coordinate.of(SpaceEncoding.of(SearchSpace.builder().add(dimension).build()), 0);
  }

  @Test
  void tailMassesAgreeWithCommonsMathErfc() {
    for (double z = 0; z < 37; z += 0.01) {
      double exact = 0.5 * Erf.erfc(z / Math.sqrt(2));
      double relative = Math.abs(ParzenEstimator.upperTail(z) / exact - 1);
      assertTrue(relative < 1e-4, "z = " + z + ": relative error " + relative);
    }
    assertEquals(0.6826894921, ParzenEstimator.mass(-1, 1), 1e-7);
    assertEquals(0.0227501319 - 0.0013498980, ParzenEstimator.mass(2, 3), 1e-6);
    assertEquals(0.0227501319 - 0.0013498980, ParzenEstimator.mass(-3, -2), 1e-6);
  }

  @Test
  void bandwidthsAreTheLargerGapToTheNeighboursClippedAndThePriorSpansTheRange() {
    // Centres 0.2, 0.9 and the prior's 0.5; with the ends: 0 | 0.2 0.5 0.9 | 1. The outermost
    // observations take their inner gap (0.3 and 0.4), then the clip raises all to 1/min(100, 4).
    ParzenEstimator estimator = estimator(REAL, 0.2, 0.9);
    assertEquals(0.3, estimator.bandwidth(0, 0), 1e-12);
    assertEquals(0.4, estimator.bandwidth(0, 1), 1e-12);
    assertEquals(1.0, estimator.bandwidth(0, 2), 1e-12);
    // 0.2's inner gap of 0.01 is clipped up to 0.25; 0.21 takes its gap of 0.29 to the prior.
    ParzenEstimator clipped = estimator(REAL, 0.2, 0.21);
    assertEquals(0.25, clipped.bandwidth(0, 0), 1e-12);
    assertEquals(0.29, clipped.bandwidth(0, 1), 1e-12);
  }

  @Test
  void univariateContinuousKernelsAreWeightedByTheirBandwidth() {
    double[] observed = {0.02, 0.3, 0.31, 0.97};
    ParzenEstimator estimator = estimator(REAL, observed);
    ParzenEstimator forDensity = ParzenEstimator.forDensity(
        new Coordinate[] {REAL}, new double[][] {observed}, 4, MixtureWeights.of(4));
    double[] centres = {0.02, 0.3, 0.31, 0.97, 0.5};
    double[][] points = {{0}, {0.1}, {0.305}, {0.6}, {1}};
    double[] log = new double[points.length];
    double[] fast = new double[points.length];
    estimator.logDensity(points, log, new double[estimator.components()]);
    forDensity.logDensity(points, fast, new double[estimator.components()]);
    NormalDistribution normal = new NormalDistribution(0, 1);
    for (int p = 0; p < points.length; p++) {
      // Each of the five equal weights times the kernel's truncated density times its bandwidth.
      double expected = 0;
      for (int k = 0; k < 5; k++) {
        double sigma = estimator.bandwidth(0, k);
        double z = (points[p][0] - centres[k]) / sigma;
        double kept = normal.cumulativeProbability((1 - centres[k]) / sigma)
            - normal.cumulativeProbability(-centres[k] / sigma);
        expected += 0.2 * normal.density(z) / kept;
      }
      assertEquals(Math.log(expected), log[p], 1e-6, "x = " + points[p][0]);
      assertEquals(Math.log(expected), fast[p], 1e-6, "x = " + points[p][0] + ", density only");
    }
    // So the score integrates to the weighted mean bandwidth, not to 1.
    double meanBandwidth =
        IntStream.range(0, 5).mapToDouble(k -> 0.2 * estimator.bandwidth(0, k)).sum();
    assertEquals(meanBandwidth, integral(estimator, 1, 20000), 1e-4);
  }

  @Test
  void multivariateContinuousDensityIntegratesToOneOverTheUnitSquare() {
    Coordinate other = coordinate(Dimension.real("y", 0, 1));
    double[][] observed = {{0.02, 0.3, 0.31, 0.97}, {0.5, 0.1, 0.12, 0.9}};
    ParzenEstimator estimator = new ParzenEstimator(
        new Coordinate[] {REAL, other}, observed, 4, MixtureWeights.of(4));
    assertEquals(1, integral(estimator, 2, 400), 1e-4);
  }

  /** The integral of exp(logDensity) over the unit cube of {@code d} dimensions, by midpoints. */
  private static double integral(ParzenEstimator estimator, int d, int steps) {
    int count = (int) Math.pow(steps, d);
    double[][] points = new double[count][d];
    for (int i = 0; i < count; i++) {
      for (int j = 0, rest = i; j < d; j++, rest /= steps) {
        points[i][j] = (rest % steps + 0.5) / steps;
      }
    }
    double[] log = new double[count];
    estimator.logDensity(points, log, new double[estimator.components()]);
    return Arrays.stream(log).map(Math::exp).sum() / count;
  }

  @Test
  void categoricalMassesSumToOneAndDiscreteOnesToTheMeanBandwidth() {
    for (Coordinate coordinate : new Coordinate[] {FIVE_CELLS, THREE_CHOICES}) {
      boolean categorical = coordinate.kind() == Coordinate.Kind.CATEGORICAL;
      int size = coordinate.size();
      ParzenEstimator estimator =
          categorical ? estimator(coordinate, 0, 0, 2) : estimator(coordinate, 0.1, 0.1, 0.9);
      double[][] points = new double[size][1];
      for (int i = 0; i < size; i++) {
        points[i][0] = categorical ? i : (i + 0.5) / size;
      }
      double[] log = new double[size];
      estimator.logDensity(points, log, new double[estimator.components()]);
      // Univariate discrete kernels are weighted by their bandwidths, as continuous ones are.
      double expected = categorical ? 1 : IntStream.range(0, 4)
          .mapToDouble(k -> 0.25 * estimator.bandwidth(0, k)).sum();
      double sum = Arrays.stream(log).map(Math::exp).sum();
      assertEquals(expected, sum, 1e-6, coordinate.toString());
      assertTrue(log[0] > log[size - 1], "the value seen twice is the likeliest");
    }
  }

  @Test
  void samplesFollowTheDensity() {
    ParzenEstimator estimator = estimator(THREE_CHOICES, 0, 0, 2);
    double[] log = new double[3];
    estimator.logDensity(new double[][] {{0}, {1}, {2}}, log, new double[estimator.components()]);
    SplittableRandom random = new SplittableRandom(3);
    int[] counts = new int[3];
    double[] point = new double[1];
    int draws = 200_000;
    for (int i = 0; i < draws; i++) {
      estimator.sample(random, point);
      counts[(int) point[0]]++;
    }
    for (int c = 0; c < 3; c++) {
      assertEquals(Math.exp(log[c]), counts[c] / (double) draws, 0.005, "choice " + c);
    }
  }

  @Test
  void samplesOfDiscreteCoordinatesAreCellCentres() {
    ParzenEstimator estimator = estimator(FIVE_CELLS, 0.3, 0.7);
    SplittableRandom random = new SplittableRandom(5);
    double[] point = new double[1];
    for (int i = 0; i < 1000; i++) {
      estimator.sample(random, point);
      double cell = point[0] * 5 - 0.5;
      assertEquals(Math.rint(cell), cell, 1e-9);
    }
  }

  @Test
  void densityOfAThousandKernelsMatchesTheirFullSum() {
    // Kernels are worked out only near the points asked about; none that matters may be missed,
    // wherever the observations crowd (here a tenth of them within 0.01 of the lower end).
    SplittableRandom random = new SplittableRandom(5);
    int n = 1000;
    double[] observed = new double[n];
    for (int i = 0; i < n; i++) {
      observed[i] = i % 10 == 0 ? 0.01 * random.nextDouble() : random.nextDouble();
    }
    ParzenEstimator full = estimator(REAL, observed);
    MixtureWeights weights = MixtureWeights.of(n);
    ParzenEstimator forDensity = ParzenEstimator.forDensity(
        new Coordinate[] {REAL}, new double[][] {observed}, n, weights);
    double[][] points = new double[60][1];
    for (int p = 0; p < points.length; p++) {
      points[p][0] = p < 3 ? 0.5 * p : p < 30 ? 0.02 * random.nextDouble() : random.nextDouble();
    }
    double[] log = new double[points.length];
    forDensity.logDensity(points, log, new double[n + 1]);
    NormalDistribution normal = new NormalDistribution(0, 1);
    for (int p = 0; p < points.length; p++) {
      double x = points[p][0];
      double expected = 0;
      for (int k = 0; k <= n; k++) {
        double centre = k < n ? observed[k] : 0.5;
        double sigma = full.bandwidth(0, k);
        double kept = normal.cumulativeProbability((1 - centre) / sigma)
            - normal.cumulativeProbability(-centre / sigma);
        expected += Math.exp(weights.logWeights()[k])
            * normal.density((x - centre) / sigma) / kept;
      }
      assertEquals(Math.log(expected), log[p], 1e-6, "x = " + x);
    }
  }

  @Test
  void sortedOrderMatchesAPlainSortWithTies() {
    SplittableRandom random = new SplittableRandom(11);
    for (int m : new int[] {1, 2, 17, 1000}) {
      double[] values = new double[m];
      for (int i = 0; i < m; i++) {
        values[i] = random.nextInt(4) == 0 ? 0.25 : random.nextDouble();
      }
      int[] expected = IntStream.range(0, m).boxed()
          .sorted(Comparator.<Integer>comparingDouble(i -> values[i]).thenComparing(i -> i))
          .mapToInt(Integer::intValue)
          .toArray();
      assertArrayEquals(expected, ParzenEstimator.sortedOrder(values), "m = " + m);
    }
  }

  @Test
  void everyObservationAndThePriorWeighTheSame() {
    MixtureWeights weights = MixtureWeights.of(30);
    for (int k = 0; k <= 30; k++) {
      assertEquals(Math.log(1.0 / 31), weights.logWeights()[k], 1e-12, "component " + k);
      assertEquals((k + 1) / 31.0, weights.cumulative()[k], 1e-12, "component " + k);
    }
  }

  private static ParzenEstimator estimator(Coordinate coordinate, double... observations) {
    return new ParzenEstimator(
        new Coordinate[] {coordinate}, new double[][] {observations}, observations.length,
        MixtureWeights.of(observations.length));
  }
}
