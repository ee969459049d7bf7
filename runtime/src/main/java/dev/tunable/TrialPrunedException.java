package dev.tunable;

/**
 * Thrown by an objective, as {@code throw trial.pruned()}, to stop an unpromising trial; the
 * study records the trial as {@link TrialState#PRUNED}, not as a failure.
 *
 * @since 0.1
 */
public final class TrialPrunedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long trialNumber;

  /** An exception that prunes trial {@code trialNumber}. */
  public TrialPrunedException(long trialNumber) {
    super("trial #" + trialNumber + " was pruned", null, false, false);
    this.trialNumber = trialNumber;
  }

  /** The number of the pruned trial. */
  public long trialNumber() {
    return trialNumber;
  }
}
