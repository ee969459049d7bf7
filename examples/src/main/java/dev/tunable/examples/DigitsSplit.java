package dev.tunable.examples;

import dev.tunable.evaluation.Fold;
import dev.tunable.evaluation.Metrics;
import dev.tunable.evaluation.Splitter;

/**
 * The digits split three ways for the training-loop examples: 60% to train on, 20% to validate on
 * after each epoch (what pruners and population-based training see), 20% held out to test the
 * chosen model once.
 */
record DigitsSplit(double[][] trainX, int[] trainY, double[][] validationX, int[] validationY,
    double[][] testX, int[] testY) {

  static DigitsSplit of(long seed) {
    Dataset data = Dataset.digits();
    Fold outer = Splitter.stratifiedHoldout(0.2, seed).split(data.labels()).get(0);
    Fold inner = Splitter.stratifiedHoldout(0.25, seed + 1)
        .split(outer.train(), data.labels()).get(0);
    return new DigitsSplit(data.features(inner.train()), data.labels(inner.train()),
        data.features(inner.test()), data.labels(inner.test()),
        data.features(outer.test()), data.labels(outer.test()));
  }

  double validationAccuracy(MultilayerPerceptron network) {
    return Metrics.accuracy(validationY, network.predict(validationX));
  }

  double testAccuracy(MultilayerPerceptron network) {
    return Metrics.accuracy(testY, network.predict(testX));
  }
}
