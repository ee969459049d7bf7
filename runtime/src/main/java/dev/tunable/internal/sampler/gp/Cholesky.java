package dev.tunable.internal.sampler.gp;

import java.util.Arrays;

/**
 * Cholesky factorization and triangular solves on row-major {@code double[]} matrices. A hand
 * loop on one flat array, not Commons Math's {@code CholeskyDecomposition}: the fit factors a
 * few hundred matrices per trial, and boxing rows into {@code RealMatrix} objects and checking
 * symmetry each time costs more than the factorization itself at these sizes.
 */
final class Cholesky {
  private Cholesky() {}

  /**
   * The lower factor {@code L} of the symmetric matrix whose lower triangle {@code a} holds,
   * with {@code LLᵀ = A + jitter·I}; the jitter is 0 unless {@code A} is not numerically
   * positive definite, then grows from {@code 1e-10} of the mean diagonal by tens.
   *
   * @throws ArithmeticException if even a jitter of the diagonal's size fails
   */
  static double[] factor(double[] a, int n) {
    double[] l = new double[n * n];
    if (tryFactor(a, n, 0, l)) {
      return l;
    }
    double diagonal = 0;
    for (int i = 0; i < n; i++) {
      diagonal += a[i * n + i] / n;
    }
    for (double jitter = 1e-10 * diagonal; jitter <= diagonal; jitter *= 10) {
      if (tryFactor(a, n, jitter, l)) {
        return l;
      }
    }
    throw new ArithmeticException(
        "covariance matrix of " + n + " points is not positive definite even with jitter");
  }

  /** Returns {@code null} instead of throwing when {@code A} is not positive definite. */
  static double[] factorOrNull(double[] a, int n) {
    double[] l = new double[n * n];
    return tryFactor(a, n, 0, l) ? l : null;
  }

  /**
   * The factor of an {@code n×n} matrix whose leading {@code m×m} block has the factor {@code l}
   * (found without jitter), or null if that needs jitter: only the rows from {@code m} on are
   * computed, in {@code O((n - m) n²)} instead of {@code O(n³)}. The result is bit for bit what
   * {@link #factor} gives on the whole matrix, because each entry is the same sums of the same
   * products in the same order; {@code a} needs only its rows from {@code m} on filled.
   */
  static double[] extend(double[] l, int m, double[] a, int n) {
    double[] extended = new double[n * n];
    for (int i = 0; i < m; i++) {
      System.arraycopy(l, i * m, extended, i * n, i + 1);
    }
    for (int i = m; i < n; i++) {
      int rowI = i * n;
      for (int j = 0; j < i; j++) {
        int rowJ = j * n;
        extended[rowI + j] = (a[rowI + j] - dot(extended, rowI, extended, rowJ, j))
            / extended[rowJ + j];
      }
      double sum = a[rowI + i] - dot(extended, rowI, extended, rowI, i);
      if (!(sum > 0)) {
        return null;
      }
      extended[rowI + i] = Math.sqrt(sum);
    }
    return extended;
  }

  private static boolean tryFactor(double[] a, int n, double jitter, double[] l) {
    for (int j = 0; j < n; j++) {
      int rowJ = j * n;
      double sum = a[rowJ + j] + jitter - dot(l, rowJ, l, rowJ, j);
      if (!(sum > 0)) {
        return false;
      }
      double pivot = Math.sqrt(sum);
      l[rowJ + j] = pivot;
      for (int i = j + 1; i < n; i++) {
        int rowI = i * n;
        l[rowI + j] = (a[rowI + j] - dot(l, rowI, l, rowJ, j)) / pivot;
      }
    }
    return true;
  }

  /** {@code L⁻¹b}. */
  static double[] forward(double[] l, int n, double[] b) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      int row = i * n;
      v[i] = (b[i] - dot(l, row, v, 0, i)) / l[row + i];
    }
    return v;
  }

  /** {@code L⁻ᵀb}. */
  static double[] backward(double[] l, int n, double[] b) {
    double[] v = b.clone();
    for (int i = n - 1; i >= 0; i--) {
      v[i] /= l[i * n + i];
      double vi = v[i];
      int row = i * n;
      for (int k = 0; k < i; k++) {
        v[k] -= l[row + k] * vi;
      }
    }
    return v;
  }

  /** {@code (LLᵀ)⁻¹b}. */
  static double[] solve(double[] l, int n, double[] b) {
    return backward(l, n, forward(l, n, b));
  }

  /**
   * {@code Σ a[aFrom + k] b[bFrom + k]} for {@code k < length}, with four running sums: they let
   * the processor overlap the additions, which a single sum serializes; this is where the
   * factorization spends its time.
   */
  static double dot(double[] a, int aFrom, double[] b, int bFrom, int length) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 3 < length; k += 4) {
      s0 += a[aFrom + k] * b[bFrom + k];
      s1 += a[aFrom + k + 1] * b[bFrom + k + 1];
      s2 += a[aFrom + k + 2] * b[bFrom + k + 2];
      s3 += a[aFrom + k + 3] * b[bFrom + k + 3];
    }
    for (; k < length; k++) {
      s0 += a[aFrom + k] * b[bFrom + k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** The full inverse {@code (LLᵀ)⁻¹}, row-major and symmetric. */
  static double[] inverse(double[] l, int n) {
    // U = L⁻ᵀ (upper), row i of U is column i of L⁻¹; then (LLᵀ)⁻¹ = U Uᵀ.
    double[] u = new double[n * n];
    double[] unit = new double[n];
    for (int c = 0; c < n; c++) {
      // Column c of L⁻¹ is zero above row c: solve from row c on.
      Arrays.fill(unit, 0);
      unit[c] = 1 / l[c * n + c];
      for (int i = c + 1; i < n; i++) {
        int row = i * n;
        unit[i] = -dot(l, row + c, unit, c, i - c) / l[row + i];
      }
      System.arraycopy(unit, c, u, c * n + c, n - c);
    }
    double[] inverse = new double[n * n];
    for (int i = 0; i < n; i++) {
      int rowI = i * n;
      for (int j = 0; j <= i; j++) {
        int rowJ = j * n;
        double s = dot(u, rowI + i, u, rowJ + i, n - i);
        inverse[rowI + j] = s;
        inverse[rowJ + i] = s;
      }
    }
    return inverse;
  }
}
