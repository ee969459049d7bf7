package dev.tunable.internal.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {
  private static final boolean[] MIXED = {false, false, true};

  /** Points with two ordered coordinates and one categorical one of three choices. */
  private static double[][] points(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      x[i] = new double[] {random.nextDouble(), random.nextDouble(), (random.nextInt(3) + 0.5) / 3};
    }
    return x;
  }

  private static double[] values(double[][] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = Math.sin(6 * x[i][0]) + (x[i][1] - 0.3) * (x[i][1] - 0.3) + (x[i][2] < 0.5 ? 1 : 0);
    }
    return y;
  }

  @Test
  void interpolatesNoiselessDataAndIsUncertainFarFromIt() {
    double[][] x = points(20, 1);
    double[] y = values(x);
    Kernel kernel = new Kernel(new double[] {4, 4, 1}, 2, 1e-8);
    GaussianProcess gp = new GaussianProcess(x, y, MIXED, kernel);
    double[] out = new double[2];
    for (int i = 0; i < x.length; i++) {
      gp.predict(x[i], out, null, null);
      assertEquals(y[i], out[0], 1e-4, "mean at point " + i);
      assertEquals(0, out[1], 1e-4, "variance at point " + i);
    }
    // Far away in every ordered coordinate and on a choice never seen: back to the prior, whose
    // mean, with too few points for a curvature, is a constant that weighs two symmetric
    // observations equally.
    GaussianProcess oneChoice = new GaussianProcess(
        new double[][] {{0, 0, 0.5 / 3}, {0.1, 0, 0.5 / 3}}, new double[] {1, 2}, MIXED, kernel);
    oneChoice.predict(new double[] {50, 50, 2.5 / 3}, out, null, null);
    assertEquals(1.5, out[0], 1e-9);
    assertEquals(2, out[1], 1e-9);
  }

  @Test
  void farFromTheDataTheMeanFollowsTheBowlTheDataShow() {
    // Values on a bowl about the centre, 2 + 3·q(x), seen only in the middle of the square.
    double[][] x = new double[9][];
    double[] y = new double[9];
    for (int i = 0; i < 9; i++) {
      x[i] = new double[] {0.35 + 0.15 * (i % 3), 0.35 + 0.15 * (i / 3)};
      y[i] = 2 + 3 * ((x[i][0] - 0.5) * (x[i][0] - 0.5) + (x[i][1] - 0.5) * (x[i][1] - 0.5));
    }
    GaussianProcess gp = new GaussianProcess(
        x, y, new boolean[2], new Kernel(new double[] {400, 400}, 1, 1e-8));
    double[] out = new double[2];
    double[] meanGradient = new double[2];
    double[] varianceGradient = new double[2];
    // A corner, many length scales from every point: the trend alone, 2 + 3·0.5.
    gp.predict(new double[] {1, 1}, out, meanGradient, varianceGradient);
    assertEquals(3.5, out[0], 1e-6);
    assertEquals(3, meanGradient[0], 1e-6);
    assertEquals(3, meanGradient[1], 1e-6);
    assertEquals(1, out[1], 1e-6);
    double[] means = new double[1];
    double[] variances = new double[1];
    gp.predictAll(new double[][] {{0, 1}}, means, variances);
    assertEquals(3.5, means[0], 1e-6);
  }

  @Test
  void predictingManyPointsAtOnceGivesWhatEachPointGives() {
    double[][] x = points(45, 5);
    GaussianProcess gp =
        new GaussianProcess(x, values(x), MIXED, new Kernel(new double[] {5, 2, 0.7}, 1.1, 1e-5));
    // 70 points: two full blocks and a partial one; the last ones repeat training points.
    double[][] points = points(70, 6);
    System.arraycopy(x, 0, points, 60, 10);
    double[] means = new double[points.length];
    double[] variances = new double[points.length];
    gp.predictAll(points, means, variances);
    double[] out = new double[2];
    for (int p = 0; p < points.length; p++) {
      gp.predict(points[p], out, null, null);
      assertEquals(out[0], means[p], 1e-12, "mean at point " + p);
      assertEquals(out[1], variances[p], 1e-12, "variance at point " + p);
    }
  }

  @Test
  void gradientsOfMeanAndVarianceMatchFiniteDifferences() {
    double[][] x = points(15, 2);
    GaussianProcess gp =
        new GaussianProcess(x, values(x), MIXED, new Kernel(new double[] {3, 7, 0.5}, 1.3, 1e-4));
    double[] point = {0.37, 0.61, 1.5 / 3};
    double[] meanGradient = new double[3];
    double[] varianceGradient = new double[3];
    double[] out = new double[2];
    gp.predict(point, out, meanGradient, varianceGradient);
    for (int d = 0; d < 2; d++) {
      double[] up = point.clone();
      double[] down = point.clone();
      up[d] += 1e-6;
      down[d] -= 1e-6;
      double[] high = new double[2];
      double[] low = new double[2];
      gp.predict(up, high, null, null);
      gp.predict(down, low, null, null);
      assertEquals((high[0] - low[0]) / 2e-6, meanGradient[d], 1e-6, "mean, coordinate " + d);
      assertEquals(
          (high[1] - low[1]) / 2e-6, varianceGradient[d], 1e-6, "variance, coordinate " + d);
    }
    assertEquals(0, meanGradient[2], "no gradient along a categorical coordinate");
  }

  @Test
  void objectiveGradientMatchesFiniteDifferences() {
    double[][] x = points(25, 3);
    double[] y = values(x);
    KernelFit fit = new KernelFit(x, y, MIXED);
    double[] parameters = {Math.log(2), Math.log(5), Math.log(0.7), Math.log(1.4), Math.log(1e-3)};
    double[] gradient = new double[parameters.length];
    fit.negativeObjective(parameters, gradient);
    for (int p = 0; p < parameters.length; p++) {
      double[] up = parameters.clone();
      double[] down = parameters.clone();
      up[p] += 1e-6;
      down[p] -= 1e-6;
      double numeric =
          (fit.negativeObjective(up, new double[5]) - fit.negativeObjective(down, new double[5]))
              / 2e-6;
      assertEquals(numeric, gradient[p], 1e-5 * Math.max(1, Math.abs(numeric)), "parameter " + p);
    }
  }

  @Test
  void fitGivesIrrelevantCoordinatesLongLengthScales() {
    // f depends on x0 only: automatic relevance determination should find that out.
    SplittableRandom random = new SplittableRandom(4);
    double[][] x = new double[40][];
    double[] y = new double[40];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
      y[i] = Math.sin(5 * x[i][0]);
    }
    standardize(y);
    Kernel kernel = KernelFit.fit(x, y, new boolean[3], new SplittableRandom(5));
    double[] theta = kernel.inverseSquaredLengths();
    assertTrue(theta[0] > 20 * theta[1] && theta[0] > 20 * theta[2],
        "θ = " + java.util.Arrays.toString(theta));
    assertTrue(kernel.noise() < 1e-2, "noise " + kernel.noise());
  }

  @Test
  void fitEstimatesTheNoiseOfNoisyData() {
    SplittableRandom random = new SplittableRandom(6);
    double[][] x = new double[60][];
    double[] y = new double[60];
    for (int i = 0; i < x.length; i++) {
      x[i] = new double[] {random.nextDouble()};
      y[i] = x[i][0] + 0.5 * random.nextGaussian();
    }
    standardize(y);
    // Mostly noise: about 0.75 of the standardized variance is noise.
    Kernel kernel = KernelFit.fit(x, y, new boolean[1], new SplittableRandom(7));
    assertTrue(kernel.noise() > 0.3 && kernel.noise() < 1.2, "noise " + kernel.noise());
    // Told the objective is deterministic, the fit keeps the noise at its floor regardless.
    Kernel noiseless = KernelFit.fit(x, y, new boolean[1], new SplittableRandom(7), true);
    assertEquals(KernelFit.NOISE_FLOOR, noiseless.noise(), 1e-8);
  }

  private static void standardize(double[] y) {
    double mean = java.util.Arrays.stream(y).average().orElseThrow();
    double sd = Math.sqrt(java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).average()
        .orElseThrow());
    for (int i = 0; i < y.length; i++) {
      y[i] = (y[i] - mean) / sd;
    }
  }
}
