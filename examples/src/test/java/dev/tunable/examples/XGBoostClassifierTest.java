package dev.tunable.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.evaluation.Fold;
import dev.tunable.evaluation.Splitter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;

/** Issue 16: XGBoost's parameter map from the generated record, and a Booster as learned state. */
class XGBoostClassifierTest {

  /** The names written once in {@code @Hyperparameter(name = ...)} are XGBoost's keys. */
  @Test
  void theDefaultsByDimensionNameAreXGBoostsParameterMap() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("eta", 0.3);
    expected.put("max_depth", 6);
    expected.put("min_child_weight", 1.0);
    expected.put("subsample", 1.0);
    expected.put("colsample_bytree", 1.0);
    expected.put("lambda", 1.0);
    expected.put("gamma", 0.0);
    Map<String, Object> params =
        XGBoostClassifierHyperparameters.of(new XGBoostClassifier()).toConfig().asMap();
    assertEquals(expected.toString(), params.toString());
  }

  /**
   * XGBoost ignores a key it does not know, so a misspelled name would pass unnoticed: the trees
   * show that {@code max_depth = 1} reached it (a root and two leaves each, not depth 6).
   */
  @Test
  void theValuesReachXGBoostAndTheBoosterIsCopiedThroughItsCodec() throws XGBoostError {
    Dataset data = Dataset.breastCancer();
    Fold fold = Splitter.stratifiedHoldout(0.25, 3).split(data.labels()).get(0);
    DMatrix train = XGBoostClassifier.matrix(data, fold.train());
    DMatrix test = XGBoostClassifier.matrix(data, fold.test());
    XGBoostClassifier model = XGBoostClassifierHyperparameters.of(new XGBoostClassifier())
        .withMaxDepth(1)
        .applyTo(new XGBoostClassifier())
        .fit(train, 0, null, null);
    String[] trees = model.booster.getModelDump("", false);
    assertEquals(XGBoostClassifier.ROUNDS, trees.length);
    assertTrue(Arrays.stream(trees).allMatch(tree -> tree.strip().split("\n").length == 3),
        trees[0]);
    assertTrue(model.accuracy(test) > 0.9, "stumps separate breast_cancer well");

    // captured through BoosterCodec: a booster of its own that predicts as the model's does
    XGBoostClassifierParameters captured = XGBoostClassifierParameters.capture(model);
    assertNotSame(model.booster, captured.booster());
    assertArrayEquals(model.booster.predict(test), captured.booster().predict(test));
    assertEquals(0, captured.scalarCount());
    // training the model on does not change the captured booster
    float[][] before = captured.booster().predict(test);
    model.booster.update(train, XGBoostClassifier.ROUNDS);
    assertEquals(XGBoostClassifier.ROUNDS + 1, model.booster.getNumBoostedRound());
    assertEquals(XGBoostClassifier.ROUNDS, captured.booster().getNumBoostedRound());
    assertArrayEquals(before, captured.booster().predict(test));
    // restoring copies again
    XGBoostClassifier restored = captured.restore(new XGBoostClassifier());
    assertNotSame(captured.booster(), restored.booster);
    assertArrayEquals(before, restored.booster.predict(test));
    assertEquals(XGBoostClassifier.ROUNDS, restored.booster.getNumBoostedRound());
    model.booster.dispose();
  }
}
