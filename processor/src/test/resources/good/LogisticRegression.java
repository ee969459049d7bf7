package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;
import dev.tunable.annotations.Scale;

public class LogisticRegression {
  public enum Penalty { L1, L2, ELASTIC_NET }

  @Hyperparameter(range = {1e-4, 1e-1}, scale = Scale.LOG, description = "Step size of \"SGD\".")
  double learningRate = 0.01;

  @Hyperparameter(range = {8, 256}, scale = Scale.LOG)
  int batchSize = 32;

  @Hyperparameter(range = {0, 0.5}, step = 0.125)
  float dropout = 0.25f;

  @Hyperparameter(range = {100, 10000}, step = 100)
  long iterations = 1000;

  @Hyperparameter
  boolean shuffle = true;

  @Hyperparameter(choices = {"L1", "L2"})
  Penalty penalty = Penalty.L2;

  @Hyperparameter(choices = {"adam", "sgd"}, name = "solver")
  String optimizer = "adam";

  @Learned double[] weights;
  @Learned double bias;
}
