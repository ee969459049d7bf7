package dev.tunable.examples;

import dev.tunable.SearchSpace;
import dev.tunable.evaluation.Metrics;
import dev.tunable.evaluation.Splitter;

/** A multilayer perceptron on the digits, scored by stratified 3-fold accuracy. */
final class MultilayerPerceptronExample implements Example<MultilayerPerceptronHyperparameters> {
  private final Dataset data = Dataset.digits();

  @Override
  public String name() {
    return "mlp";
  }

  @Override
  public String title() {
    return "a multilayer perceptron on " + data;
  }

  @Override
  public Dataset data() {
    return data;
  }

  @Override
  public SearchSpace<MultilayerPerceptronHyperparameters> space() {
    return MultilayerPerceptronHyperparameters.SPACE;
  }

  @Override
  public MultilayerPerceptronHyperparameters defaults() {
    return MultilayerPerceptronHyperparameters.of(new MultilayerPerceptron());
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
    return Splitter.stratifiedKFold(3, seed);
  }

  @Override
  public double fitAndScore(
      MultilayerPerceptronHyperparameters hyperparameters, int[] train, int[] test, long seed) {
    MultilayerPerceptron network = hyperparameters.applyTo(new MultilayerPerceptron(seed));
    network.fit(data.features(train), data.labels(train));
    return Metrics.accuracy(data.labels(test), network.predict(data.features(test)));
  }
}
