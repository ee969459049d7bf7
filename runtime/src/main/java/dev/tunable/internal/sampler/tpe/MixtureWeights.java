package dev.tunable.internal.sampler.tpe;

/**
 * The weights of a Parzen estimator's components: observations oldest first, then the prior. The
 * 25 most recent observations weigh 1, older ones ramp up linearly from 1/n, so that the model
 * follows where the search has moved. Depends only on the number of observations, so estimators
 * over equally many trials share one instance.
 */
record MixtureWeights(double[] logWeights, double[] cumulative) {
  static final double PRIOR_WEIGHT = 1.0;
  private static final int FLAT_RECENT = 25;

  static MixtureWeights of(int observations) {
    double[] raw = raw(observations);
    int components = observations + 1;
    double total = PRIOR_WEIGHT;
    for (double w : raw) {
      total += w;
    }
    double[] logWeights = new double[components];
    double[] cumulative = new double[components];
    double running = 0;
    for (int k = 0; k < components; k++) {
      double w = (k < observations ? raw[k] : PRIOR_WEIGHT) / total;
      logWeights[k] = Math.log(w);
      running += w;
      cumulative[k] = running;
    }
    cumulative[components - 1] = 1;
    return new MixtureWeights(logWeights, cumulative);
  }

  /** The observations' weights before normalisation, oldest first. */
  static double[] raw(int n) {
    double[] weights = new double[n];
    int ramp = Math.max(0, n - FLAT_RECENT);
    for (int i = 0; i < n; i++) {
      weights[i] = i >= ramp ? 1 : ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
    }
    return weights;
  }
}
