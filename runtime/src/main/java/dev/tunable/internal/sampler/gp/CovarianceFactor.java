package dev.tunable.internal.sampler.gp;

import java.util.Arrays;

/**
 * The lower Cholesky factor of the training covariance {@code K + noise·I} of some points under a
 * kernel, which can grow by appending points: a study adds a trial or two between proposals,
 * and between refits of the kernel ({@link GpAlgorithm}) the factor of the points before them is
 * the leading block of the new one, so only the new rows need computing ({@link
 * Cholesky#extend}), {@code O(kn²)} for {@code k} new points instead of {@code O(n³)}. An
 * extended factor is bit for bit the factor computed from scratch, so reusing one never changes a
 * proposal.
 *
 * @param x the points, in order
 * @param categorical which coordinates are categorical
 * @param kernel the kernel
 * @param lower the lower factor, row-major {@code n×n}
 */
record CovarianceFactor(double[][] x, boolean[] categorical, Kernel kernel, double[] lower) {
  /** The factor of {@code x} under {@code kernel}, computed from scratch. */
  static CovarianceFactor of(double[][] x, boolean[] categorical, Kernel kernel) {
    int n = x.length;
    return new CovarianceFactor(
        x, categorical, kernel, Cholesky.factor(covariance(x, categorical, kernel, 0), n));
  }

  /**
   * The factor of {@code points} under {@code kernel}: this one extended if its points begin
   * {@code points} and its kernel is {@code kernel}, else computed from scratch.
   */
  CovarianceFactor extendedTo(double[][] points, boolean[] categorical, Kernel kernel) {
    int m = x.length;
    int n = points.length;
    if (n < m || !kernel.sameAs(this.kernel) || !Arrays.equals(categorical, this.categorical)
        || !Arrays.deepEquals(x, Arrays.copyOf(points, m))) {
      return of(points, categorical, kernel);
    }
    if (n == m) {
      return this;
    }
    double[] extended = Cholesky.extend(lower, m, covariance(points, categorical, kernel, m), n);
    // Null if a new point makes the matrix need jitter: from scratch, jitter then goes on every
    // diagonal entry, as it would have without this factor.
    return extended == null
        ? of(points, categorical, kernel)
        : new CovarianceFactor(points, categorical, kernel, extended);
  }

  int size() {
    return x.length;
  }

  /** {@code K + noise·I} of {@code x}, row-major, lower triangle filled from row {@code from}. */
  static double[] covariance(double[][] x, boolean[] categorical, Kernel kernel, int from) {
    int n = x.length;
    double[] k = new double[n * n];
    for (int i = from; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double r = Math.sqrt(kernel.squaredDistance(x[i], x[j], categorical));
        k[i * n + j] = kernel.scale() * Kernel.shape(r);
      }
      k[i * n + i] = kernel.scale() + kernel.noise();
    }
    return k;
  }
}
