package dev.tunable;

/**
 * Thrown by {@link Study#optimize} when every trial of the run failed: the message gives the
 * first reasons, and the cause is the first exception an objective threw. The trials are
 * recorded as {@link TrialState#FAIL} in the study all the same.
 *
 * @since 0.1
 */
public final class AllTrialsFailedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  AllTrialsFailedException(String message, Throwable firstFailure) {
    super(message, firstFailure);
  }
}
