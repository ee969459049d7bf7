package dev.tunable.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Pruners;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.annotations.Scale;
import dev.tunable.evaluation.CsvDataset;
import dev.tunable.evaluation.Fold;
import dev.tunable.evaluation.Splitter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real boosters, trained by XGBoost's own loop on the iris data, stopped by the callback. */
class PruningCallbackTest {
  private static final int ROUNDS = 20;
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("eta", 0.01, 1, Scale.LOG)
      .integer("max_depth", 1, 6)
      .real("min_child_weight", 1, 1000, Scale.LOG)
      .build();

  private static DMatrix train;
  private static DMatrix validation;

  @BeforeAll
  static void loadIris() throws IOException, XGBoostError {
    CsvDataset iris;
    try (Reader reader = new InputStreamReader(
        PruningCallbackTest.class.getResourceAsStream("/datasets/iris.csv"),
        StandardCharsets.UTF_8)) {
      iris = CsvDataset.read(reader, "iris.csv", "species");
    }
    Fold split = Splitter.stratifiedHoldout(0.3, 7).split(iris.classes()).get(0);
    train = matrix(iris, split.train());
    validation = matrix(iris, split.test());
  }

  private static DMatrix matrix(CsvDataset data, int[] rows) throws XGBoostError {
    double[][] x = data.features();
    double[] y = data.labels();
    int columns = x[0].length;
    float[] values = new float[rows.length * columns];
    float[] labels = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      for (int c = 0; c < columns; c++) {
        values[i * columns + c] = (float) x[rows[i]][c];
      }
      labels[i] = (float) y[rows[i]];
    }
    DMatrix matrix = new DMatrix(values, rows.length, columns, Float.NaN);
    matrix.setLabel(labels);
    return matrix;
  }

  /** Trains one booster with the trial's values and returns its final validation accuracy. */
  private static double trainAndScore(dev.tunable.Trial<Config> trial) throws XGBoostError {
    Map<String, Object> params = new HashMap<>(trial.params().asMap());
    params.put("objective", "multi:softprob");
    params.put("num_class", 3);
    params.put("nthread", 1);
    params.put("seed", 0);
    params.put("silent", 1);
    Booster booster = XGBoost.train(train, params, ROUNDS, Map.of("validation", validation), null,
        PruningCallback.of(trial, validation, XGBoostMetrics.accuracy()));
    try {
      return XGBoostMetrics.accuracy().eval(booster.predict(validation), validation);
    } finally {
      booster.dispose();
    }
  }

  @Test
  void prunesAHopelessBoosterEarlyAndKeepsAGoodOne() {
    Study study = Study.builder()
        .direction(Direction.MAXIMIZE)
        .sampler(Samplers.random(1))
        .pruner(Pruners.median().withStartupTrials(1).withWarmupSteps(2))
        .build();
    // XGBoost's defaults but a shallower tree
    study.enqueue(Map.of("eta", 0.3, "max_depth", 3L, "min_child_weight", 1.0));
    // no split is allowed (the training rows' hessians sum to far less than 1000): every tree is a
    // single leaf and the booster predicts the class frequencies, which are equal
    study.enqueue(Map.of("eta", 0.3, "max_depth", 3L, "min_child_weight", 1000.0));
    study.enqueue(Map.of("eta", 0.5, "max_depth", 2L, "min_child_weight", 2.0));
    study.optimize(SPACE, 3, PruningCallbackTest::trainAndScore);

    List<FrozenTrial> trials = study.trials();
    FrozenTrial good = trials.get(0);
    assertEquals(TrialState.COMPLETE, good.state());
    assertEquals(ROUNDS, good.intermediateValues().size());
    assertTrue(good.value() > 0.9, "a good booster separates iris: " + good.value());
    // the value it returned is the one reported for its last round
    assertEquals(good.value(), good.intermediateValues().get((long) ROUNDS - 1), 1e-6);

    FrozenTrial hopeless = trials.get(1);
    assertEquals(TrialState.PRUNED, hopeless.state());
    // reported rounds 0, 1 and 2; pruned at the first step after the warm-up
    assertEquals(List.of(0L, 1L, 2L), List.copyOf(hopeless.intermediateValues().keySet()));
    assertTrue(hopeless.intermediateValues().get(2L) < 0.5,
        "with no split the booster has not learned: " + hopeless.intermediateValues());

    FrozenTrial alsoGood = trials.get(2);
    assertEquals(TrialState.COMPLETE, alsoGood.state());
    assertEquals(ROUNDS, alsoGood.intermediateValues().size());
  }

  @Test
  void firstStepOffsetsTheReportedSteps() {
    Study study = Study.builder().direction(Direction.MAXIMIZE).build();
    study.enqueue(Map.of("eta", 0.3, "max_depth", 3L, "min_child_weight", 1.0));
    study.optimize(SPACE, 1, trial -> {
      Map<String, Object> params = new HashMap<>(trial.params().asMap());
      params.put("objective", "multi:softprob");
      params.put("num_class", 3);
      params.put("nthread", 1);
      params.put("silent", 1);
      XGBoost.train(train, params, 3, Map.of("train", train, "validation", validation), null,
          PruningCallback.of(trial, validation, XGBoostMetrics.accuracy(), 40)).dispose();
      return 0;
    });
    // the training matrix is evaluated too, but only the validation matrix is reported
    assertEquals(List.of(40L, 41L, 42L),
        List.copyOf(study.trials().get(0).intermediateValues().keySet()));
  }
}
