package dev.tunable.evaluation;

import java.util.List;
import java.util.Locale;

/**
 * The scores of a cross-validation, one per fold, with their mean and standard deviation.
 * Immutable.
 *
 * @since 0.1
 */
public final class CrossValidationResult {
  private final List<Double> scores;
  private final double mean;
  private final double standardDeviation;

  CrossValidationResult(List<Double> scores) {
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("a cross-validation result needs at least one fold score");
    }
    this.scores = List.copyOf(scores);
    double sum = 0;
    for (double score : scores) {
      sum += score;
    }
    this.mean = sum / scores.size();
    double squares = 0;
    for (double score : scores) {
      squares += (score - mean) * (score - mean);
    }
    this.standardDeviation = Math.sqrt(squares / scores.size());
  }

  /** Each fold's score, in fold order. */
  public List<Double> scores() {
    return scores;
  }

  /** The mean of the fold scores. */
  public double mean() {
    return mean;
  }

  /**
   * The standard deviation of the fold scores, dividing by the number of folds (as NumPy's {@code
   * std} does): it describes the spread of these folds rather than estimating a population's.
   */
  public double standardDeviation() {
    return standardDeviation;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%.4f ± %.4f over %d folds", mean, standardDeviation, scores.size());
  }
}
