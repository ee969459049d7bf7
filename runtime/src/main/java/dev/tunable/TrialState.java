package dev.tunable;

/**
 * Where a trial is in its life: it starts {@link #RUNNING} and ends in one of the three finished
 * states, which never change again.
 *
 * @since 0.1
 */
public enum TrialState {
  /** Asked for and not yet told: the objective is being evaluated. */
  RUNNING,
  /** Finished with a finite objective value. */
  COMPLETE,
  /** Stopped early by a {@link Pruner}; its last reported value is kept. */
  PRUNED,
  /**
   * The objective threw, returned NaN or an infinity, or the process running it died; the reason
   * is in {@link Trial#failureReason()}.
   */
  FAIL;

  /** Whether the state is final. */
  public boolean isFinished() {
    return this != RUNNING;
  }
}
