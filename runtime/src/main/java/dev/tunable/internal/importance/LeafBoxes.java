package dev.tunable.internal.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A regression tree seen as fANOVA sees it: a partition of the space's box into the boxes of its
 * leaves, on each of which the tree predicts a constant. Over the space taken as uniform, the
 * tree's prediction has a {@link #variance() variance}, and each group of features a {@link
 * #marginalVariance main effect}: the variance of the prediction averaged over every other
 * feature. Immutable.
 */
final class LeafBoxes {
  private final double[] spaceLow;
  private final double[] spaceHigh;
  private final double[][] low;
  private final double[][] high;
  private final double[] value;
  private final double[] volume;
  private final double spaceVolume;
  private final double mean;

  private LeafBoxes(double[] spaceLow, double[] spaceHigh, List<double[][]> boxes,
      List<Double> values) {
    this.spaceLow = spaceLow;
    this.spaceHigh = spaceHigh;
    int leaves = boxes.size();
    this.low = new double[leaves][];
    this.high = new double[leaves][];
    this.value = new double[leaves];
    this.volume = new double[leaves];
    double weightedSum = 0;
    for (int leaf = 0; leaf < leaves; leaf++) {
      low[leaf] = boxes.get(leaf)[0];
      high[leaf] = boxes.get(leaf)[1];
      value[leaf] = values.get(leaf);
      volume[leaf] = volume(low[leaf], high[leaf], null);
      weightedSum += volume[leaf] * value[leaf];
    }
    this.spaceVolume = volume(spaceLow, spaceHigh, null);
    this.mean = weightedSum / spaceVolume;
  }

  /**
   * The leaf boxes of {@code tree} within the box {@code low}–{@code high}, one bound per feature
   * of the tree.
   *
   * @throws IllegalArgumentException if the bounds do not match or a bound is not below its pair
   */
  static LeafBoxes of(RegressionTree tree, double[] low, double[] high) {
    if (low.length != high.length) {
      throw new IllegalArgumentException(
          "a box needs as many low bounds as high ones; got " + low.length + " and " + high.length);
    }
    for (int f = 0; f < low.length; f++) {
      if (!(low[f] < high[f])) {
        throw new IllegalArgumentException("feature " + f + " has bounds [" + low[f] + ", "
            + high[f] + "]; low must be below high");
      }
    }
    List<double[][]> boxes = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    collect(tree, 0, low.clone(), high.clone(), boxes, values);
    return new LeafBoxes(low.clone(), high.clone(), boxes, values);
  }

  private static void collect(RegressionTree tree, int node, double[] low, double[] high,
      List<double[][]> boxes, List<Double> values) {
    if (tree.isLeaf(node)) {
      boxes.add(new double[][] {low, high});
      values.add(tree.value(node));
      return;
    }
    int f = tree.feature(node);
    if (f >= low.length) {
      throw new IllegalArgumentException(
          "node " + node + " splits on feature " + f + " of a box of " + low.length + " features");
    }
    double[] leftHigh = high.clone();
    leftHigh[f] = Math.min(high[f], tree.threshold(node));
    double[] rightLow = low.clone();
    rightLow[f] = Math.max(low[f], tree.threshold(node));
    collect(tree, tree.left(node), low.clone(), leftHigh, boxes, values);
    collect(tree, tree.right(node), rightLow, high.clone(), boxes, values);
  }

  int leafCount() {
    return value.length;
  }

  /** The variance of the tree's prediction at a uniform point of the space. */
  double variance() {
    double sum = 0;
    for (int leaf = 0; leaf < value.length; leaf++) {
      double centred = value[leaf] - mean;
      sum += volume[leaf] * centred * centred;
    }
    return sum / spaceVolume;
  }

  /**
   * The variance, over a uniform point of the {@code features}' sub-box, of the prediction
   * averaged over every other feature: fANOVA's variance of the group's main effect.
   *
   * <p>Where the other features are averaged out, the prediction at a point {@code m} of the
   * group's sub-box is {@code a(m) = Σ v_L w_L / W} over the leaves {@code L} whose box contains
   * {@code m} in the group's features, with {@code w_L} the leaf's volume in the other features
   * and {@code W} the space's. So {@code a(m) - mean} sums {@code (v_L - mean) w_L / W}, and its
   * mean square is a double sum over pairs of leaves, each weighted by the share of the group's
   * sub-box that both leaves cover. This is exact, and equals Optuna's sum over the grid of split
   * midpoints (on which {@code a} is constant per cell) without enumerating the grid, whose size
   * is the product of the features' split counts. Leaves alike in the group's features are
   * summed first.
   */
  double marginalVariance(int... features) {
    boolean[] inGroup = new boolean[spaceLow.length];
    for (int f : features) {
      inGroup[f] = true;
    }
    double groupVolume = volume(spaceLow, spaceHigh, inGroup);
    double otherVolume = spaceVolume / groupVolume;
    // Per distinct box in the group's features: the sum of (v_L - mean) w_L / W.
    Map<GroupBox, Double> weightByBox = new LinkedHashMap<>();
    for (int leaf = 0; leaf < value.length; leaf++) {
      double[] boxLow = new double[features.length];
      double[] boxHigh = new double[features.length];
      for (int g = 0; g < features.length; g++) {
        boxLow[g] = low[leaf][features[g]];
        boxHigh[g] = high[leaf][features[g]];
      }
      double otherShare = volume[leaf] / volume(low[leaf], high[leaf], inGroup) / otherVolume;
      weightByBox.merge(new GroupBox(boxLow, boxHigh), (value[leaf] - mean) * otherShare,
          Double::sum);
    }
    GroupBox[] boxes = weightByBox.keySet().toArray(new GroupBox[0]);
    double[] weights = new double[boxes.length];
    for (int b = 0; b < boxes.length; b++) {
      weights[b] = weightByBox.get(boxes[b]);
    }
    double sum = 0;
    for (int b = 0; b < boxes.length; b++) {
      sum += weights[b] * weights[b] * boxes[b].overlap(boxes[b]);
      for (int c = b + 1; c < boxes.length; c++) {
        sum += 2 * weights[b] * weights[c] * boxes[b].overlap(boxes[c]);
      }
    }
    return Math.max(0, sum / groupVolume);
  }

  /** The volume of the box, in the features {@code only} marks, or in all if it is null. */
  private static double volume(double[] low, double[] high, boolean[] only) {
    double volume = 1;
    for (int f = 0; f < low.length; f++) {
      if (only == null || only[f]) {
        volume *= high[f] - low[f];
      }
    }
    return volume;
  }

  /** A leaf's box in a group's features. */
  private record GroupBox(double[] low, double[] high) {
    double overlap(GroupBox other) {
      double volume = 1;
      for (int g = 0; g < low.length; g++) {
        double side = Math.min(high[g], other.high[g]) - Math.max(low[g], other.low[g]);
        if (side <= 0) {
          return 0;
        }
        volume *= side;
      }
      return volume;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof GroupBox box
          && Arrays.equals(low, box.low) && Arrays.equals(high, box.high);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
      return Arrays.toString(low) + "–" + Arrays.toString(high);
    }
  }
}
