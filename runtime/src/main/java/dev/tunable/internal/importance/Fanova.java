package dev.tunable.internal.importance;

import java.util.ArrayList;
import java.util.List;

/**
 * fANOVA over a random forest, as Optuna's {@code _Fanova}: the importance of a group of features
 * is the share of a tree's variance that the group's main effect explains, averaged over the
 * trees whose prediction varies at all. Groups let the one-hot columns of a categorical count as
 * one hyperparameter. The shares are not normalized: over all groups they sum to at most about 1,
 * less where features interact.
 */
final class Fanova {
  private Fanova() {}

  /**
   * The importance of each of {@code groups} (each a set of columns of {@code x}) in a forest
   * fitted to {@code x} and {@code y}, the space being the box {@code low}–{@code high}.
   *
   * @throws IllegalStateException if no tree's prediction varies (the targets are all alike)
   */
  static double[] importances(double[][] x, double[] y, double[] low, double[] high,
      int[][] groups, ForestSettings settings, long seed) {
    RandomForest forest = RandomForest.fit(x, y, settings, seed);
    List<LeafBoxes> varying = new ArrayList<>();
    List<Double> variances = new ArrayList<>();
    for (RegressionTree tree : forest.trees()) {
      LeafBoxes boxes = LeafBoxes.of(tree, low, high);
      double variance = boxes.variance();
      if (variance > 0) {
        varying.add(boxes);
        variances.add(variance);
      }
    }
    if (varying.isEmpty()) {
      throw new IllegalStateException("no tree's prediction varies: the " + y.length
          + " target values are too alike (the first is " + y[0] + ") for anything to explain");
    }
    double[] importances = new double[groups.length];
    for (int g = 0; g < groups.length; g++) {
      double sum = 0;
      for (int t = 0; t < varying.size(); t++) {
        sum += varying.get(t).marginalVariance(groups[g]) / variances.get(t);
      }
      importances[g] = sum / varying.size();
    }
    return importances;
  }
}
