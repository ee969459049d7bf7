package dev.tunable.examples;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;
import dev.tunable.annotations.Scale;
import dev.tunable.xgboost.BoosterCodec;
import dev.tunable.xgboost.XGBoostMetrics;
import java.util.HashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.IEvaluation;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * XGBoost's tree booster for binary classification, its hyperparameters tuned by Tunable.
 *
 * <p>Each hyperparameter's {@code name} is XGBoost's own spelling, written once: the generated
 * {@code XGBoostClassifierHyperparameters} gives the values by that name ({@code
 * toConfig().asMap()}), which is XGBoost's parameter map as it is. The defaults are XGBoost's.
 * The booster is {@link Learned} state that is not plain data: the generated {@code
 * XGBoostClassifierParameters} deep-copies it through {@link BoosterCodec}.
 */
public class XGBoostClassifier {
  /** Boosting rounds per booster: scikit-learn's {@code XGBClassifier} default. */
  static final int ROUNDS = 100;

  @Hyperparameter(name = "eta", range = {0.01, 1}, scale = Scale.LOG,
      description = "the shrinkage of each tree's contribution (the learning rate)")
  double eta = 0.3;

  @Hyperparameter(name = "max_depth", range = {1, 10},
      description = "the most splits from a tree's root to a leaf")
  int maxDepth = 6;

  @Hyperparameter(name = "min_child_weight", range = {0.1, 20}, scale = Scale.LOG,
      description = "the least hessian a leaf may hold")
  double minChildWeight = 1;

  @Hyperparameter(name = "subsample", range = {0.5, 1},
      description = "the fraction of rows each tree is grown on")
  double subsample = 1;

  @Hyperparameter(name = "colsample_bytree", range = {0.5, 1},
      description = "the fraction of features each tree may split on")
  double colsampleBytree = 1;

  @Hyperparameter(name = "lambda", range = {0.01, 10}, scale = Scale.LOG,
      description = "the L2 penalty on leaf weights")
  double lambda = 1;

  @Hyperparameter(name = "gamma", range = {0, 5},
      description = "the least loss reduction a split must bring")
  double gamma = 0;

  /** The trained booster: a handle on XGBoost's native model, copied through its bytes. */
  @Learned(codec = BoosterCodec.class) Booster booster;

  /**
   * Trains {@link #ROUNDS} rounds on {@code train}. When {@code evaluation} is given, XGBoost calls
   * it on {@code watched} after every round (a {@code PruningCallback} stops the training there).
   */
  public XGBoostClassifier fit(DMatrix train, long seed, DMatrix watched, IEvaluation evaluation)
      throws XGBoostError {
    Map<String, Object> params =
        new HashMap<>(XGBoostClassifierHyperparameters.of(this).toConfig().asMap());
    params.put("objective", "binary:logistic");
    params.put("nthread", 1);
    params.put("seed", seed);
    params.put("verbosity", 0);
    params.put("silent", 1); // XGBoost4J prints every evaluation unless silent
    Map<String, DMatrix> watches = evaluation == null ? Map.of() : Map.of("validation", watched);
    booster = XGBoost.train(train, params, ROUNDS, watches, null, evaluation);
    return this;
  }

  /** The accuracy of the trained booster on {@code test}. */
  public double accuracy(DMatrix test) throws XGBoostError {
    return XGBoostMetrics.accuracy().eval(booster.predict(test), test);
  }

  /** The given rows as an XGBoost matrix, labels set. */
  static DMatrix matrix(Dataset data, int[] rows) throws XGBoostError {
    double[][] x = data.features(rows);
    double[] y = data.targets(rows);
    int columns = data.featureNames().size();
    float[] values = new float[rows.length * columns];
    float[] labels = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      for (int c = 0; c < columns; c++) {
        values[r * columns + c] = (float) x[r][c];
      }
      labels[r] = (float) y[r];
    }
    DMatrix matrix = new DMatrix(values, rows.length, columns, Float.NaN);
    matrix.setLabel(labels);
    return matrix;
  }
}
