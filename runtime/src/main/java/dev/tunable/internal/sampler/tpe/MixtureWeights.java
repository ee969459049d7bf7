package dev.tunable.internal.sampler.tpe;

import java.util.Arrays;

/**
 * The weights of a Parzen estimator's components: observations oldest first, then the prior, each
 * weighing 1 before normalisation. Optuna lets observations older than the 25 most recent weigh
 * less (ramping up linearly from 1/n); measured on the sampler benchmark's ten functions (100
 * seeds, 100 and 300 trials), equal weights did as well on average and better on the smooth
 * low-dimensional ones (Branin -1.44 to -1.66 at 100 trials), so every observation counts the
 * same here. Depends only on the number of observations, so estimators over equally many trials
 * share one instance.
 *
 * <p>{@link #ramped} gives Optuna's ramp, which multivariate TPE uses on conditional spaces: there
 * the choice of a branch is scored against the bad trials, and with the ramp a branch the recent
 * trials left alone looks less bad than one they kept returning to, so it is tried again (see
 * BENCHMARKS.md, "Conditional spaces against Optuna's define-by-run TPE").
 */
record MixtureWeights(double[] logWeights, double[] cumulative, boolean even) {
  static final double PRIOR_WEIGHT = 1.0;

  /** Observations that keep the full weight under the ramp, the most recent ones. */
  private static final int RECENT = 25;

  static MixtureWeights of(int observations) {
    double[] weights = new double[observations + 1];
    Arrays.fill(weights, 0, observations, 1);
    return normalised(weights, true);
  }

  /**
   * Optuna's default weights: with more than 25 observations, the older ones ramp up linearly
   * from {@code 1/n} to 1 (numpy's {@code linspace(1/n, 1, n - 25)}), the 25 most recent weigh 1.
   */
  static MixtureWeights ramped(int observations) {
    double[] weights = new double[observations + 1];
    int older = Math.max(0, observations - RECENT);
    double start = 1.0 / observations;
    for (int k = 0; k < observations; k++) {
      weights[k] = k >= older ? 1
          : older == 1 ? start : start + (1 - start) * k / (older - 1);
    }
    return normalised(weights, observations <= RECENT);
  }

  /**
   * {@code weights} with the prior's weight set last, as logs and cumulative sums of shares;
   * {@code even} when every observation weighs the same.
   */
  private static MixtureWeights normalised(double[] weights, boolean even) {
    int components = weights.length;
    weights[components - 1] = PRIOR_WEIGHT;
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double[] logWeights = new double[components];
    double[] cumulative = new double[components];
    double sum = 0;
    for (int k = 0; k < components; k++) {
      logWeights[k] = Math.log(weights[k] / total);
      sum += weights[k];
      cumulative[k] = Math.min(1, sum / total);
    }
    cumulative[components - 1] = 1;
    return new MixtureWeights(logWeights, cumulative, even);
  }
}
