package dev.tunable.examples;

import dev.tunable.SearchSpace;
import dev.tunable.evaluation.Metrics;
import dev.tunable.evaluation.Splitter;

/** Logistic regression on the breast cancer data, scored by stratified 5-fold accuracy. */
final class LogisticRegressionExample implements Example<LogisticRegressionHyperparameters> {
  private final Dataset data = Dataset.breastCancer();

  @Override
  public String name() {
    return "logistic";
  }

  @Override
  public String title() {
    return "logistic regression on " + data;
  }

  @Override
  public Dataset data() {
    return data;
  }

  @Override
  public SearchSpace<LogisticRegressionHyperparameters> space() {
    return LogisticRegressionHyperparameters.SPACE;
  }

  @Override
  public LogisticRegressionHyperparameters defaults() {
    return LogisticRegressionHyperparameters.of(new LogisticRegression());
  }

  @Override
  public String metric() {
    return "accuracy";
  }

  @Override
  public int[] strata() {
    return data.labels();
  }

  @Override
  public Splitter folds(long seed) {
    return Splitter.stratifiedKFold(5, seed);
  }

  @Override
  public double fitAndScore(
      LogisticRegressionHyperparameters hyperparameters, int[] train, int[] test, long seed) {
    LogisticRegression model = hyperparameters.applyTo(new LogisticRegression(seed));
    model.fit(data.features(train), data.labels(train));
    return Metrics.accuracy(data.labels(test), model.predict(data.features(test)));
  }
}
