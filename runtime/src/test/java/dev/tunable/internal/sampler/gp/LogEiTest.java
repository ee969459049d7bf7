package dev.tunable.internal.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogEiTest {
  /** h(z) = φ(z) + zΦ(z) from its definition, accurate where the terms do not cancel much. */
  private static double direct(double z) {
    return Math.log(LogEi.pdf(z) + z * LogEi.cdf(z));
  }

  @Test
  void agreesWithTheDefinitionWhereItIsAccurate() {
    assertEquals(Math.log(LogEi.pdf(0)), LogEi.logH(0), 1e-15);
    assertEquals(Math.log(2 + LogEi.pdf(2) - 2 * LogEi.cdf(-2)), LogEi.logH(2), 1e-14);
    // The continued fraction takes over below -3; at -3.5 and -4 the definition still has ~12
    // digits.
    for (double z : new double[] {-3.0000001, -3.5, -4}) {
      assertEquals(direct(z), LogEi.logH(z), 1e-10 * Math.abs(direct(z)), "z = " + z);
    }
  }

  @Test
  void followsTheAsymptoticSeriesFarIntoTheTail() {
    // h(z) = φ(z)/z² (1 - 3/z² + 15/z⁴ - 105/z⁶ + ...) as z → -∞, where the definition underflows.
    for (double z : new double[] {-40, -100, -1e4}) {
      double z2 = z * z;
      double series = -0.5 * z2 - 0.5 * Math.log(2 * Math.PI) - Math.log(z2)
          + Math.log(1 - 3 / z2 + 15 / (z2 * z2) - 105 / (z2 * z2 * z2));
      assertEquals(series, LogEi.logH(z), 1e-12 * Math.abs(series), "z = " + z);
    }
    assertEquals(Double.NEGATIVE_INFINITY, direct(-40));
  }

  @Test
  void derivativeMatchesFiniteDifferencesOnBothBranches() {
    for (double z : new double[] {-200, -30, -5, -3.01, -2.99, -1, 0, 1.5, 6}) {
      double h = 1e-6 * Math.max(1, Math.abs(z));
      double numeric = (LogEi.logH(z + h) - LogEi.logH(z - h)) / (2 * h);
      assertEquals(numeric, LogEi.dLogH(z), 1e-6 * Math.abs(numeric), "z = " + z);
    }
  }

  @Test
  void isIncreasingAndFiniteEverywhere() {
    double previous = Double.NEGATIVE_INFINITY;
    for (double z = -1000; z <= 10; z += 0.25) {
      double value = LogEi.logH(z);
      assertTrue(Double.isFinite(value) && value > previous, "z = " + z + ": " + value);
      previous = value;
    }
  }
}
