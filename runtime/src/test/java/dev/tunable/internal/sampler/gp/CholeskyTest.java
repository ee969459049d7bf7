package dev.tunable.internal.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CholeskyTest {
  /** A random symmetric positive definite n×n matrix, BBᵀ + I, lower triangle and all. */
  private static double[] spd(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] b = new double[n * n];
    for (int i = 0; i < b.length; i++) {
      b[i] = random.nextDouble(-1, 1);
    }
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = i == j ? 1 : 0;
        for (int k = 0; k < n; k++) {
          s += b[i * n + k] * b[j * n + k];
        }
        a[i * n + j] = s;
      }
    }
    return a;
  }

  private static double[] multiply(double[] a, double[] x, int n) {
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < n; k++) {
        y[i] += a[i * n + k] * x[k];
      }
    }
    return y;
  }

  @Test
  void factorReproducesTheMatrix() {
    int n = 13;
    double[] a = spd(n, 1);
    double[] l = Cholesky.factor(a, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < n; k++) {
          s += l[i * n + k] * l[j * n + k];
        }
        assertEquals(a[i * n + j], s, 1e-10, "entry " + i + "," + j);
        if (j > i) {
          assertEquals(0, l[i * n + j], "upper triangle of L");
        }
      }
    }
  }

  @Test
  void solveAndInverseUndoTheMatrix() {
    int n = 9;
    double[] a = spd(n, 2);
    double[] l = Cholesky.factor(a, n);
    double[] b = {1, -2, 3, 0.5, 0, 7, -1, 2, 4};
    assertArrayEquals(b, multiply(a, Cholesky.solve(l, n, b), n), 1e-10);
    double[] inverse = Cholesky.inverse(l, n);
    for (int c = 0; c < n; c++) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) {
        column[i] = inverse[i * n + c];
      }
      double[] unit = new double[n];
      unit[c] = 1;
      assertArrayEquals(unit, multiply(a, column, n), 1e-10, "column " + c);
    }
  }

  @Test
  void addsJitterWhenTheMatrixIsSingular() {
    // Two identical points without noise: rank one, rejected plainly, factored with jitter.
    double[] a = {1, 1, 1, 1};
    assertEquals(null, Cholesky.factorOrNull(a, 2));
    double[] l = Cholesky.factor(a, 2);
    assertEquals(1, l[0], 1e-9);
    assertEquals(1, l[2], 1e-9);
    assertEquals(0, l[3], 1e-4);
  }

  @Test
  void extendingAFactorGivesBitForBitTheFactorOfTheWholeMatrix() {
    int n = 23;
    double[] a = spd(n, 3);
    for (int m : new int[] {0, 1, 10, 22}) {
      double[] leading = new double[m * m];
      for (int i = 0; i < m; i++) {
        System.arraycopy(a, i * n, leading, i * m, m);
      }
      double[] extended = Cholesky.extend(Cholesky.factor(leading, m), m, a, n);
      // Exact equality: reusing a factor must not change a single proposal.
      assertArrayEquals(Cholesky.factor(a, n), extended, "from " + m + " rows");
    }
  }

  @Test
  void extendingReturnsNullWhereTheWholeMatrixNeedsJitter() {
    // The third point repeats the first without noise: the 3×3 matrix is singular.
    double[] a = {1, 0.5, 1, 0.5, 1, 0.5, 1, 0.5, 1};
    double[] leading = {1, 0.5, 0.5, 1};
    assertNull(Cholesky.extend(Cholesky.factor(leading, 2), 2, a, 3));
    assertNull(Cholesky.factorOrNull(a, 3));
  }
}
