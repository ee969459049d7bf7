package dev.tunable.examples;

import dev.tunable.Direction;
import dev.tunable.Pruner;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.IEvaluation;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * XGBoost on {@code breast_cancer}, stratified 5-fold cross-validation, {@value
 * XGBoostClassifier#ROUNDS} rounds per booster: accuracy at XGBoost's defaults; then the same TPE
 * study (same seed, so the same first trials) without a pruner and with the median pruner plugged
 * into XGBoost's training loop by {@link PruningCallback}, with the boosting rounds each trained.
 * Run with {@code Main xgboost [--trials N] [--seeds 0,1,2]}.
 */
final class XGBoostBenchmark {
  private XGBoostBenchmark() {}

  static void main(String[] args) throws XGBoostError {
    int trials = 30;
    long[] seeds = {0, 1, 2};
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--trials" -> trials = Integer.parseInt(args[++i]);
        case "--seeds" ->
            seeds = Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
        default -> throw new IllegalArgumentException(
            "unknown argument '" + args[i] + "'; usage: xgboost [--trials N] [--seeds 0,1,2]");
      }
    }
    Dataset data = Dataset.breastCancer();
    System.out.printf(Locale.ROOT, "XGBoost on %s, stratified 5-fold CV, %d rounds per booster,"
        + " %d TPE trials; tuned: eta, max_depth, min_child_weight, subsample, colsample_bytree,"
        + " lambda, gamma%n", data, XGBoostClassifier.ROUNDS, trials);
    System.out.printf(Locale.ROOT, "%6s %10s %10s %10s %8s %8s %10s %8s%n",
        "seed", "defaults", "pruner", "best acc", "pruned", "rounds", "saved", "seconds");
    for (long seed : seeds) {
      List<Fold> folds = Splitter.stratifiedKFold(5, seed).split(data.labels());
      Matrices matrices = Matrices.of(data, folds);
      XGBoostClassifierHyperparameters defaults =
          XGBoostClassifierHyperparameters.of(new XGBoostClassifier());
      double atDefaults = CrossValidation.run(folds, fold ->
          defaults.applyTo(new XGBoostClassifier())
              .fit(matrices.train(fold), seed, null, null)
              .accuracy(matrices.test(fold))).mean();
      long unprunedRounds = 0;
      for (boolean prune : new boolean[] {false, true}) {
        Pruner pruner = prune
            ? Pruners.median().withStartupTrials(5).withWarmupSteps(10)
            : Pruners.none();
        Study study = Study.builder()
            .direction(Direction.MAXIMIZE)
            .sampler(Samplers.tpe(seed))
            .pruner(pruner)
            .build();
        AtomicLong rounds = new AtomicLong();
        long started = System.nanoTime();
        Trial<XGBoostClassifierHyperparameters> best = study.optimize(
            XGBoostClassifierHyperparameters.SPACE, trials, trial ->
                CrossValidation.run(folds, fold ->
                    trial.params().applyTo(new XGBoostClassifier())
                        .fit(matrices.train(fold), seed, matrices.test(fold),
                            PruningCallback.of(trial, matrices.test(fold),
                                counting(XGBoostMetrics.accuracy(), rounds),
                                (long) fold.index() * XGBoostClassifier.ROUNDS))
                        .accuracy(matrices.test(fold))).mean());
        double seconds = (System.nanoTime() - started) / 1e9;
        long pruned = study.trials().stream().filter(t -> t.state() == TrialState.PRUNED).count();
        if (!prune) {
          unprunedRounds = rounds.get();
        }
        System.out.printf(Locale.ROOT, "%6d %10.4f %10s %10.4f %8d %8d %9.0f%% %8.1f%n",
            seed, atDefaults, prune ? "median" : "none", best.value(), pruned, rounds.get(),
            100.0 * (unprunedRounds - rounds.get()) / unprunedRounds, seconds);
        System.out.printf(Locale.ROOT, "%6s best: %s%n", "", best.params());
      }
    }
  }

  /** Counts the rounds XGBoost evaluates, which are the rounds it trained. */
  private static IEvaluation counting(IEvaluation metric, AtomicLong rounds) {
    return new IEvaluation() {
      private static final long serialVersionUID = 1L;

      @Override
      public String getMetric() {
        return metric.getMetric();
      }

      @Override
      public float eval(float[][] predictions, DMatrix data) {
        rounds.incrementAndGet();
        return metric.eval(predictions, data);
      }
    };
  }

  /** Each fold's training and held-out rows as XGBoost matrices, built once per seed. */
  private record Matrices(DMatrix[] train, DMatrix[] test) {
    static Matrices of(Dataset data, List<Fold> folds) throws XGBoostError {
      DMatrix[] train = new DMatrix[folds.size()];
      DMatrix[] test = new DMatrix[folds.size()];
      for (Fold fold : folds) {
        train[fold.index()] = XGBoostClassifier.matrix(data, fold.train());
        test[fold.index()] = XGBoostClassifier.matrix(data, fold.test());
      }
      return new Matrices(train, test);
    }

    DMatrix train(Fold fold) {
      return train[fold.index()];
    }

    DMatrix test(Fold fold) {
      return test[fold.index()];
    }
  }
}
