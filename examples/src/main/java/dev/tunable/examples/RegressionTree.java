package dev.tunable.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A binary regression tree: each inner node sends a row left when one feature is at most a
 * threshold, each leaf predicts a constant. Grown greedily by least squares. Immutable, so an
 * ensemble can hold trees by reference (as {@code @Learned} state is copied).
 */
public final class RegressionTree {
  /** For node {@code n}: the feature it tests, or -1 for a leaf. */
  private final int[] feature;
  private final double[] threshold;
  private final int[] left;
  private final int[] right;
  /** For a leaf: its prediction. */
  private final double[] value;

  private RegressionTree(
      int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.value = value;
  }

  /**
   * Grows a tree to fit {@code target} (indexed by row number) on the rows listed in {@code
   * sortedRows}, at most {@code maxDepth} splits deep and with at least {@code minLeaf} rows in every
   * leaf. {@code sortedRows[f]} lists the same rows for each feature {@code f}, ordered by that
   * feature's value: sorting once per ensemble instead of once per node keeps growing linear in the
   * rows at each level.
   */
  static RegressionTree grow(
      double[][] x, double[] target, int[][] sortedRows, int maxDepth, int minLeaf) {
    Builder builder = new Builder(x, target, minLeaf);
    builder.grow(sortedRows, maxDepth);
    return builder.build();
  }

  /** For each feature, the given rows ordered by that feature's value. */
  static int[][] sortByFeature(double[][] x, int[] rows) {
    int[][] sorted = new int[x[0].length][];
    for (int f = 0; f < sorted.length; f++) {
      int column = f;
      sorted[f] = Arrays.stream(rows)
          .boxed()
          .sorted(Comparator.comparingDouble(r -> x[r][column]))
          .mapToInt(Integer::intValue)
          .toArray();
    }
    return sorted;
  }

  /** This tree with every leaf's prediction multiplied by {@code factor}. */
  RegressionTree scaled(double factor) {
    double[] scaledValue = value.clone();
    for (int n = 0; n < scaledValue.length; n++) {
      scaledValue[n] *= factor;
    }
    return new RegressionTree(feature, threshold, left, right, scaledValue);
  }

  /** The prediction for one row of features. */
  public double predict(double[] row) {
    int node = 0;
    while (feature[node] >= 0) {
      node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
    }
    return value[node];
  }

  /** The number of nodes, leaves included. */
  public int size() {
    return feature.length;
  }

  /** The number of splits from the root to the deepest leaf. */
  public int depth() {
    return depth(0);
  }

  private int depth(int node) {
    return feature[node] < 0 ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
  }

  private static final class Builder {
    private final double[][] x;
    private final double[] target;
    private final int minLeaf;
    private final List<Integer> feature = new ArrayList<>();
    private final List<Double> threshold = new ArrayList<>();
    private final List<Integer> left = new ArrayList<>();
    private final List<Integer> right = new ArrayList<>();
    private final List<Double> value = new ArrayList<>();

    Builder(double[][] x, double[] target, int minLeaf) {
      this.x = x;
      this.target = target;
      this.minLeaf = minLeaf;
    }

    /** Adds the subtree for the rows of {@code sorted} and returns its root's node number. */
    int grow(int[][] sorted, int depthLeft) {
      int[] rows = sorted[0];
      int node = feature.size();
      double sum = 0;
      for (int row : rows) {
        sum += target[row];
      }
      feature.add(-1);
      threshold.add(0.0);
      left.add(-1);
      right.add(-1);
      value.add(sum / rows.length);
      if (depthLeft == 0 || rows.length < 2 * minLeaf) {
        return node;
      }
      Split split = bestSplit(sorted, sum);
      if (split == null) {
        return node;
      }
      int[][] lower = new int[sorted.length][];
      int[][] upper = new int[sorted.length][];
      for (int f = 0; f < sorted.length; f++) {
        lower[f] = new int[split.leftCount];
        upper[f] = new int[rows.length - split.leftCount];
        int l = 0;
        int u = 0;
        for (int row : sorted[f]) {
          if (x[row][split.feature] <= split.threshold) {
            lower[f][l++] = row;
          } else {
            upper[f][u++] = row;
          }
        }
      }
      feature.set(node, split.feature);
      threshold.set(node, split.threshold);
      left.set(node, grow(lower, depthLeft - 1));
      right.set(node, grow(upper, depthLeft - 1));
      return node;
    }

    private record Split(int feature, double threshold, int leftCount) {}

    /**
     * The split that most reduces the squared error, or null if none leaves minLeaf rows a side
     * and reduces it at all.
     */
    private Split bestSplit(int[][] sorted, double sum) {
      int n = sorted[0].length;
      double bestGain = 1e-12 * Math.max(1, sum * sum / n);
      Split best = null;
      for (int f = 0; f < sorted.length; f++) {
        int[] rows = sorted[f];
        double leftSum = 0;
        for (int i = 0; i < n - 1; i++) {
          leftSum += target[rows[i]];
          int leftCount = i + 1;
          double here = x[rows[i]][f];
          double next = x[rows[i + 1]][f];
          if (leftCount < minLeaf || n - leftCount < minLeaf || here == next) {
            continue;
          }
          double rightSum = sum - leftSum;
          double gain = leftSum * leftSum / leftCount + rightSum * rightSum / (n - leftCount)
              - sum * sum / n;
          if (gain > bestGain) {
            bestGain = gain;
            best = new Split(f, (here + next) / 2, leftCount);
          }
        }
      }
      return best;
    }

    RegressionTree build() {
      return new RegressionTree(
          feature.stream().mapToInt(Integer::intValue).toArray(),
          threshold.stream().mapToDouble(Double::doubleValue).toArray(),
          left.stream().mapToInt(Integer::intValue).toArray(),
          right.stream().mapToInt(Integer::intValue).toArray(),
          value.stream().mapToDouble(Double::doubleValue).toArray());
    }
  }
}
