package dev.tunable.xgboost;

import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.IEvaluation;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Classification metrics as XGBoost evaluations, for {@link PruningCallback}: XGBoost4J computes
 * its built-in metrics in native code, out of the callback's reach, so the metric that is reported
 * is computed here from the predictions XGBoost hands over.
 *
 * <p>Predictions are read as XGBoost's objectives write them: one probability per row for {@code
 * binary:logistic}, one probability per class and row for {@code multi:softprob}. Labels are the
 * matrix's, class numbers from 0.
 *
 * @since 0.1
 */
public final class XGBoostMetrics {
  private XGBoostMetrics() {}

  /** The fraction of rows whose most probable class is their label: higher is better. */
  public static IEvaluation accuracy() {
    return new Metric("accuracy") {
      private static final long serialVersionUID = 1L;

      @Override
      double score(float[][] predictions, float[] labels) {
        int correct = 0;
        for (int r = 0; r < labels.length; r++) {
          if (predictedClass(predictions[r]) == labels[r]) {
            correct++;
          }
        }
        return (double) correct / labels.length;
      }
    };
  }

  /**
   * The mean negative log-likelihood of the labels, probabilities clipped to [1e-15, 1 - 1e-15]
   * as scikit-learn and XGBoost do: lower is better.
   */
  public static IEvaluation logLoss() {
    return new Metric("logloss") {
      private static final long serialVersionUID = 1L;

      @Override
      double score(float[][] predictions, float[] labels) {
        double sum = 0;
        for (int r = 0; r < labels.length; r++) {
          sum -= Math.log(clip(probabilityOfLabel(predictions[r], (int) labels[r])));
        }
        return sum / labels.length;
      }
    };
  }

  private static int predictedClass(float[] row) {
    if (row.length == 1) {
      return row[0] > 0.5f ? 1 : 0;
    }
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  private static double probabilityOfLabel(float[] row, int label) {
    if (row.length == 1) {
      return label == 1 ? row[0] : 1.0 - row[0];
    }
    return row[label];
  }

  private static double clip(double probability) {
    return Math.min(Math.max(probability, 1e-15), 1 - 1e-15);
  }

  /** A metric over the predictions and the labels of one matrix. */
  private abstract static class Metric implements IEvaluation {
    private static final long serialVersionUID = 1L;
    private final String name;

    Metric(String name) {
      this.name = name;
    }

    abstract double score(float[][] predictions, float[] labels);

    @Override
    public String getMetric() {
      return name;
    }

    @Override
    public float eval(float[][] predictions, DMatrix data) {
      float[] labels;
      try {
        labels = data.getLabel();
      } catch (XGBoostError e) {
        throw new IllegalStateException("cannot read the labels of the evaluated matrix", e);
      }
      if (labels.length != predictions.length || labels.length == 0) {
        throw new IllegalArgumentException(
            "the evaluated matrix has " + labels.length + " labels for " + predictions.length
                + " rows of predictions; set its labels with DMatrix.setLabel");
      }
      return (float) score(predictions, labels);
    }
  }
}
