package dev.tunable.internal.sampler.gp;

import java.util.Arrays;

/**
 * A zero-mean Gaussian process posterior on standardized observations: the Cholesky factor of
 * the training covariance and {@code α = K⁻¹y}, from which the mean and variance at a point (and
 * their gradients along ordered coordinates) cost {@code O(n²)}.
 */
final class GaussianProcess {
  private final double[][] x;
  private final boolean[] categorical;
  private final Kernel kernel;
  private final int n;
  /** Lower Cholesky factor of K + noise·I, row-major n×n. */
  private final double[] lower;
  private final double[] alpha;

  GaussianProcess(double[][] x, double[] y, boolean[] categorical, Kernel kernel) {
    this.x = x;
    this.categorical = categorical;
    this.kernel = kernel;
    this.n = x.length;
    this.lower = Cholesky.factor(covariance(x, categorical, kernel), n);
    this.alpha = Cholesky.solve(lower, n, y);
  }

  /** The training covariance {@code K + noise·I}, row-major, lower triangle filled. */
  static double[] covariance(double[][] x, boolean[] categorical, Kernel kernel) {
    int n = x.length;
    double[] k = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double r = Math.sqrt(kernel.squaredDistance(x[i], x[j], categorical));
        k[i * n + j] = kernel.scale() * Kernel.shape(r);
      }
      k[i * n + i] = kernel.scale() + kernel.noise();
    }
    return k;
  }

  /**
   * The posterior mean and variance of the latent function at {@code point}, written to {@code
   * out[0]} and {@code out[1]}; if {@code meanGradient} is not null, also their gradients along
   * the ordered coordinates (zero along categorical ones).
   */
  void predict(double[] point, double[] out, double[] meanGradient, double[] varianceGradient) {
    double[] k = new double[n];
    double[] slope = meanGradient == null ? null : new double[n];
    double mean = 0;
    double[] theta = kernel.inverseSquaredLengths();
    double scale = kernel.scale();
    for (int i = 0; i < n; i++) {
      double r = Math.sqrt(kernel.squaredDistance(point, x[i], categorical));
      k[i] = scale * Kernel.shape(r);
      mean += k[i] * alpha[i];
      if (slope != null) {
        slope[i] = scale * Kernel.slopeOverR(r);
      }
    }
    double[] v = Cholesky.forward(lower, n, k);
    double explained = 0;
    for (double vi : v) {
      explained += vi * vi;
    }
    out[0] = mean;
    out[1] = Math.max(scale - explained, 1e-12 * scale);
    if (meanGradient == null) {
      return;
    }
    // dk_i/dx_d = s m'(r)/r θ_d (x_d - X_id); dvar/dx = -2 (K⁻¹k)·dk/dx.
    double[] w = Cholesky.backward(lower, n, v);
    int dims = point.length;
    Arrays.fill(meanGradient, 0);
    Arrays.fill(varianceGradient, 0);
    for (int i = 0; i < n; i++) {
      double[] xi = x[i];
      double a = slope[i] * alpha[i];
      double b = -2 * slope[i] * w[i];
      for (int d = 0; d < dims; d++) {
        if (!categorical[d]) {
          double delta = theta[d] * (point[d] - xi[d]);
          meanGradient[d] += a * delta;
          varianceGradient[d] += b * delta;
        }
      }
    }
  }
}
