package dev.tunable.internal.importance;

/**
 * A binary regression tree over numeric features, its nodes in arrays with the root at index 0. An
 * inner node sends a point whose feature is at most the node's threshold to its left child and any
 * other point to its right child; a leaf predicts its value. Immutable.
 */
final class RegressionTree {
  /** The feature of a leaf, which splits on none. */
  static final int LEAF = -1;

  private final int[] feature;
  private final double[] threshold;
  private final int[] left;
  private final int[] right;
  private final double[] value;

  /**
   * A tree of the given nodes; for a leaf, {@code feature} is {@link #LEAF} and its threshold and
   * children are ignored. The arrays are copied.
   */
  RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    int nodes = feature.length;
    if (nodes == 0 || threshold.length != nodes || left.length != nodes
        || right.length != nodes || value.length != nodes) {
      throw new IllegalArgumentException("a tree needs one entry per node in every array, and a"
          + " root; got " + nodes + " features, " + threshold.length + " thresholds, "
          + left.length + " left and " + right.length + " right children, " + value.length
          + " values");
    }
    for (int node = 0; node < nodes; node++) {
      boolean childrenAfter = child(left[node], node, nodes) && child(right[node], node, nodes);
      if (feature[node] != LEAF && !childrenAfter) {
        throw new IllegalArgumentException("node " + node + " has children " + left[node]
            + " and " + right[node] + "; a child comes after its parent, among " + nodes
            + " nodes");
      }
    }
    this.feature = feature.clone();
    this.threshold = threshold.clone();
    this.left = left.clone();
    this.right = right.clone();
    this.value = value.clone();
  }

  private static boolean child(int index, int parent, int nodes) {
    return index > parent && index < nodes;
  }

  int nodeCount() {
    return feature.length;
  }

  boolean isLeaf(int node) {
    return feature[node] == LEAF;
  }

  /** The feature inner node {@code node} splits on; {@link #LEAF} for a leaf. */
  int feature(int node) {
    return feature[node];
  }

  double threshold(int node) {
    return threshold[node];
  }

  int left(int node) {
    return left[node];
  }

  int right(int node) {
    return right[node];
  }

  /** The mean of the training targets that reached {@code node}, weighted by their counts. */
  double value(int node) {
    return value[node];
  }

  /** The value of the leaf {@code point} reaches. */
  double predict(double[] point) {
    int node = 0;
    while (!isLeaf(node)) {
      node = point[feature[node]] <= threshold[node] ? left[node] : right[node];
    }
    return value[node];
  }
}
