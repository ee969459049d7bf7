package dev.tunable.internal.sampler.gp;

import dev.tunable.internal.sampler.RecentCache;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * What one GP sampler keeps from one proposal to the next: the kernels it fitted, keyed by the
 * exact observations they were fitted to, and the last covariance factor under each of the last
 * two kernels used (a proposal may build one under the scheduled kernel and one under a kernel
 * refitted since), which the next proposal extends by its new points. Both hold the results of pure functions of their keys,
 * so a proposal is the same with or without them: a resumed study, a fresh process or another
 * worker recomputes what it lacks and gets the same numbers. Thread-safe: nothing is computed
 * under the lock; two threads missing at once both compute, and either result is the same.
 */
final class ModelCache {
  /** Kernels kept: the current one and a few for workers whose histories differ a little. */
  private static final int KERNELS = 8;

  private final RecentCache<FitKey, Kernel> kernels = new RecentCache<>(KERNELS);
  /** The last factor under each of the two kernels used last, the latest first. */
  private CovarianceFactor[] lastFactors = {};

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
    CovarianceFactor[] last;
    synchronized (this) {
      last = lastFactors;
    }
    CovarianceFactor same = null;
    for (CovarianceFactor factor : last) {
      if (factor.kernel().sameAs(kernel)) {
        same = factor;
      }
    }
    CovarianceFactor factor = same == null
        ? CovarianceFactor.of(points, categorical, kernel)
        : same.extendedTo(points, categorical, kernel);
    synchronized (this) {
      CovarianceFactor other = lastFactors.length == 0 ? null : lastFactors[0];
      lastFactors = other == null || other.kernel().sameAs(kernel)
          ? new CovarianceFactor[] {factor}
          : new CovarianceFactor[] {factor, other};
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
