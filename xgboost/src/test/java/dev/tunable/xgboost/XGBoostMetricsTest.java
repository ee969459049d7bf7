package dev.tunable.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;

class XGBoostMetricsTest {

  private static DMatrix labelled(float... labels) throws XGBoostError {
    DMatrix matrix = new DMatrix(new float[labels.length], labels.length, 1, Float.NaN);
    matrix.setLabel(labels);
    return matrix;
  }

  @Test
  void accuracyOfBinaryProbabilitiesThresholdsAtOneHalf() throws XGBoostError {
    float[][] probabilities = {{0.9f}, {0.2f}, {0.6f}, {0.4f}};
    assertEquals(0.75f, XGBoostMetrics.accuracy().eval(probabilities, labelled(1, 0, 0, 0)));
    assertEquals("accuracy", XGBoostMetrics.accuracy().getMetric());
  }

  @Test
  void accuracyOfClassProbabilitiesTakesTheMostProbableClass() throws XGBoostError {
    float[][] probabilities = {{0.1f, 0.7f, 0.2f}, {0.5f, 0.3f, 0.2f}, {0.2f, 0.3f, 0.5f}};
    assertEquals(2f / 3, XGBoostMetrics.accuracy().eval(probabilities, labelled(1, 0, 1)), 1e-7);
  }

  /** Known answers: sklearn.metrics.log_loss([1, 0], [0.8, 0.3]) = 0.2899092476264711. */
  @Test
  void logLossMatchesScikitLearn() throws XGBoostError {
    assertEquals(0.2899092476264711,
        XGBoostMetrics.logLoss().eval(new float[][] {{0.8f}, {0.3f}}, labelled(1, 0)), 1e-6);
    // log_loss([2, 0], [[0.1, 0.2, 0.7], [0.5, 0.25, 0.25]], labels=[0, 1, 2]) = 0.5249110622
    assertEquals(0.5249110622493434, XGBoostMetrics.logLoss().eval(
        new float[][] {{0.1f, 0.2f, 0.7f}, {0.5f, 0.25f, 0.25f}}, labelled(2, 0)), 1e-6);
    // a certain mistake is clipped to -log(1e-15), not infinity
    assertEquals(-Math.log(1e-15),
        XGBoostMetrics.logLoss().eval(new float[][] {{0f}}, labelled(1)), 1e-3);
  }

  @Test
  void aMatrixWithoutLabelsIsNamed() throws XGBoostError {
    DMatrix unlabelled = new DMatrix(new float[2], 2, 1, Float.NaN);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> XGBoostMetrics.accuracy().eval(new float[][] {{0.5f}, {0.5f}}, unlabelled));
    assertEquals("the evaluated matrix has 0 labels for 2 rows of predictions; set its labels with"
        + " DMatrix.setLabel", e.getMessage());
  }
}
