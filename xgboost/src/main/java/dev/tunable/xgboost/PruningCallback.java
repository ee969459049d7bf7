package dev.tunable.xgboost;

import dev.tunable.Trial;
import java.util.Objects;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.IEvaluation;

/**
 * Plugs a trial's {@code report} and {@code shouldPrune} into XGBoost's own training loop: after
 * every boosting round, XGBoost evaluates each matrix of its watch set; this callback computes
 * {@code metric} on them, reports its value on the validation matrix to the trial, and stops the
 * training with {@link Trial#pruned()} when the study's pruner says so. The trial is then recorded
 * PRUNED, not failed, and the rounds it did not train are saved.
 *
 * <pre>{@code
 * Map<String, Object> params = new HashMap<>(trial.params().toConfig().asMap());
 * params.put("objective", "binary:logistic");
 * Booster booster = XGBoost.train(train, params, 100, Map.of("validation", validation), null,
 *     PruningCallback.of(trial, validation, XGBoostMetrics.accuracy()));
 * }</pre>
 *
 * <p>XGBoost4J 3.x has no training callback of its own; its hook into the loop is the evaluation
 * it calls once per round and watched matrix, which is why this class is an {@link IEvaluation}.
 * The metric must agree with the study's direction (an accuracy for a maximizing study, a loss for
 * a minimizing one), since the pruner compares the reported values in that direction. A booster
 * stopped this way never reaches the caller: {@code XGBoost.train} ends with the trial's
 * {@link dev.tunable.TrialPrunedException}, which {@code Study.optimize} records.
 *
 * <p>One callback serves one call to {@code XGBoost.train}: it counts the rounds it has seen. It is
 * not thread-safe, and it is never serialized ({@link IEvaluation} is {@link java.io.Serializable}
 * for Spark, which does not apply here), so its fields are transient.
 *
 * @since 0.1
 */
public final class PruningCallback implements IEvaluation {
  private static final long serialVersionUID = 1L;

  private final transient Trial<?> trial;
  private final transient DMatrix validation;
  private final transient IEvaluation metric;
  private transient long step;

  private PruningCallback(Trial<?> trial, DMatrix validation, IEvaluation metric, long firstStep) {
    this.trial = Objects.requireNonNull(trial, "trial");
    this.validation = Objects.requireNonNull(validation, "validation");
    this.metric = Objects.requireNonNull(metric, "metric");
    this.step = firstStep;
  }

  /**
   * A callback that reports {@code metric} on {@code validation} after each round as steps 0, 1,
   * 2, ..., and prunes when the trial should be pruned.
   *
   * @param trial the trial whose booster is trained
   * @param validation the watched matrix whose score is reported; it must be in the watch set
   *     given to {@code XGBoost.train}, or nothing is reported
   * @param metric the score, in the study's direction
   */
  public static PruningCallback of(Trial<?> trial, DMatrix validation, IEvaluation metric) {
    return new PruningCallback(trial, validation, metric, 0);
  }

  /**
   * As {@link #of(Trial, DMatrix, IEvaluation)}, with round {@code r} reported as step {@code
   * firstStep + r}: in cross-validation, fold {@code k} of boosters with at most {@code rounds}
   * rounds starts at {@code k * rounds}, so that every trial reports the same fold and round at the
   * same step and the pruner compares like with like.
   *
   * @throws IllegalArgumentException if {@code firstStep} is negative
   */
  public static PruningCallback of(
      Trial<?> trial, DMatrix validation, IEvaluation metric, long firstStep) {
    if (firstStep < 0) {
      throw new IllegalArgumentException("firstStep must be 0 or more, got " + firstStep);
    }
    return new PruningCallback(trial, validation, metric, firstStep);
  }

  /** The metric's name, which XGBoost prints and records. */
  @Override
  public String getMetric() {
    return metric.getMetric();
  }

  /**
   * Computes the metric; on the validation matrix, also reports it and prunes when told to.
   *
   * @throws dev.tunable.TrialPrunedException when the study's pruner stops the trial
   */
  @Override
  public float eval(float[][] predictions, DMatrix data) {
    float value = metric.eval(predictions, data);
    // Matched by identity: XGBoost passes the very matrices of the watch set.
    if (data == validation) {
      trial.report(step++, value);
      if (trial.shouldPrune()) {
        throw trial.pruned();
      }
    }
    return value;
  }
}
