package dev.tunable.functional;

import dev.tunable.annotations.Learned;

/** Only learned state: only {@code EmbeddingParameters} is generated. */
class Embedding {
  @Learned float[][] vectors;
}
