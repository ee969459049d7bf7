package dev.tunable;

import dev.tunable.pruner.FoldPruner;
import dev.tunable.pruner.HyperbandPruner;
import dev.tunable.pruner.PatiencePruner;
import dev.tunable.pruner.PercentilePruner;
import dev.tunable.pruner.SuccessiveHalvingPruner;
import dev.tunable.pruner.ThresholdPruner;
import java.util.Objects;

/**
 * The built-in {@link Pruner}s. Each is an immutable value whose decision depends only on the
 * values reported so far, so it is thread-safe and decides the same after a study is resumed.
 * Their settings have the defaults Optuna users expect and are changed with {@code with…} methods:
 *
 * <pre>{@code
 * Study.builder().pruner(Pruners.median().withStartupTrials(5).withWarmupSteps(3));
 * Study.builder().pruner(Pruners.successiveHalving().withMinResource(1).withReductionFactor(3));
 * Study.builder().pruner(Pruners.patience(3, Pruners.threshold(0.2, 1.0)));
 * }</pre>
 *
 * @since 0.1
 */
public final class Pruners {
  private Pruners() {}

  /** A pruner that never prunes; the default. */
  public static Pruner none() {
    return NoPruner.INSTANCE;
  }

  /**
   * Prunes a trial whose best value so far is worse than the median of the complete trials' values
   * at the same step. Defaults: 5 start-up trials, no warm-up steps, every step, 1 trial per step.
   */
  public static PercentilePruner median() {
    return new PercentilePruner(50);
  }

  /**
   * Prunes a trial whose best value so far is not within the best {@code percentile} percent of the
   * complete trials' values at the same step: {@code percentile(25)} keeps the top quarter.
   * Defaults as {@link #median()}.
   */
  public static PercentilePruner percentile(double percentile) {
    return new PercentilePruner(percentile);
  }

  /**
   * Asynchronous successive halving (ASHA): at rungs {@code minResource · factor^k} a trial goes
   * on only if it is in the top {@code 1/factor} of the trials that reached the rung. Defaults:
   * reduction factor 4, minimum resource estimated from the first complete trial, early-stopping
   * rate 0.
   */
  public static SuccessiveHalvingPruner successiveHalving() {
    return new SuccessiveHalvingPruner();
  }

  /**
   * Hyperband: several successive-halving brackets of different aggressiveness, each trial in one
   * bracket chosen by its number. Defaults: minimum resource 1, maximum from the first complete
   * trial, reduction factor 3.
   */
  public static HyperbandPruner hyperband() {
    return new HyperbandPruner();
  }

  /**
   * Prunes a trial whose latest value is NaN, infinite, or outside {@code [lower, upper]}; pass an
   * infinity for no bound: {@code threshold(Double.NEGATIVE_INFINITY, 10)} stops diverging losses.
   */
  public static ThresholdPruner threshold(double lower, double upper) {
    return new ThresholdPruner(lower, upper);
  }

  /** Prunes a trial whose last {@code patience} reports did not improve on its best before. */
  public static PatiencePruner patience(int patience) {
    return new PatiencePruner(patience, null);
  }

  /**
   * Asks {@code wrapped} only once a trial's last {@code patience} reports did not improve on its
   * best before: a tolerant version of any pruner.
   */
  public static PatiencePruner patience(int patience, Pruner wrapped) {
    return new PatiencePruner(patience, Objects.requireNonNull(wrapped, "wrapped"));
  }

  /**
   * For k-fold cross-validation reported as {@code trial.report(fold, meanSoFar)}: from the second
   * fold on, prunes a trial whose folds are worse than the best complete trial's by more than two
   * standard errors (of the fold-by-fold differences).
   */
  public static FoldPruner folds() {
    return new FoldPruner();
  }

  private enum NoPruner implements Pruner {
    INSTANCE;

    @Override
    public boolean shouldPrune(PrunerContext context) {
      return false;
    }

    @Override
    public String toString() {
      return "Pruners.none()";
    }
  }
}
