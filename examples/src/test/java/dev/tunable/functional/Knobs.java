package dev.tunable.functional;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;
import dev.tunable.annotations.Scale;

/** A model with one hyperparameter of every supported kind, and learned state of several shapes. */
class Knobs {
  enum Kernel { LINEAR, POLYNOMIAL, RBF, SIGMOID }

  @Hyperparameter(range = {1e-4, 1e-1}, scale = Scale.LOG, description = "step size")
  double learningRate = 0.01;

  @Hyperparameter(range = {0.1, 0.9})
  float momentum = 0.5f;

  @Hyperparameter(range = {0, 0.5}, step = 0.125)
  float dropout = 0.25f;

  @Hyperparameter(range = {0, 1}, step = 0.1)
  double l2 = 0.2;

  @Hyperparameter(range = {8, 256}, scale = Scale.LOG)
  int batchSize = 32;

  @Hyperparameter(range = {10, 100}, step = 10)
  int layers = 20;

  @Hyperparameter(range = {1, 5_000_000_000L})
  long seed = 42;

  @Hyperparameter
  boolean shuffle = true;

  @Hyperparameter(choices = {"LINEAR", "RBF"})
  Kernel kernel = Kernel.RBF;

  @Hyperparameter
  Kernel fallback = Kernel.LINEAR;

  @Hyperparameter(choices = {"adam", "sgd", "rmsprop"}, name = "solver")
  String optimizer = "adam";

  @Learned double[] weights;
  @Learned double[][] kernelMatrix;
  @Learned int[][][] counts;
  @Learned double bias;
  @Learned int epochsRun;
  @Learned String notes;
  @Learned StringBuilder log;

  /** Something training would do: the hyperparameters are only read. */
  void fit(int features) {
    weights = new double[features];
    for (int i = 0; i < features; i++) {
      weights[i] = learningRate * (i + 1);
    }
    kernelMatrix = new double[][] {{1, 2}, {3, 4, 5}};
    counts = new int[][][] {{{1}, {2, 3}}, {{4, 5, 6}}};
    bias = -1.5;
    epochsRun = layers;
    notes = "fitted";
    log = new StringBuilder("fit");
  }
}
