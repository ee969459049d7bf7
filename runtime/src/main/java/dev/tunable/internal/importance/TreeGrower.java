package dev.tunable.internal.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Grows one {@link RegressionTree} by CART with variance reduction, as scikit-learn's {@code
 * DecisionTreeRegressor} with its best splitter does: every node tries every feature, in a random
 * order, and takes the split with the largest weighted variance reduction (the first found on
 * ties); a threshold lies halfway between two neighbouring distinct values. A node stays a leaf
 * when it is at the maximum depth, has too few samples, or its targets do not vary.
 */
final class TreeGrower {
  /** scikit-learn's EPSILON: a node whose impurity is no larger is pure. */
  private static final double PURE = Math.ulp(1.0);
  /** scikit-learn's FEATURE_THRESHOLD: values closer than this are one value. */
  private static final double SAME_VALUE = 1e-7;

  private final double[][] x;
  private final double[] y;
  private final double[] weight;
  private final ForestSettings settings;
  private final SplittableRandom random;
  private final int features;

  private final List<Integer> nodeFeature = new ArrayList<>();
  private final List<Double> nodeThreshold = new ArrayList<>();
  private final List<Integer> nodeLeft = new ArrayList<>();
  private final List<Integer> nodeRight = new ArrayList<>();
  private final List<Double> nodeValue = new ArrayList<>();

  private TreeGrower(double[][] x, double[] y, double[] weight, ForestSettings settings,
      SplittableRandom random) {
    this.x = x;
    this.y = y;
    this.weight = weight;
    this.settings = settings;
    this.random = random;
    this.features = x[0].length;
  }

