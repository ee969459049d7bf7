package dev.tunable.internal.sampler.gp;

import org.apache.commons.math3.special.Erf;

/**
 * The logarithm of expected improvement, accurate where improvement is hopeless too. Expected
 * improvement is {@code σ h(z)} with {@code h(z) = φ(z) + zΦ(z)}; for very negative {@code z}
 * the two terms cancel and {@code h} underflows, which leaves a plain EI flat (zero) over most of
 * the space late in a study. There {@code h} is written through the Mills ratio's continued
 * fraction (see {@link #logH}), which has no cancellation, so the acquisition keeps a slope to
 * follow everywhere.
 */
final class LogEi {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  /** Below this the direct formula loses more than one digit to cancellation. */
  private static final double DIRECT_ABOVE = -3;
  /** Terms of the continued fraction: enough for full precision from |z| = 3 on. */
  private static final int TERMS = 120;

  private LogEi() {}

  /** {@code log h(z)} with {@code h(z) = φ(z) + zΦ(z)}. */
  static double logH(double z) {
    if (z > DIRECT_ABOVE) {
      return Math.log(pdf(z) + z * cdf(z));
    }
    double t = -z;
    double c = millsTail(t);
    // h(-t) = φ(t) (1 - t R(t)) with R(t) = 1/(t + c): 1 - tR = c/(t + c), no cancellation.
    return -0.5 * t * t - LOG_SQRT_2PI + Math.log(c) - Math.log(t + c);
  }

  /** {@code d log h / dz = Φ(z) / h(z)}, since {@code h' = Φ}. */
  static double dLogH(double z) {
    if (z > DIRECT_ABOVE) {
      double cdf = cdf(z);
      return cdf / (pdf(z) + z * cdf);
    }
    return 1 / millsTail(-z);
  }

  /**
   * {@code c(t) = 1/(t + 2/(t + 3/(t + ...)))}, the tail of Laplace's continued fraction for the
   * Mills ratio {@code R(t) = (1 - Φ(t))/φ(t) = 1/(t + c(t))}, evaluated from the inside out.
   */
  static double millsTail(double t) {
    double tail = t;
    for (int k = TERMS; k >= 2; k--) {
      tail = t + k / tail;
    }
    return 1 / tail;
  }

  /**
   * Builds the tables behind Commons Math's {@link Erf}, which take 10–20 ms of CPU the first
   * time in a process: a GP sampler calls this when it is made, so that its first proposal does
   * not pay for it (BENCHMARKS.md, "Time per proposal").
   */
  static void load() {
    Erf.erfc(1);
  }

  static double pdf(double z) {
    return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
  }

  static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }
}
