package dev.tunable.pruner;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Pruner;
import dev.tunable.PrunerContext;
import dev.tunable.TrialState;
import java.util.SortedMap;

/**
 * For k-fold cross-validation reported as {@code trial.report(fold, meanSoFar)} (fold 0, 1, …):
 * after {@code minFolds} folds, prunes a trial whose mean score is worse than the best complete
 * trial's by more than {@code margin} plus {@code z} standard errors. When the best trial reported
 * the same folds, the comparison is paired fold by fold, which removes the folds' shared
 * difficulty from the noise. Returned by {@link dev.tunable.Pruners#folds()}.
 */
public final class FoldPruner implements Pruner {
  private final int minFolds;
  private final double z;
  private final double margin;

  /** After 2 folds, two standard errors, no margin. */
  public FoldPruner() {
    this(2, 2, 0);
  }

  private FoldPruner(int minFolds, double z, double margin) {
    if (minFolds < 2) {
      throw new IllegalArgumentException(
          "minFolds must be >= 2 to estimate a spread, got " + minFolds);
    }
    if (!(z >= 0) || !(margin >= 0)) {
      throw new IllegalArgumentException(
          "z and margin must be >= 0, got " + z + " and " + margin);
    }
    this.minFolds = minFolds;
    this.z = z;
    this.margin = margin;
  }

  /** Decides from the {@code folds}-th fold on (default 2). */
  public FoldPruner withMinFolds(int folds) {
    return new FoldPruner(folds, z, margin);
  }

  /** How many standard errors worse a trial must be (default 2; 0 compares means alone). */
  public FoldPruner withStandardErrors(double count) {
    return new FoldPruner(minFolds, count, margin);
  }

  /** How much worse, in the objective's units, beyond the standard errors (default 0). */
  public FoldPruner withMargin(double margin) {
    return new FoldPruner(minFolds, z, margin);
  }

  @Override
  public boolean shouldPrune(PrunerContext context) {
    double[] scores = foldScores(context.trial().intermediateValues());
    if (scores == null || scores.length < minFolds) {
      return false;
    }
    Direction direction = context.direction();
    FrozenTrial best = null;
    for (FrozenTrial trial : context.trials()) {
      if (trial.state() == TrialState.COMPLETE
          && (best == null || direction.isBetter(trial.value(), best.value()))) {
        best = trial;
      }
    }
    if (best == null) {
      return false;
    }
    double[] bestScores = foldScores(best.intermediateValues());
    double[] gaps = new double[scores.length]; // positive: this trial is worse
    double sign = direction == Direction.MINIMIZE ? 1 : -1;
    for (int i = 0; i < scores.length; i++) {
      double reference = bestScores != null && bestScores.length > i
          ? bestScores[i] : best.value();
      gaps[i] = sign * (scores[i] - reference);
    }
    double mean = 0;
    for (double gap : gaps) {
      mean += gap;
    }
    mean /= gaps.length;
    double squares = 0;
    for (double gap : gaps) {
      squares += (gap - mean) * (gap - mean);
    }
    double standardError = Math.sqrt(squares / (gaps.length - 1) / gaps.length);
    return mean > margin + z * standardError;
  }

  /** The fold scores behind running means at steps 0..k, or null if the steps are not so. */
  static double[] foldScores(SortedMap<Long, Double> runningMeans) {
    double[] scores = new double[runningMeans.size()];
    double previousSum = 0;
    int fold = 0;
    for (var entry : runningMeans.entrySet()) {
      if (entry.getKey() != fold || !Double.isFinite(entry.getValue())) {
        return null;
      }
      double sum = entry.getValue() * (fold + 1);
      scores[fold] = sum - previousSum;
      previousSum = sum;
      fold++;
    }
    return scores;
  }

  @Override
  public String toString() {
    return "Pruners.folds() minFolds=" + minFolds + " standardErrors=" + z + " margin=" + margin;
  }
}
