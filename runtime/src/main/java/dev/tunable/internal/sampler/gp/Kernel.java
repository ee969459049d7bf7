package dev.tunable.internal.sampler.gp;

import java.util.Arrays;

/**
 * The Matérn-5/2 kernel with one length scale per coordinate (ARD), on points of the unit cube.
 * Ordered coordinates add {@code θ_d (x_d - x'_d)²} to the squared distance, categorical ones
 * {@code θ_d} when the choices differ (a Hamming distance: choices have no order to exploit).
 *
 * @param inverseSquaredLengths {@code θ_d = 1/ℓ_d²}, one per coordinate
 * @param scale the signal variance, {@code k(x, x)}
 * @param noise the observation noise variance, added on the diagonal of the training covariance
 */
record Kernel(double[] inverseSquaredLengths, double scale, double noise) {
  static final double SQRT5 = Math.sqrt(5);

  /** {@code m(r) = (1 + √5r + 5r²/3) e^(-√5r)}, the kernel's shape at distance {@code r}. */
  static double shape(double r) {
    double a = SQRT5 * r;
    return (1 + a + a * a / 3) * Math.exp(-a);
  }

  /**
   * {@code m'(r)/r = -(5/3)(1 + √5r) e^(-√5r)}: finite at {@code r = 0}, which is why gradients
   * are written with it rather than with {@code m'} and {@code ∂r/∂x}.
   */
  static double slopeOverR(double r) {
    double a = SQRT5 * r;
    return -(5.0 / 3) * (1 + a) * Math.exp(-a);
  }

  /** Whether {@code other} has the same hyperparameters, exactly. */
  boolean sameAs(Kernel other) {
    return scale == other.scale && noise == other.noise
        && Arrays.equals(inverseSquaredLengths, other.inverseSquaredLengths);
  }

  /** The squared scaled distance between {@code a} and {@code b}. */
  double squaredDistance(double[] a, double[] b, boolean[] categorical) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      double delta = a[d] - b[d];
      sum += inverseSquaredLengths[d] * (categorical[d] ? (delta == 0 ? 0 : 1) : delta * delta);
    }
    return sum;
  }
}
