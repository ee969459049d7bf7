package dev.tunable.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Known answers. Where a comment says "scikit-learn 1.2.1", the number was printed by
 * {@code sklearn.metrics} (Debian package python3-sklearn 1.2.1) on the same input; the others are
 * worked by hand in the comment.
 */
class MetricsTest {

  @Test
  void accuracyCountsMatches() {
    assertEquals(0.75, Metrics.accuracy(new int[] {0, 1, 2, 2}, new int[] {0, 1, 2, 0}));
    assertEquals(0.0, Metrics.accuracy(new int[] {1}, new int[] {0}));
  }

  @Test
  void rocAucWithoutTiesCountsOrderedPairs() {
    // Positives 0.35 and 0.8 against negatives 0.1 and 0.4: 3 of 4 pairs ordered correctly.
    assertEquals(0.75, Metrics.rocAuc(new int[] {0, 0, 1, 1}, new double[] {0.1, 0.4, 0.35, 0.8}));
  }

  @Test
  void rocAucCountsTiesAsHalf() {
    // scikit-learn 1.2.1 roc_auc_score: 0.8125 (= 13/16: the positive 0.4 ties two negatives 0.4).
    assertEquals(
        0.8125,
        Metrics.rocAuc(
            new int[] {0, 0, 1, 1, 0, 1, 1, 0},
            new double[] {0.1, 0.4, 0.35, 0.8, 0.4, 0.4, 0.9, 0.2}),
        1e-12);
    // scikit-learn 1.2.1 roc_auc_score: 0.875, with ties across both classes at 1 and 2.
    assertEquals(
        0.875,
        Metrics.rocAuc(
            new int[] {1, 0, 1, 1, 0, 0, 1, 0, 1, 1}, new double[] {3, 1, 2, 2, 2, 1, 5, 0, 1, 4}),
        1e-12);
    // Every score equal: no information, exactly chance.
    assertEquals(0.5, Metrics.rocAuc(new int[] {0, 1, 1, 0, 1}, new double[] {7, 7, 7, 7, 7}));
  }

  @Test
  void rocAucNeedsBothClasses() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Metrics.rocAuc(new int[] {1, 1}, new double[] {0.2, 0.3}));
    assertEquals(
        "rocAuc is undefined when only class 1 is present among 2 rows; score more rows or use"
            + " stratified folds",
        e.getMessage());
  }

  @Test
  void multiclassLogLossMatchesScikitLearn() {
    // scikit-learn 1.2.1 log_loss(labels=[0, 1, 2]): 0.7726465682517429; the last row's true
    // class has probability 0 and is clipped to 1e-15, then the row is renormalized.
    double[][] probabilities = {
      {0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}, {0.25, 0.5, 0.25}, {0.0, 0.0, 1.0}, {0.9, 0.1, 0.0}
    };
    assertEquals(
        0.7726465682517429, Metrics.logLoss(new int[] {0, 2, 1, 2, 1}, probabilities), 1e-12);
  }

  @Test
  void binaryLogLossMatchesScikitLearn() {
    // scikit-learn 1.2.1 log_loss: 0.28944340546942976.
    assertEquals(
        0.28944340546942976,
        Metrics.logLoss(new int[] {1, 0, 1, 1, 0}, new double[] {0.9, 0.2, 0.6, 0.99, 0.45}),
        1e-12);
    // A certain, correct prediction costs nothing but the clip: -ln(1 - 1e-15).
    assertEquals(0, Metrics.logLoss(new int[] {1}, new double[] {1.0}), 1e-14);
  }

  @Test
  void logLossRejectsAProbabilityOutsideTheUnitInterval() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Metrics.logLoss(new int[] {1, 0}, new double[] {0.5, 1.5}));
    assertEquals("logLoss: row 1 has probability 1.5, outside [0, 1]", e.getMessage());
  }

  @Test
  void regressionMetricsMatchScikitLearn() {
    double[] actual = {3.0, -0.5, 2.0, 7.0, 4.2};
    double[] predicted = {2.5, 0.0, 2.0, 8.0, 3.9};
    // scikit-learn 1.2.1: mean_squared_error 0.318, r2_score 0.9480256276150627.
    assertEquals(0.318, Metrics.meanSquaredError(actual, predicted), 1e-12);
    assertEquals(0.9480256276150627, Metrics.r2(actual, predicted), 1e-12);
    // Predicting the mean scores 0; constant true values follow scikit-learn's convention.
    assertEquals(0, Metrics.r2(new double[] {1, 2, 3}, new double[] {2, 2, 2}), 1e-15);
    assertEquals(1, Metrics.r2(new double[] {4, 4}, new double[] {4, 4}));
    assertEquals(0, Metrics.r2(new double[] {4, 4}, new double[] {4, 5}));
  }

  @Test
  void lengthsMustAgree() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Metrics.meanSquaredError(new double[] {1, 2, 3}, new double[] {1, 2}));
    assertEquals(
        "meanSquaredError: 3 true values but 2 predictions; give one prediction per row",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(new int[0], new int[0]));
  }
}
