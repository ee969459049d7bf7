package dev.tunable.internal.importance;

/**
 * How a {@link RandomForest} is grown.
 *
 * @param trees the number of trees, each fitted to its own bootstrap sample
 * @param maxDepth the depth below which no node is split (the root is at depth 0)
 * @param minSamplesSplit the fewest distinct samples a node needs to be split
 * @param minSamplesLeaf the fewest distinct samples each side of a split must keep
 */
record ForestSettings(int trees, int maxDepth, int minSamplesSplit, int minSamplesLeaf) {
  /** Optuna's {@code FanovaImportanceEvaluator}: 64 trees, depth 64, splits down to one sample. */
  static final ForestSettings OPTUNA = new ForestSettings(64, 64, 2, 1);

  ForestSettings {
    requireAtLeast("trees", trees, 1);
    requireAtLeast("maxDepth", maxDepth, 0);
    requireAtLeast("minSamplesSplit", minSamplesSplit, 2);
    requireAtLeast("minSamplesLeaf", minSamplesLeaf, 1);
  }

  private static void requireAtLeast(String name, int value, int least) {
    if (value < least) {
      throw new IllegalArgumentException(name + " is " + value + "; it must be at least " + least);
    }
  }
}
