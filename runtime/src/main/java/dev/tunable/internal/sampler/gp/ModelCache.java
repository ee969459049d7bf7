package dev.tunable.internal.sampler.gp;

import dev.tunable.internal.sampler.RecentCache;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What one GP sampler keeps from one proposal to the next: the kernels it fitted, keyed by the
 * exact observations they were fitted to, and the last covariance factor, which the next
 * proposal extends by its new points. Both hold the results of pure functions of their keys,
 * so a proposal is the same with or without them: a resumed study, a fresh process or another
 * worker recomputes what it lacks and gets the same numbers. Thread-safe: nothing is computed
 * under the lock; two threads missing at once both compute, and either result is the same.
 */
final class ModelCache {
  /** Kernels kept: the current one and a few for workers whose histories differ a little. */
  private static final int KERNELS = 8;

  private final RecentCache<FitKey, Kernel> kernels = new RecentCache<>(KERNELS);
  private CovarianceFactor lastFactor;

  /**
   * The kernel fitted to the first {@code count} observations {@code x} with scores {@code
   * scores}: the one kept, if any, else what {@code fit} returns.
   */
  Kernel kernel(double[][] x, double[] scores, int count, boolean[] categorical,
      Supplier<Kernel> fit) {
    FitKey key = new FitKey(
        Arrays.copyOf(x, count), Arrays.copyOf(scores, count), categorical.clone());
    Kernel kept = kernels.get(key);
    if (kept != null) {
      return kept;
    }
    Kernel fitted = fit.get();
    kernels.put(key, fitted);
    return fitted;
  }

  /** The factor of {@code points} under {@code kernel}, extending the last one if it can. */
  CovarianceFactor factor(double[][] points, boolean[] categorical, Kernel kernel) {
    CovarianceFactor last;
    synchronized (this) {
      last = lastFactor;
    }
    CovarianceFactor factor = last == null
        ? CovarianceFactor.of(points, categorical, kernel)
        : last.extendedTo(points, categorical, kernel);
    synchronized (this) {
      lastFactor = factor;
    }
    return factor;
  }

  /** Observations compared by content, as a key. */
  private record FitKey(double[][] x, double[] scores, boolean[] categorical) {
    @Override
    public boolean equals(Object other) {
      return other instanceof FitKey that && Arrays.deepEquals(x, that.x)
          && Arrays.equals(scores, that.scores) && Arrays.equals(categorical, that.categorical);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * Arrays.deepHashCode(x) + Arrays.hashCode(scores))
          + Arrays.hashCode(categorical);
    }
  }
}
