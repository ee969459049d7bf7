package dev.tunable;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * One evaluation of the objective: the handle an objective or a training loop holds, with typed
 * hyperparameters and the means to report progress and be pruned.
 *
 * <pre>{@code
 * Trial<Config> trial = study.ask(space);
 * for (int epoch = 0; epoch < epochs; epoch++) {
 *   trainOneEpoch(trial.params());
 *   trial.report(epoch, validationLoss());
 *   if (trial.shouldPrune()) throw trial.pruned();
 * }
 * }</pre>
 *
 * <p>The hyperparameters are fixed; the state, value, times and attributes are read from the study
 * on each call, so a handle kept after the trial finished shows its final state. Thread-safe.
 *
 * @param <H> the type of the hyperparameters: {@link Config}, or a generated record
 * @since 0.1
 */
public final class Trial<H> {
  private final Study study;
  private final long number;
  private final H params;

  Trial(Study study, long number, H params) {
    this.study = study;
    this.number = number;
    this.params = Objects.requireNonNull(params, "params");
  }

  /** The study the trial belongs to. */
  public Study study() {
    return study;
  }

  /** The trial's number in its study: 0, 1, 2, … in the order trials were asked for. */
  public long number() {
    return number;
  }

  /** The hyperparameters to evaluate. */
  public H params() {
    return params;
  }

  /** The current state. */
  public TrialState state() {
    return snapshot().state();
  }

  /**
   * The objective value; with several objectives, the first one's (see {@link #values()}).
   *
   * @throws IllegalStateException if the trial is not {@link TrialState#COMPLETE}
   */
  public double value() {
    return snapshot().value();
  }

  /** The objective values, one per objective; empty unless complete. */
  public double[] values() {
    return snapshot().values();
  }

  /** When the trial was asked for. */
  public Instant start() {
    return snapshot().start();
  }

  /** When the trial finished; empty while it runs. */
  public Optional<Instant> end() {
    return snapshot().end();
  }

  /** Why the trial failed; empty unless it failed. */
  public Optional<String> failureReason() {
    return snapshot().failureReason();
  }

  /** The values reported so far, by step. */
  public SortedMap<Long, Double> intermediateValues() {
    return snapshot().intermediateValues();
  }

  /** The user attributes set so far. */
  public Map<String, Object> userAttributes() {
    return snapshot().userAttributes();
  }

  /**
   * Records {@code value} under {@code key} with the trial, stored and exported with it: a
   * {@link String}, number, {@link Boolean} or enum constant (stored by name). It reads back in
   * stored form, from any storage and after a reopen: whole numbers as {@link Long}, other numbers
   * as {@link Double}, NaN and the infinities included.
   *
   * @throws IllegalArgumentException if {@code key} is longer than 255 characters (a key is stored
   *     with its every value), or {@code key} or a text value holds an unpaired UTF-16 surrogate,
   *     which no storage can encode
   */
  public void setUserAttribute(String key, Object value) {
    study.setUserAttribute(number, key, value);
  }

  /**
   * Records the trial's constraint values, before the objective returns: {@code c <= 0} means a
   * constraint is met, a positive {@code c} is by how much it is violated (e.g. {@code
   * memoryUsed - memoryLimit}). Samplers that handle constraints ({@link Samplers#nsga2(long)},
   * {@link Samplers#genetic(long)}) prefer feasible trials and, among infeasible ones, smaller
   * total violations; {@link Study#bestTrials()} and {@link Study#bestTrial()} return only
   * feasible trials. A later call replaces the values.
   *
   * @throws IllegalArgumentException if {@code constraints} is empty or holds NaN
   * @throws IllegalStateException if the trial has finished
   */
  public void setConstraints(double... constraints) {
    study.setConstraints(number, constraints);
  }

  /** The constraint values set with {@link #setConstraints}; empty if none. */
  public double[] constraints() {
    return snapshot().constraints();
  }

  /**
   * Records the objective's intermediate value at {@code step} (an epoch, an iteration), for
   * pruners and for samplers that learn from pruned trials. A later report at the same step
   * replaces the earlier one.
   *
   * @throws IllegalStateException if the trial has finished
   */
  public void report(long step, double value) {
    study.report(number, step, new double[] {value});
  }

  /**
   * Records several values at {@code step}: one per objective, or the objective's followed by
   * others worth keeping (a training loss beside the validation score). Pruners read the first,
   * which is also in {@link #intermediateValues()}; all are in {@link
   * FrozenTrial#reportedValues(long)} and in the study's storage.
   *
   * @throws IllegalArgumentException if {@code values} is empty
   * @throws IllegalStateException if the trial has finished
   */
  public void report(long step, double... values) {
    if (values.length == 0) {
      throw new IllegalArgumentException(
          "trial #" + number + " reported no value at step " + step + "; give at least one");
    }
    study.report(number, step, values.clone());
  }

  /** Whether the study's pruner says this trial should stop now, from the values reported so far. */
  public boolean shouldPrune() {
    return study.shouldPrune(number);
  }

  /**
   * The exception to throw from the objective to stop this trial: {@code throw trial.pruned()}.
   * The study records the trial as {@link TrialState#PRUNED}.
   */
  public TrialPrunedException pruned() {
    return new TrialPrunedException(number);
  }

  /** An immutable snapshot of the trial as it is now. */
  public FrozenTrial snapshot() {
    return study.snapshot(number);
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