  /**
   * A tree fitted to the rows of {@code x} and targets {@code y}, each row counted {@code
   * weight} times (bootstrap counts); rows of weight 0 are left out. {@code random} orders the
   * features at each node.
   *
   * @throws IllegalArgumentException if no row has a positive weight
   */
  static RegressionTree grow(double[][] x, double[] y, double[] weight, ForestSettings settings,
      SplittableRandom random) {
    int[] rows = IntStream.range(0, y.length)
        .filter(row -> weight[row] > 0).toArray();
    if (rows.length == 0) {
      throw new IllegalArgumentException("a tree needs a row of positive weight; got "
          + Arrays.toString(weight));
    }
    TreeGrower grower = new TreeGrower(x, y, weight, settings, random);
    grower.grow(rows, 0);
    return new RegressionTree(
        grower.nodeFeature.stream().mapToInt(Integer::intValue).toArray(),
        grower.nodeThreshold.stream().mapToDouble(Double::doubleValue).toArray(),
        grower.nodeLeft.stream().mapToInt(Integer::intValue).toArray(),
        grower.nodeRight.stream().mapToInt(Integer::intValue).toArray(),
        grower.nodeValue.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Adds the node holding {@code rows} and, if it splits, its subtrees; returns its index. */
  private int grow(int[] rows, int depth) {
    double total = 0;
    double sum = 0;
    for (int row : rows) {
      total += weight[row];
      sum += weight[row] * y[row];
    }
    double mean = sum / total;
    double squares = 0;
    for (int row : rows) {
      squares += weight[row] * (y[row] - mean) * (y[row] - mean);
    }
    int node = nodeFeature.size();
    nodeFeature.add(RegressionTree.LEAF);
    nodeThreshold.add(Double.NaN);
    nodeLeft.add(-1);
    nodeRight.add(-1);
    nodeValue.add(mean);

    boolean leaf = depth >= settings.maxDepth()
        || rows.length < settings.minSamplesSplit()
        || rows.length < 2 * settings.minSamplesLeaf()
        || squares / total <= PURE;
    Split split = leaf ? null : bestSplit(rows, mean);
    if (split == null) {
      return node;
    }
    int[] sorted = sortedBy(rows, split.feature);
    int leftChild = grow(Arrays.copyOfRange(sorted, 0, split.position), depth + 1);
    int rightChild = grow(Arrays.copyOfRange(sorted, split.position, sorted.length), depth + 1);
    nodeFeature.set(node, split.feature);
    nodeThreshold.set(node, split.threshold);
    nodeLeft.set(node, leftChild);
    nodeRight.set(node, rightChild);
    return node;
  }

  /**
   * The split of {@code rows} that most reduces their weighted variance, or null if no feature
   * varies enough among them. Maximizing {@code sumLeft²/weightLeft + sumRight²/weightRight} is
   * maximizing the reduction; targets are centred on the node's {@code mean} for precision.
   */
  private Split bestSplit(int[] rows, double mean) {
    Split best = null;
    double bestProxy = Double.NEGATIVE_INFINITY;
    int minLeaf = settings.minSamplesLeaf();
    for (int feature : shuffledFeatures()) {
      int[] sorted = sortedBy(rows, feature);
      if (x[sorted[sorted.length - 1]][feature] <= x[sorted[0]][feature] + SAME_VALUE) {
        continue;
      }
      double totalWeight = 0;
      double totalSum = 0;
      for (int row : sorted) {
        totalWeight += weight[row];
        totalSum += weight[row] * (y[row] - mean);
      }
      double leftWeight = 0;
      double leftSum = 0;
      for (int position = 1; position < sorted.length; position++) {
        int previous = sorted[position - 1];
        leftWeight += weight[previous];
        leftSum += weight[previous] * (y[previous] - mean);
        double below = x[previous][feature];
        double above = x[sorted[position]][feature];
        if (above <= below + SAME_VALUE
            || position < minLeaf || sorted.length - position < minLeaf) {
          continue;
        }
        double rightWeight = totalWeight - leftWeight;
        double rightSum = totalSum - leftSum;
        double proxy = leftSum * leftSum / leftWeight + rightSum * rightSum / rightWeight;
        if (proxy > bestProxy) {
          bestProxy = proxy;
          best = new Split(feature, threshold(below, above), position);
        }
      }
    }
    return best;
  }

  /** Halfway between two values, or the lower one where rounding reaches the upper one. */
  private static double threshold(double below, double above) {
    double half = below / 2 + above / 2;
    return half == above || Double.isInfinite(half) ? below : half;
  }

  private int[] shuffledFeatures() {
    int[] order = new int[features];
    for (int f = 0; f < features; f++) {
      order[f] = f;
    }
    for (int f = features - 1; f > 0; f--) {
      int other = random.nextInt(f + 1);
      int held = order[f];
      order[f] = order[other];
      order[other] = held;
    }
    return order;
  }

  /**
   * {@code rows} ordered by their value of {@code feature}, ties by row: a merge sort of the
   * primitive rows, since sorting boxed ones was most of the time a forest took.
   */
  private int[] sortedBy(int[] rows, int feature) {
    int[] sorted = rows.clone();
    mergeSort(sorted, rows.clone(), 0, rows.length, feature);
    return sorted;
  }

  /** Sorts {@code rows[from, to)}, using the same range of {@code spare} (a copy) as scratch. */
  private void mergeSort(int[] rows, int[] spare, int from, int to, int feature) {
    if (to - from < 2) {
      return;
    }
    int middle = (from + to) >>> 1;
    mergeSort(spare, rows, from, middle, feature);
    mergeSort(spare, rows, middle, to, feature);
    int left = from;
    int right = middle;
    for (int out = from; out < to; out++) {
      if (right >= to || left < middle && !before(spare[right], spare[left], feature)) {
        rows[out] = spare[left++];
      } else {
        rows[out] = spare[right++];
      }
    }
  }

  private boolean before(int a, int b, int feature) {
    int byValue = Double.compare(x[a][feature], x[b][feature]);
    return byValue < 0 || byValue == 0 && a < b;
  }

  /** Where a node splits: rows before {@code position} in order of {@code feature} go left. */
  private record Split(int feature, double threshold, int position) {}
}
