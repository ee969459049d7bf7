package dev.tunable.functional;

import dev.tunable.annotations.Hyperparameter;

/**
 * A model whose depth has no initializer, so no default: a configuration file must give it (a
 * fresh model's 0 is outside the range).
 */
class Unset {
  @Hyperparameter(range = {1, 10}) int depth;
  @Hyperparameter(range = {0, 1}) double rate = 0.5;
}
