package dev.tunable;

/**
 * The function a study minimizes or maximizes: trains and evaluates a model with the trial's
 * hyperparameters and returns the score.
 *
 * <p>Throwing any exception, or returning NaN or an infinity, records the trial as {@link
 * TrialState#FAIL} with the reason, and the study goes on; {@code throw trial.pruned()} records it
 * as {@link TrialState#PRUNED}. With several workers the objective is called from several threads
 * at once.
 *
 * @param <H> the type of the trial's hyperparameters
 * @since 0.1
 */
@FunctionalInterface
public interface Objective<H> {
  /** The score of {@code trial}'s hyperparameters. */
  double evaluate(Trial<H> trial) throws Exception;
}
