package dev.tunable.internal.importance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A regression random forest as scikit-learn's {@code RandomForestRegressor} with its defaults for
 * regression: each tree is grown by {@link TreeGrower} on its own bootstrap sample (as many draws
 * with replacement as there are rows) and considers every feature at every split. Immutable.
 */
final class RandomForest {
  private final List<RegressionTree> trees;

  private RandomForest(List<RegressionTree> trees) {
    this.trees = List.copyOf(trees);
  }

  /**
   * A forest fitted to the rows of {@code x} (one per sample, all of one length) and targets
   * {@code y}; the same arguments and seed give the same forest.
   *
   * @throws IllegalArgumentException if there is no row, or the rows and targets do not match
   */
  static RandomForest fit(double[][] x, double[] y, ForestSettings settings, long seed) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException("a forest needs one target per row and at least one row;"
          + " got " + x.length + " rows and " + y.length + " targets");
    }
    for (int row = 0; row < x.length; row++) {
      if (x[row].length != x[0].length) {
        throw new IllegalArgumentException("row " + row + " has " + x[row].length
            + " features where row 0 has " + x[0].length);
      }
    }
    SplittableRandom forestRandom = new SplittableRandom(seed);
    List<RegressionTree> trees = new ArrayList<>(settings.trees());
    for (int t = 0; t < settings.trees(); t++) {
      SplittableRandom treeRandom = forestRandom.split();
      double[] counts = new double[x.length];
      for (int draw = 0; draw < x.length; draw++) {
        counts[treeRandom.nextInt(x.length)]++;
      }
      trees.add(TreeGrower.grow(x, y, counts, settings, treeRandom));
    }
    return new RandomForest(trees);
  }

  List<RegressionTree> trees() {
    return trees;
  }

  /** The mean of the trees' predictions at {@code point}. */
  double predict(double[] point) {
    double sum = 0;
    for (RegressionTree tree : trees) {
      sum += tree.predict(point);
    }
    return sum / trees.size();
  }
}
