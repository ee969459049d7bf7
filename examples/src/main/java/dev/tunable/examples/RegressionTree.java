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

  private RegressionTree(int[] feature, double[] threshold, int[] left, int[] right, double[] value) {
    this.feature = feature;
    this.threshold = threshold;
    this.left = left;
    this.right = right;
    this.value = value;
  }

  /**
   * Grows a tree on {@code rows} of {@code x} to fit {@code target} (indexed by row number), at most
   * {@code maxDepth} splits deep and with at least {@code minLeaf} rows in every leaf.
   */
  static RegressionTree grow(double[][] x, double[] target, int[] rows, int maxDepth, int minLeaf) {
    Builder builder = new Builder(x, target, minLeaf);
    builder.grow(rows.clone(), maxDepth);
    return builder.build();
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

    /** Adds the subtree for {@code rows} and returns its root's node number. */
    int grow(int[] rows, int depthLeft) {
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
      Split split = bestSplit(rows, sum);
      if (split == null) {
        return node;
      }
      int[] lower = Arrays.stream(rows).filter(r -> x[r][split.feature] <= split.threshold).toArray();
      int[] upper = Arrays.stream(rows).filter(r -> x[r][split.feature] > split.threshold).toArray();
      feature.set(node, split.feature);
      threshold.set(node, split.threshold);
      left.set(node, grow(lower, depthLeft - 1));
      right.set(node, grow(upper, depthLeft - 1));
      return node;
    }

    private record Split(int feature, double threshold) {}

    /** The split that most reduces the squared error, or null if no split leaves minLeaf rows a side. */
    private Split bestSplit(int[] rows, double sum) {
      int n = rows.length;
      double bestGain = 1e-12 * Math.max(1, Math.abs(sum * sum / n));
      Split best = null;
      Integer[] sorted = new Integer[n];
      for (int f = 0; f < x[0].length; f++) {
        for (int i = 0; i < n; i++) {
          sorted[i] = rows[i];
        }
        int column = f;
        Arrays.sort(sorted, Comparator.comparingDouble(r -> x[r][column]));
        double leftSum = 0;
        for (int i = 0; i < n - 1; i++) {
          leftSum += target[sorted[i]];
          int leftCount = i + 1;
          double here = x[sorted[i]][f];
          double next = x[sorted[i + 1]][f];
          if (leftCount < minLeaf || n - leftCount < minLeaf || here == next) {
            continue;
          }
          double rightSum = sum - leftSum;
          double gain = leftSum * leftSum / leftCount + rightSum * rightSum / (n - leftCount)
              - sum * sum / n;
          if (gain > bestGain) {
            bestGain = gain;
            best = new Split(f, (here + next) / 2);
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
