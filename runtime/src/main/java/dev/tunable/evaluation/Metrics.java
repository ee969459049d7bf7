package dev.tunable.evaluation;

import java.util.Arrays;

/**
 * The common metrics of classification and regression. Each takes the true values first and the
 * model's output second, one entry per scored row, and checks that the two agree in length.
 *
 * @since 0.1
 */
public final class Metrics {
  /** Probabilities are clipped to {@code [EPSILON, 1 - EPSILON]} so that log loss stays finite. */
  private static final double EPSILON = 1e-15;

  private Metrics() {}

  /** The fraction of rows whose predicted class is the true class; higher is better. */
  public static double accuracy(int[] actual, int[] predicted) {
    checkLengths("accuracy", actual.length, predicted.length);
    int correct = 0;
    for (int i = 0; i < actual.length; i++) {
      correct += actual[i] == predicted[i] ? 1 : 0;
    }
    return (double) correct / actual.length;
  }

  /**
   * The mean negative log-likelihood of the true classes; lower is better. {@code
   * probabilities[i][c]} is the predicted probability that row {@code i} is of class {@code c}.
   * Probabilities are clipped to {@code [1e-15, 1 - 1e-15]} and each row rescaled to sum to 1, as
   * scikit-learn does, so that a confident mistake costs a large but finite amount.
   */
  public static double logLoss(int[] actual, double[][] probabilities) {
    checkLengths("logLoss", actual.length, probabilities.length);
    double total = 0;
    for (int i = 0; i < actual.length; i++) {
      double[] row = probabilities[i];
      if (actual[i] < 0 || actual[i] >= row.length) {
        throw new IllegalArgumentException(
            "logLoss: row " + i + " is of class " + actual[i] + " but has probabilities for "
                + row.length + " classes (0 to " + (row.length - 1) + ")");
      }
      double sum = 0;
      for (int c = 0; c < row.length; c++) {
        sum += clip(row[c], i);
      }
      total -= Math.log(clip(row[actual[i]], i) / sum);
    }
    return total / actual.length;
  }

  /**
   * Binary log loss; lower is better. {@code actual[i]} is 0 or 1 and {@code positive[i]} the
   * predicted probability that row {@code i} is of class 1.
   */
  public static double logLoss(int[] actual, double[] positive) {
    checkLengths("logLoss", actual.length, positive.length);
    checkBinary("logLoss", actual);
    double total = 0;
    for (int i = 0; i < actual.length; i++) {
      double p = clip(positive[i], i);
      total -= actual[i] == 1 ? Math.log(p) : Math.log(1 - p);
    }
    return total / actual.length;
  }

  /**
   * The area under the ROC curve of a binary classifier; higher is better, 0.5 is chance. {@code
   * actual[i]} is 0 or 1 and {@code scores[i]} any number that ranks row {@code i} (higher means
   * more likely class 1). It is the probability that a random positive row outranks a random
   * negative one, ties counting one half.
   *
   * @throws IllegalArgumentException if only one class is present: the area is then undefined
   */
  public static double rocAuc(int[] actual, double[] scores) {
    checkLengths("rocAuc", actual.length, scores.length);
    checkBinary("rocAuc", actual);
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      if (Double.isNaN(scores[i])) {
        throw new IllegalArgumentException("rocAuc: the score of row " + i + " is NaN");
      }
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    // Mann-Whitney: the rank sum of the positives, tied scores sharing their mean rank.
    double positiveRankSum = 0;
    long positives = 0;
    int start = 0;
    while (start < order.length) {
      int end = start;
      while (end < order.length && scores[order[end]] == scores[order[start]]) {
        end++;
      }
      double meanRank = (start + 1 + end) / 2.0;
      for (int i = start; i < end; i++) {
        if (actual[order[i]] == 1) {
          positiveRankSum += meanRank;
          positives++;
        }
      }
      start = end;
    }
    long negatives = actual.length - positives;
    if (positives == 0 || negatives == 0) {
      throw new IllegalArgumentException(
          "rocAuc is undefined when only class " + (positives == 0 ? 0 : 1) + " is present among "
              + actual.length + " rows; score more rows or use stratified folds");
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** The mean of the squared differences; lower is better. */
  public static double meanSquaredError(double[] actual, double[] predicted) {
    checkLengths("meanSquaredError", actual.length, predicted.length);
    double total = 0;
    for (int i = 0; i < actual.length; i++) {
      double difference = actual[i] - predicted[i];
      total += difference * difference;
    }
    return total / actual.length;
  }

  /**
   * The coefficient of determination: 1 minus the squared error over the variance of the true
   * values; higher is better, 1 is perfect, 0 is no better than predicting the mean, and it can be
   * negative. When the true values are all equal it is 1 for a perfect prediction and 0 otherwise,
   * as in scikit-learn.
   */
  public static double r2(double[] actual, double[] predicted) {
    checkLengths("r2", actual.length, predicted.length);
    double mean = 0;
    for (double value : actual) {
      mean += value;
    }
    mean /= actual.length;
    double residual = 0;
    double total = 0;
    for (int i = 0; i < actual.length; i++) {
      residual += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
      total += (actual[i] - mean) * (actual[i] - mean);
    }
    if (total == 0) {
      return residual == 0 ? 1 : 0;
    }
    return 1 - residual / total;
  }

  private static double clip(double probability, int row) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException(
          "logLoss: row " + row + " has probability " + probability + ", outside [0, 1]");
    }
    return Math.min(1 - EPSILON, Math.max(EPSILON, probability));
  }

  private static void checkBinary(String metric, int[] actual) {
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] != 0 && actual[i] != 1) {
        throw new IllegalArgumentException(
            metric + ": row " + i + " has class " + actual[i]
                + "; this metric needs binary classes 0 and 1");
      }
    }
  }

  private static void checkLengths(String metric, int actual, int predicted) {
    if (actual != predicted) {
      throw new IllegalArgumentException(
          metric + ": " + actual + " true values but " + predicted
              + " predictions; give one prediction per row");
    }
    if (actual == 0) {
      throw new IllegalArgumentException(metric + " needs at least one row, got none");
    }
  }
}
