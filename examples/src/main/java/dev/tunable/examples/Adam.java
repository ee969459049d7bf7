package dev.tunable.examples;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Scale;

/**
 * Adam (Kingma and Ba, 2015): running means of the gradient and of its square, {@code m = beta1 *
 * m + (1 - beta1) * g} and {@code v = beta2 * v + (1 - beta2) * g^2}, corrected for their start at
 * zero by dividing by {@code 1 - beta1^t} and {@code 1 - beta2^t}; then {@code p = p - rate * m' /
 * (sqrt(v') + epsilon)}.
 */
public final class Adam implements Optimizer {

  @Hyperparameter(range = {0.8, 0.99}, description = "the decay of the running mean gradient")
  double beta1 = 0.9;

  @Hyperparameter(
      range = {0.99, 0.9999},
      description = "the decay of the running mean squared gradient")
  double beta2 = 0.999;

  @Hyperparameter(
      range = {1e-10, 1e-4},
      scale = Scale.LOG,
      description = "added to the root-mean-square, against division by nearly zero")
  double epsilon = 1e-8;

  @Override
  public void step(double[] parameters, double[] gradients, double[] first, double[] second,
      int step, double learningRate) {
    double correction1 = 1 - Math.pow(beta1, step);
    double correction2 = 1 - Math.pow(beta2, step);
    for (int i = 0; i < parameters.length; i++) {
      double g = gradients[i];
      first[i] = beta1 * first[i] + (1 - beta1) * g;
      second[i] = beta2 * second[i] + (1 - beta2) * g * g;
      parameters[i] -= learningRate * (first[i] / correction1)
          / (Math.sqrt(second[i] / correction2) + epsilon);
    }
  }

  @Override
  public String toString() {
    return "Adam(beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon + ")";
  }
}
