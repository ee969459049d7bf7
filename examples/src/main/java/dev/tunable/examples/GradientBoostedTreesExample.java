package dev.tunable.examples;

import dev.tunable.SearchSpace;
import dev.tunable.evaluation.Metrics;
import dev.tunable.evaluation.Splitter;

/** Gradient-boosted trees on the diabetes data, scored by 5-fold R². */
final class GradientBoostedTreesExample implements Example<GradientBoostedTreesHyperparameters> {
  private final Dataset data = Dataset.diabetes();

  @Override
  public String name() {
    return "boosting";
  }

  @Override
  public String title() {
    return "gradient-boosted trees on " + data;
  }

  @Override
  public Dataset data() {
    return data;
  }

  @Override
  public SearchSpace<GradientBoostedTreesHyperparameters> space() {
    return GradientBoostedTreesHyperparameters.SPACE;
  }

  @Override
  public GradientBoostedTreesHyperparameters defaults() {
    return GradientBoostedTreesHyperparameters.of(new GradientBoostedTrees());
  }

  @Override
  public String metric() {
    return "R²";
  }

  @Override
  public int[] strata() {
    return null; // regression: nothing to stratify on
  }

  @Override
  public Splitter folds(long seed) {
    return Splitter.kFold(5, seed);
  }

  @Override
  public double fitAndScore(
      GradientBoostedTreesHyperparameters hyperparameters, int[] train, int[] test, long seed) {
    GradientBoostedTrees model = hyperparameters.applyTo(new GradientBoostedTrees(seed));
    model.fit(data.features(train), data.targets(train));
    return Metrics.r2(data.targets(test), model.predict(data.features(test)));
  }
}
