package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Scale;

public class Mlp {
  @Hyperparameter(range = {1e-4, 1e-1}, scale = Scale.LOG)
  double learningRate = 0.01;

  @Hyperparameter
  Optimizer optimizer = new Adam();

  @Hyperparameter
  Schedule schedule = new Schedule();
}
