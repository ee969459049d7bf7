package dev.tunable.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a model over folds: for each {@link Fold}, the scorer trains a fresh model on the fold's
 * training rows and returns its score on the held-out rows.
 *
 * <pre>{@code
 * CrossValidationResult cv = CrossValidation.run(Splitter.stratifiedKFold(5, 42).split(labels),
 *     fold -> {
 *       LogisticRegression model = params.applyTo(new LogisticRegression());
 *       model.fit(data, fold.train());
 *       return Metrics.accuracy(labels, model.predict(data), fold.test());
 *     });
 * }</pre>
 *
 * <p>The scorer must build a new model for every fold: a model that has seen a fold's held-out rows
 * scores them optimistically. It may throw a checked exception, which reaches the caller as it is
 * (issue 16): inside an {@link dev.tunable.Objective} no wrapping is needed.
 *
 * @since 0.1
 */
public final class CrossValidation {
  private CrossValidation() {}

  /**
   * Scores every fold in order and summarizes the scores.
   *
   * @param <E> what the scorer may throw
   * @throws E what the scorer threw, unchanged
   */
  public static <E extends Exception> CrossValidationResult run(
      List<Fold> folds, FoldScorer<E> scorer) throws E {
    return run(folds, scorer, score -> {});
  }

  /**
   * Scores every fold in order, passing each score to {@code listener} as soon as it is known; an
   * exception from the scorer or the listener (a pruned trial, say) stops the run and reaches the
   * caller unchanged.
   *
   * @param <E> what the scorer may throw
   * @throws E what the scorer threw, unchanged
   * @throws IllegalStateException if a fold scores NaN or infinity, naming the fold
   */
  public static <E extends Exception> CrossValidationResult run(
      List<Fold> folds, FoldScorer<E> scorer, FoldListener listener) throws E {
    if (folds.isEmpty()) {
      throw new IllegalArgumentException("cross-validation needs at least one fold, got none");
    }
    List<Double> scores = new ArrayList<>(folds.size());
    double sum = 0;
    for (int i = 0; i < folds.size(); i++) {
      Fold fold = folds.get(i);
      double score = scorer.score(fold);
      if (!Double.isFinite(score)) {
        throw new IllegalStateException(
            "fold " + i + " of " + folds.size() + " scored " + score
                + ": the model diverged or the metric is undefined on this fold's rows");
      }
      scores.add(score);
      sum += score;
      listener.onFold(new FoldScore(i, score, sum / (i + 1)));
    }
    return new CrossValidationResult(scores);
  }
}
