package dev.tunable;

import java.time.Duration;
import java.util.Objects;

/**
 * How much {@link Study#optimize(SearchSpace, Budget, Objective)} may run: a number of trials in
 * this run, a number of trials in the whole study, a time limit, any of them (whichever comes
 * first), and how many trials run at once. Immutable.
 *
 * <pre>{@code
 * study.optimize(space,
 *     Budget.trials(200).withTimeout(Duration.ofMinutes(10)).withWorkers(2), objective);
 * // the same program on every machine of a shared study: all stop when the study has 200 trials
 * study.optimize(space, Budget.totalTrials(200), objective);
 * }</pre>
 *
 * <p>The time limit is checked before each trial starts; a running trial is never interrupted.
 *
 * @since 0.1
 */
public final class Budget {
  private final long trials;
  private final long totalTrials;
  private final Duration timeout;
  private final int workers;

  private Budget(long trials, long totalTrials, Duration timeout, int workers) {
    if (trials < 0) {
      throw new IllegalArgumentException("the number of trials cannot be negative, got " + trials);
    }
    if (totalTrials < 0) {
      throw new IllegalArgumentException(
          "the study's total of trials cannot be negative, got " + totalTrials);
    }
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("the timeout cannot be negative, got " + timeout);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.trials = trials;
    this.totalTrials = totalTrials;
    this.timeout = timeout;
    this.workers = workers;
  }

  /** At most {@code n} trials in this run, one at a time. */
  public static Budget trials(long n) {
    return new Budget(n, Long.MAX_VALUE, null, 1);
  }

  /**
   * Trials until the study has {@code n}, counting every trial it holds in any state: those of
   * earlier runs and those of every other worker, process or machine working on it. A trial is
   * started only while the study has fewer than {@code n}, which is checked as the trial is
   * recorded, under the storage's lock: the study ends with exactly {@code n} trials, none past
   * it, however many workers share it. Failed trials count, so that a trial that fails every
   * time does not run forever.
   */
  public static Budget totalTrials(long n) {
    return new Budget(Long.MAX_VALUE, n, null, 1);
  }

  /** As many trials as start within {@code timeout}, one at a time. */
  public static Budget time(Duration timeout) {
    return new Budget(Long.MAX_VALUE, Long.MAX_VALUE,
        Objects.requireNonNull(timeout, "timeout"), 1);
  }

  /** This budget, also stopping when {@code timeout} has passed. */
  public Budget withTimeout(Duration timeout) {
    return new Budget(trials, totalTrials, Objects.requireNonNull(timeout, "timeout"), workers);
  }

  /** This budget, also stopping when the study has {@code n} trials; see {@link #totalTrials}. */
  public Budget withTotalTrials(long n) {
    return new Budget(trials, n, timeout, workers);
  }

  /** This budget, running {@code n} trials at once on {@code n} threads. */
  public Budget withWorkers(int n) {
    return new Budget(trials, totalTrials, timeout, n);
  }

  /** The most trials to run in this call; {@link Long#MAX_VALUE} for no limit. */
  public long maxTrials() {
    return trials;
  }

  /** The most trials the study may hold; {@link Long#MAX_VALUE} for no limit. */
  public long maxTotalTrials() {
    return totalTrials;
  }

  /** The time limit, or {@code null} for none. */
  public Duration timeLimit() {
    return timeout;
  }

  /** How many trials run at once. */
  public int workerCount() {
    return workers;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Budget[");
    if (trials != Long.MAX_VALUE) {
      text.append(trials).append(" trials, ");
    }
    if (totalTrials != Long.MAX_VALUE) {
      text.append(totalTrials).append(" in the study, ");
    }
    if (timeout != null) {
      text.append(timeout).append(", ");
    }
    return text.append(workers).append(workers == 1 ? " worker" : " workers").append(']')
        .toString();
  }
}
