package dev.tunable.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Pruners;
import dev.tunable.Samplers;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import dev.tunable.evaluation.CrossValidation;
import dev.tunable.evaluation.Fold;
import dev.tunable.evaluation.Splitter;
import dev.tunable.xgboost.PruningCallback;
import dev.tunable.xgboost.XGBoostMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.Test;

/**
 * README.md's XGBoost section runs as written (the study's lines between the markers are the
 * README's, but for {@code nthread} and the number of trials): trials complete or are pruned, and
 * each reported step is a fold's round.
 */
class XGBoostReadmeTest {
  private static final Dataset DATA = Dataset.breastCancer();
  private static final List<Fold> folds = Splitter.stratifiedKFold(5, 1).split(DATA.labels());

  private static DMatrix trainOf(Fold fold) throws XGBoostError {
    return XGBoostClassifier.matrix(DATA, fold.train());
  }

  private static DMatrix testOf(Fold fold) throws XGBoostError {
    return XGBoostClassifier.matrix(DATA, fold.test());
  }

  @Test
  void theReadmeSnippetTunesAndPrunes() {
    Study study = Study.builder().direction(Direction.MAXIMIZE).sampler(Samplers.tpe(1))
        .pruner(Pruners.median().withStartupTrials(2).withWarmupSteps(5)).build();
    Trial<XgbHyperparameters> best =
    // README begins
    study.optimize(XgbHyperparameters.SPACE, 8, trial -> {
      Map<String, Object> params = new HashMap<>(trial.params().toConfig().asMap()); // {eta=0.3, …}
      params.put("objective", "binary:logistic");
      params.put("silent", 1);                               // else XGBoost prints every round
      params.put("nthread", 1);
      return CrossValidation.run(folds, fold -> {            // XGBoostError needs no wrapping
        DMatrix train = trainOf(fold), test = testOf(fold);
        Booster booster = XGBoost.train(train, params, 100, Map.of("test", test), null,
            PruningCallback.of(trial, test, XGBoostMetrics.accuracy(), fold.index() * 100L));
        return XGBoostMetrics.accuracy().eval(booster.predict(test), test);
      }).mean();
    });
    // README ends
    assertTrue(best.value() > 0.94, "tuned XGBoost on breast_cancer: " + best.value());
    for (FrozenTrial trial : study.trials()) {
      assertTrue(trial.state() == TrialState.COMPLETE || trial.state() == TrialState.PRUNED,
          trial.toString());
      long steps = trial.intermediateValues().size();
      if (trial.state() == TrialState.COMPLETE) {
        assertEquals(500, steps, "5 folds of 100 rounds");
        assertEquals(499L, trial.intermediateValues().lastKey());
      } else {
        assertTrue(steps < 500, trial.toString());
      }
    }
  }
}
