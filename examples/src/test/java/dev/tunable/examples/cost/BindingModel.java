package dev.tunable.examples.cost;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;
import dev.tunable.annotations.Scale;

/**
 * A model with 10 hyperparameters of every kind and a few learned fields, for {@link
 * BindingBenchmark}: the processor generates {@code BindingModelHyperparameters} and {@code
 * BindingModelParameters} for it.
 */
public class BindingModel {
  /** The activations the model chooses among. */
  public enum Activation { RELU, TANH, SIGMOID }

  @Hyperparameter(range = {1e-5, 1}, scale = Scale.LOG) double learningRate = 0.01;
  @Hyperparameter(range = {0, 0.99}) double momentum = 0.9;
  @Hyperparameter(range = {1e-6, 1e-1}, scale = Scale.LOG) double weightDecay = 1e-4;
  @Hyperparameter(range = {0, 0.5}) float dropout = 0.1f;
  @Hyperparameter(range = {8, 512}, scale = Scale.LOG) int batchSize = 64;
  @Hyperparameter(range = {1, 200}) int epochs = 20;
  @Hyperparameter(range = {0, 1_000_000}, step = 1000) long seed = 42_000;
  @Hyperparameter boolean batchNorm = true;
  @Hyperparameter Activation activation = Activation.RELU;
  @Hyperparameter(choices = {"he", "xavier", "normal"}) String init = "he";

  @Learned double[] weights = new double[16];
  @Learned double[] biases = new double[4];
  @Learned double scale = 1;
  @Learned int updates;
}
