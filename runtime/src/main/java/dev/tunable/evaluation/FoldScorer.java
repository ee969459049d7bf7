package dev.tunable.evaluation;

/**
 * Trains a fresh model on a fold's training rows and returns its score on the fold's held-out
 * rows. It may throw a checked exception, as a library's training call often does (XGBoost's
 * {@code XGBoostError}, say): {@link CrossValidation#run(java.util.List, FoldScorer)} passes it to
 * the caller unchanged and declares it, so an objective that calls it needs no wrapping.
 *
 * @param <E> what the scorer may throw; {@code RuntimeException} when it throws nothing checked
 * @since 0.1
 */
@FunctionalInterface
public interface FoldScorer<E extends Exception> {
  /** The score of a model trained on {@code fold.train()}, measured on {@code fold.test()}. */
  double score(Fold fold) throws E;
}
