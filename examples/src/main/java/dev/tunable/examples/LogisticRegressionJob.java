package dev.tunable.examples;

import dev.tunable.Direction;
import dev.tunable.Pruner;
import dev.tunable.Pruners;
import dev.tunable.SearchSpace;
import dev.tunable.Trial;
import dev.tunable.TuningJob;
import dev.tunable.evaluation.CrossValidationResult;
import java.util.Arrays;

/**
 * The logistic-regression example as a job that {@code tunable worker} runs by class name, on as
 * many machines as share the study: stratified 5-fold cross-validated accuracy on the tuning rows
 * of {@code breast_cancer.csv} (the same fifth held out as by {@link Main}).
 */
public final class LogisticRegressionJob implements TuningJob<LogisticRegressionHyperparameters> {
  private static final long SEED = 42;
  private final LogisticRegressionExample example = new LogisticRegressionExample();
  private final int[] tuningRows;

  /** Loads the data set once per worker process. */
  public LogisticRegressionJob() {
    int[] rows = new int[example.data().size()];
    Arrays.setAll(rows, i -> i);
    tuningRows = example.holdout(SEED).split(rows, example.strata()).get(0).train();
  }

  @Override
  public SearchSpace<LogisticRegressionHyperparameters> space() {
    return example.space();
  }

  @Override
  public double evaluate(Trial<LogisticRegressionHyperparameters> trial) {
    CrossValidationResult cv = example.crossValidate(trial.params(), tuningRows, SEED, fold -> {
      trial.report(fold.fold(), fold.meanSoFar());
      if (trial.shouldPrune()) {
        throw trial.pruned();
      }
    });
    return cv.mean();
  }

  @Override
  public Direction direction() {
    return Direction.MAXIMIZE;
  }

  @Override
  public Pruner pruner() {
    return Pruners.folds();
  }
}
