package dev.tunable.internal.sampler.gp;

/**
 * What a user may choose of the Gaussian-process search, checked as it is made.
 *
 * @param startupTrials complete trials, proposed by a Sobol sequence, before the first model; at
 *     least 1
 * @param deterministicObjective whether the objective gives the same value at the same point, so
 *     that the model interpolates instead of fitting the noise
 */
public record GpSettings(int startupTrials, boolean deterministicObjective) {
  /**
   * 5 start-up trials and fitted noise. Few start-up trials: the model's early choices explore
   * better than more space-filling points do. Over seeds 0–99 of Hartmann6, 5 start-up trials
   * left its local minimum on 77 seeds and 10 on 69, and no function of the benchmark did worse
   * (BENCHMARKS.md).
   */
  public static final GpSettings DEFAULTS = new GpSettings(5, false);

  public GpSettings {
    if (startupTrials < 1) {
      throw new IllegalArgumentException("the GP sampler's start-up trials must be at least 1,"
          + " a model needs a trial to fit, got " + startupTrials + "; the default is "
          + DEFAULTS.startupTrials());
    }
  }
}
