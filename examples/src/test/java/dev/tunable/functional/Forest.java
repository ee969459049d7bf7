package dev.tunable.functional;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

/** Nested classes get {@code Forest_TreeHyperparameters} and {@code Forest_TreeParameters}. */
class Forest {
  static class Tree {
    @Hyperparameter(range = {2, 64}, step = 2) int minLeafSize = 4;
    @Learned int[] splits;
  }
}
