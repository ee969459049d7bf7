package dev.tunable.examples.cost;

/**
 * What a user would write by hand instead of the generated code: the same fields set and copied
 * the same way, the yardstick of {@link BindingBenchmark}.
 */
final class HandWrittenBinding {
  private HandWrittenBinding() {}

  /** The learned state, copied as the generated {@code capture} copies it. */
  record Learned(double[] weights, double[] biases, double scale, int updates) {}

  static BindingModel apply(BindingModel model, double learningRate, double momentum,
      double weightDecay, float dropout, int batchSize, int epochs, long seed, boolean batchNorm,
      BindingModel.Activation activation, String init) {
    model.learningRate = learningRate;
    model.momentum = momentum;
    model.weightDecay = weightDecay;
    model.dropout = dropout;
    model.batchSize = batchSize;
    model.epochs = epochs;
    model.seed = seed;
    model.batchNorm = batchNorm;
    model.activation = activation;
    model.init = init;
    return model;
  }

  static Learned capture(BindingModel model) {
    return new Learned(copy(model.weights), copy(model.biases), model.scale, model.updates);
  }

  static BindingModel restore(Learned learned, BindingModel model) {
    model.weights = copy(learned.weights());
    model.biases = copy(learned.biases());
    model.scale = learned.scale();
    model.updates = learned.updates();
    return model;
  }

  private static double[] copy(double[] array) {
    return array == null ? null : array.clone();
  }
}
