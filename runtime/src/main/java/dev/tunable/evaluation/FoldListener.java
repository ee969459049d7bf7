package dev.tunable.evaluation;

/**
 * Receives each fold's score while cross-validation runs, so a trial can report it and a pruner
 * can stop an unpromising configuration after the first folds:
 *
 * <pre>{@code
 * CrossValidation.run(folds, scorer, s -> {
 *   trial.report(s.fold(), s.meanSoFar());
 *   if (trial.shouldPrune()) throw trial.pruned();
 * });
 * }</pre>
 *
 * <p>An exception thrown here stops the cross-validation and reaches the caller unchanged. Called
 * on the thread that runs the cross-validation, once per fold, in fold order.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface FoldListener {
  /** Called once a fold has been scored. */
  void onFold(FoldScore score);
}
