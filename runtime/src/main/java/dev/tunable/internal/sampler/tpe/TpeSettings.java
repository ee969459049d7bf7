package dev.tunable.internal.sampler.tpe;

/**
 * What a user may choose of TPE, checked as it is made; {@link #DEFAULTS} are Optuna's.
 *
 * @param startupTrials finished trials sampled at random before the first model, 0 or more
 * @param candidates points drawn from the good trials' estimator per proposal, at least 1
 * @param multivariate whether one joint estimator covers every dimension, or each has its own
 * @param constantLiar whether running trials count as bad ones, or are left out
 */
public record TpeSettings(
    int startupTrials, int candidates, boolean multivariate, boolean constantLiar) {
  /** 10 start-up trials, 24 candidates, univariate, with the constant liar. */
  public static final TpeSettings DEFAULTS = new TpeSettings(10, 24, false, true);

  public TpeSettings {
    if (startupTrials < 0) {
      throw new IllegalArgumentException("TPE's start-up trials must be 0 or more, got "
          + startupTrials + "; the default is " + DEFAULTS.startupTrials());
    }
    if (candidates < 1) {
      throw new IllegalArgumentException("TPE's candidates per trial must be at least 1, got "
          + candidates + "; the default is " + DEFAULTS.candidates());
    }
  }
}
