package dev.tunable.internal.sampler.gp;

import java.util.Arrays;

/**
 * A Gaussian process posterior on standardized observations: the Cholesky factor of the training
 * covariance, a prior mean {@code m(x)} and {@code α = K⁻¹(y - m)}, from which the mean and
 * variance at a point (and their gradients along ordered coordinates) cost {@code O(n²)}.
 *
 * <p>The prior mean is a trend {@code m(x) = β₀ + β₁·q(x)}, with {@code q(x) = Σ (x_d - ½)²} over
 * the ordered coordinates: a bowl, or a dome, about the centre of the cube. Its coefficients are
 * the generalized least-squares estimate {@code β = (HᵀK⁻¹H)⁻¹HᵀK⁻¹y}, {@code H = [1, q]}
 * (universal kriging, as in Jones et al. 1998 for the constant alone). Far from the data the
 * model returns to this trend rather than to the plain average of the values: GLS discounts
 * clusters of correlated observations, and the curvature lets the edges of the cube, where the
 * volume of a many-dimensional cube lies, be as good or as poor as the data there say.
 * Measured (GP sampler): the constant (before, zero) moved Hartmann6's median log10 regret at 50
 * trials from -1.29 to -3.08 over 100 seeds and Rosenbrock5 from 2.21 to 2.05; the curvature
 * moved Hartmann6 at 50 trials on seeds 0–29 from -3.34 to -3.96 (BENCHMARKS.md).
 */
final class GaussianProcess {
  private final double[][] x;
  private final boolean[] categorical;
  private final Kernel kernel;
  private final int n;
  /** Lower Cholesky factor of K + noise·I, row-major n×n. */
  private final double[] lower;
  /** Below this many points the prior mean is the constant alone. */
  static final int CURVED_FROM = 5;
  /** The prior mean's constant {@code β₀} and curvature {@code β₁}. */
  private final double offset;
  private final double curvature;
  private final double[] alpha;

  GaussianProcess(double[][] x, double[] y, boolean[] categorical, Kernel kernel) {
    this(CovarianceFactor.of(x, categorical, kernel), y);
  }

  /** The posterior of values {@code y} at the factor's points, under the factor's kernel. */
  GaussianProcess(CovarianceFactor factor, double[] y) {
    this.x = factor.x();
    this.categorical = factor.categorical();
    this.kernel = factor.kernel();
    this.n = x.length;
    this.lower = factor.lower();
    double[] ones = new double[n];
    Arrays.fill(ones, 1);
    double[] bowl = new double[n];
    for (int i = 0; i < n; i++) {
      bowl[i] = bowl(x[i]);
    }
    double[] onesSolved = Cholesky.solve(lower, n, ones);
    double[] bowlSolved = Cholesky.solve(lower, n, bowl);
    double[] alpha = Cholesky.solve(lower, n, y);
    // The 2×2 normal equations (HᵀK⁻¹H)β = HᵀK⁻¹y.
    double a11 = 0;
    double a12 = 0;
    double a22 = 0;
    double b1 = 0;
    double b2 = 0;
    for (int i = 0; i < n; i++) {
      a11 += onesSolved[i];
      a12 += bowlSolved[i];
      a22 += bowl[i] * bowlSolved[i];
      b1 += alpha[i];
      b2 += bowl[i] * alpha[i];
    }
    double determinant = a11 * a22 - a12 * a12;
    if (n >= CURVED_FROM && determinant > 1e-12 * a11 * a22) {
      this.offset = (a22 * b1 - a12 * b2) / determinant;
      this.curvature = (a11 * b2 - a12 * b1) / determinant;
    } else {
      // Too few points, or q (nearly) the same at all, as with categorical coordinates only.
      this.offset = b1 / a11;
      this.curvature = 0;
    }
    for (int i = 0; i < n; i++) {
      alpha[i] -= offset * onesSolved[i] + curvature * bowlSolved[i];
    }
    this.alpha = alpha;
  }

  /** {@code q(x)}: the squared distance from the centre of the cube along ordered coordinates. */
  private double bowl(double[] point) {
    double sum = 0;
    for (int d = 0; d < point.length; d++) {
      if (!categorical[d]) {
        sum += (point[d] - 0.5) * (point[d] - 0.5);
      }
    }
    return sum;
  }

