package dev.tunable.examples;

import dev.tunable.annotations.Hyperparameter;

/**
 * RMSprop: steps scaled by a running root-mean-square of the gradient, {@code s = decay * s + (1 -
 * decay) * g^2}, then {@code p = p - rate * g / (sqrt(s) + 1e-8)}.
 */
public final class RmsProp implements Optimizer {
  /** Keeps a zero mean square from dividing by zero. */
  private static final double EPSILON = 1e-8;

  @Hyperparameter(
      range = {0.8, 0.999},
      description = "how slowly the running mean of the squared gradient forgets")
  double decay = 0.9;

  @Override
  public void step(double[] parameters, double[] gradients, double[] first, double[] second,
      int step, double learningRate) {
    for (int i = 0; i < parameters.length; i++) {
      double g = gradients[i];
      second[i] = decay * second[i] + (1 - decay) * g * g;
      parameters[i] -= learningRate * g / (Math.sqrt(second[i]) + EPSILON);
    }
  }

  @Override
  public String toString() {
    return "RmsProp(decay=" + decay + ")";
  }
}
