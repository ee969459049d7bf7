package dev.tunable.functional;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Scale;

/**
 * A model with a choice among optimizers (one with nothing to tune, one whose branch holds a
 * choice of its own) and a nested class: conditional configuration files, issue 14.
 */
class Trainer {
  sealed interface Optimizer permits Sgd, Momentum, Adam {}

  static final class Sgd implements Optimizer {}

  static final class Momentum implements Optimizer {
    /** No initializer: a file that chooses momentum must give it. */
    @Hyperparameter(range = {0.1, 0.99}) double momentum;
    @Hyperparameter boolean nesterov = false;
  }

  static final class Adam implements Optimizer {
    @Hyperparameter(range = {0.8, 0.999}) double beta1 = 0.9;
    @Hyperparameter Decay decay = new Step();
  }

  sealed interface Decay permits Constant, Step {}

  static final class Constant implements Decay {}

  static final class Step implements Decay {
    @Hyperparameter(range = {1, 50}) int every = 10;
  }

  static class Warmup {
    @Hyperparameter(range = {0, 10}) int epochs = 2;
  }

  @Hyperparameter(range = {1e-4, 1e-1}, scale = Scale.LOG) double rate = 0.01;
  @Hyperparameter Optimizer optimizer = new Adam();
  @Hyperparameter Warmup warmup = new Warmup();
}