  /** The prior mean at {@code point}. */
  private double trend(double[] point) {
    return offset + curvature * bowl(point);
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
    out[0] = trend(point) + mean;
    out[1] = Math.max(scale - explained, 1e-12 * scale);
    if (meanGradient == null) {
      return;
    }
    // dk_i/dx_d = s m'(r)/r θ_d (x_d - X_id); dvar/dx = -2 (K⁻¹k)·dk/dx.
    double[] w = Cholesky.backward(lower, n, v);
    int dims = point.length;
    Arrays.fill(varianceGradient, 0);
    for (int d = 0; d < dims; d++) {
      meanGradient[d] = categorical[d] ? 0 : 2 * curvature * (point[d] - 0.5);
    }
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

  /** The posterior mean at {@code point} alone, without the variance's triangular solve. */
  double mean(double[] point) {
    double scale = kernel.scale();
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += scale * Kernel.shape(Math.sqrt(kernel.squaredDistance(point, x[i], categorical)))
          * alpha[i];
    }
    return trend(point) + mean;
  }

  /** Points whose kernel columns are solved together by {@link #predictAll}. */
  private static final int BLOCK = 32;

  /**
   * The posterior means and variances at many points, written to {@code means} and {@code
   * variances}: what {@link #predict} gives point by point, at about half the cost, because the
   * triangular solve runs over a block of points at once. Each row of the factor is then read
   * once per block, and the innermost loop runs over the block's points, independent of each
   * other, which the JIT compiles to vector instructions.
   */
  void predictAll(double[][] points, double[] means, double[] variances) {
    double scale = kernel.scale();
    // Column j of the block, entry i, at v[i * BLOCK + j].
    double[] v = new double[n * BLOCK];
    for (int from = 0; from < points.length; from += BLOCK) {
      int size = Math.min(BLOCK, points.length - from);
      for (int j = 0; j < size; j++) {
        double[] point = points[from + j];
        double mean = 0;
        for (int i = 0; i < n; i++) {
          double r = Math.sqrt(kernel.squaredDistance(point, x[i], categorical));
          double k = scale * Kernel.shape(r);
          v[i * BLOCK + j] = k;
          mean += k * alpha[i];
        }
        means[from + j] = trend(point) + mean;
      }
      forwardBlock(v, size);
      double[] explained = new double[size];
      for (int i = 0; i < n; i++) {
        int row = i * BLOCK;
        for (int j = 0; j < size; j++) {
          explained[j] += v[row + j] * v[row + j];
        }
      }
      for (int j = 0; j < size; j++) {
        variances[from + j] = Math.max(scale - explained[j], 1e-12 * scale);
      }
    }
  }

  /** {@code V ← L⁻¹V} for the first {@code size} columns of a block laid out as above. */
  private void forwardBlock(double[] v, int size) {
    for (int i = 0; i < n; i++) {
      int row = i * n;
      int vi = i * BLOCK;
      int k = 0;
      // Four rows of V per pass: a quarter of the loads and stores of row i.
      for (; k + 3 < i; k += 4) {
        double l0 = lower[row + k];
        double l1 = lower[row + k + 1];
        double l2 = lower[row + k + 2];
        double l3 = lower[row + k + 3];
        int v0 = k * BLOCK;
        int v1 = v0 + BLOCK;
        int v2 = v1 + BLOCK;
        int v3 = v2 + BLOCK;
        for (int j = 0; j < size; j++) {
          v[vi + j] -= l0 * v[v0 + j] + l1 * v[v1 + j] + l2 * v[v2 + j] + l3 * v[v3 + j];
        }
      }
      for (; k < i; k++) {
        double l = lower[row + k];
        int vk = k * BLOCK;
        for (int j = 0; j < size; j++) {
          v[vi + j] -= l * v[vk + j];
        }
      }
      double pivot = lower[row + i];
      for (int j = 0; j < size; j++) {
        v[vi + j] /= pivot;
      }
    }
  }
}
