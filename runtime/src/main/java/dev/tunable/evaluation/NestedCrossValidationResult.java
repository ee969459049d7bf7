package dev.tunable.evaluation;

import java.util.List;

/**
 * The outcome of a {@link NestedCrossValidation}: the hyperparameters each outer fold's tuning
 * chose, and each outer fold's score with them. Immutable if {@code H} is.
 *
 * @param <H> the hyperparameters
 * @since 0.1
 */
public final class NestedCrossValidationResult<H> {
  private final List<H> chosen;
  private final CrossValidationResult scores;

  NestedCrossValidationResult(List<H> chosen, CrossValidationResult scores) {
    this.chosen = List.copyOf(chosen);
    this.scores = scores;
  }

  /** The hyperparameters chosen on each outer fold, in fold order. */
  public List<H> chosen() {
    return chosen;
  }

  /** The outer folds' scores: their mean is the unbiased estimate of the tuned model's score. */
  public CrossValidationResult scores() {
    return scores;
  }

  @Override
  public String toString() {
    return "nested cross-validation: " + scores;
  }
}
