package dev.tunable.examples;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;
import dev.tunable.annotations.Scale;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gradient-boosted regression trees for the squared error: starting from the mean target, each
 * tree fits the residuals of the ensemble so far, on a random subsample of the rows, and is added
 * shrunk by the learning rate.
 *
 * <p>The learned state is not only arrays: the ensemble is a list of immutable {@link
 * RegressionTree}s, which {@code GradientBoostedTreesParameters} copies by reference. Trees need no
 * feature scaling. Deterministic given the seed.
 */
public class GradientBoostedTrees {

  @Hyperparameter(range = {10, 500}, scale = Scale.LOG, description = "the number of trees")
  int trees = 100;

  @Hyperparameter(range = {1, 8}, description = "the most splits from a tree's root to a leaf")
  int maxDepth = 3;

  @Hyperparameter(
      range = {0.01, 0.5},
      scale = Scale.LOG,
      description = "the shrinkage of each tree's contribution")
  double learningRate = 0.1;

  @Hyperparameter(range = {0.5, 1}, description = "the fraction of rows each tree is grown on")
  double subsample = 1;

  @Hyperparameter(
      range = {1, 50},
      scale = Scale.LOG,
      description = "the fewest training rows a leaf may hold")
  int minSamplesLeaf = 1;

  /** The prediction before any tree: the mean training target. */
  @Learned double baseline;

  /** The trees, in the order they were added, each already shrunk by the learning rate. */
  @Learned List<RegressionTree> ensemble;

  private final long seed;

  /** A model with the default hyperparameters and seed 0. */
  public GradientBoostedTrees() {
    this(0);
  }

  /** A model with the default hyperparameters whose row subsampling uses {@code seed}. */
  public GradientBoostedTrees(long seed) {
    this.seed = seed;
  }

  /** Trains on rows {@code x} with targets {@code y}, replacing any earlier training. */
  public GradientBoostedTrees fit(double[][] x, double[] y) {
    return fit(x, y, (tree, loss) -> {});
  }

  /**
   * Trains as {@link #fit(double[][], double[])} does, telling {@code listener} the training mean
   * squared error after each tree (its "epoch" is the tree's index).
   */
  public GradientBoostedTrees fit(double[][] x, double[] y, EpochListener listener) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException(
          "training needs one target per row and at least one row; got " + x.length + " rows and "
              + y.length + " targets");
    }
    baseline = Arrays.stream(y).average().orElseThrow();
    double[] prediction = new double[y.length];
    Arrays.fill(prediction, baseline);
    double[] residual = new double[y.length];
    int sampleSize = Math.max(1, (int) Math.round(subsample * y.length));
    int[] order = new int[y.length];
    Arrays.setAll(order, i -> i);
    int[][] sortedRows = RegressionTree.sortByFeature(x, order);
    boolean[] inSample = new boolean[y.length];
    SplittableRandom random = new SplittableRandom(seed);
    List<RegressionTree> grown = new ArrayList<>(trees);
    for (int t = 0; t < trees; t++) {
      for (int i = 0; i < y.length; i++) {
        residual[i] = y[i] - prediction[i];
      }
      LogisticRegression.shuffle(order, random);
      Arrays.fill(inSample, false);
      for (int i = 0; i < sampleSize; i++) {
        inSample[order[i]] = true;
      }
      int[][] sample = new int[sortedRows.length][];
      for (int f = 0; f < sample.length; f++) {
        sample[f] = Arrays.stream(sortedRows[f]).filter(row -> inSample[row]).toArray();
      }
      // Shrinkage is baked into the leaves, so predictions never depend on the hyperparameters.
      RegressionTree tree =
          RegressionTree.grow(x, residual, sample, maxDepth, minSamplesLeaf).scaled(learningRate);
      grown.add(tree);
      double squares = 0;
      for (int i = 0; i < y.length; i++) {
        prediction[i] += tree.predict(x[i]);
        squares += (y[i] - prediction[i]) * (y[i] - prediction[i]);
      }
      listener.onEpoch(t, squares / y.length);
    }
    ensemble = List.copyOf(grown);
    return this;
  }

  /** The predicted target of each row of {@code x}. */
  public double[] predict(double[][] x) {
    if (ensemble == null) {
      throw new IllegalStateException(
          "this GradientBoostedTrees is not trained yet; call fit first");
    }
    double[] predictions = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double sum = baseline;
      for (RegressionTree tree : ensemble) {
        sum += tree.predict(x[i]);
      }
      predictions[i] = sum;
    }
    return predictions;
  }

  @Override
  public String toString() {
    return "GradientBoostedTrees(trees=" + trees + ", maxDepth=" + maxDepth + ", learningRate="
        + learningRate + ", subsample=" + subsample + ", minSamplesLeaf=" + minSamplesLeaf + ")";
  }
}
