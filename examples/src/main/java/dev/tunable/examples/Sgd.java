package dev.tunable.examples;

import dev.tunable.annotations.Hyperparameter;

/**
 * Gradient descent with classical momentum: {@code v = momentum * v - rate * g}, then {@code
 * p = p + v}. Momentum 0 is plain gradient descent.
 */
public final class Sgd implements Optimizer {

  @Hyperparameter(range = {0, 0.99}, description = "the share of the last step kept in the next")
  double momentum = 0.9;

  @Override
  public void step(double[] parameters, double[] gradients, double[] first, double[] second,
      int step, double learningRate) {
    for (int i = 0; i < parameters.length; i++) {
      first[i] = momentum * first[i] - learningRate * gradients[i];
      parameters[i] += first[i];
    }
  }

  @Override
  public String toString() {
    return "Sgd(momentum=" + momentum + ")";
  }
}
