package dev.tunable;

import java.time.Duration;
import java.util.Objects;

/**
 * How much {@link Study#optimize(SearchSpace, Budget, Objective)} may run: a number of trials, a
 * time limit, or both (whichever comes first), and how many trials run at once. Immutable.
 *
 * <pre>{@code
 * study.optimize(space, Budget.trials(200).withTimeout(Duration.ofMinutes(10)).withWorkers(2), objective);
 * }</pre>
 *
 * <p>The time limit is checked before each trial starts; a running trial is never interrupted.
 *
 * @since 0.1
 */
public final class Budget {
  private final long trials;
  private final Duration timeout;
  private final int workers;

  private Budget(long trials, Duration timeout, int workers) {
    if (trials < 0) {
      throw new IllegalArgumentException("the number of trials cannot be negative, got " + trials);
    }
    if (timeout != null && timeout.isNegative()) {
      throw new IllegalArgumentException("the timeout cannot be negative, got " + timeout);
    }
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    this.trials = trials;
    this.timeout = timeout;
    this.workers = workers;
  }

  /** At most {@code n} trials, one at a time. */
  public static Budget trials(long n) {
    return new Budget(n, null, 1);
  }

  /** As many trials as start within {@code timeout}, one at a time. */
  public static Budget time(Duration timeout) {
    return new Budget(Long.MAX_VALUE, Objects.requireNonNull(timeout, "timeout"), 1);
  }

  /** This budget, also stopping when {@code timeout} has passed. */
  public Budget withTimeout(Duration timeout) {
    return new Budget(trials, Objects.requireNonNull(timeout, "timeout"), workers);
  }

  /** This budget, running {@code n} trials at once on {@code n} threads. */
  public Budget withWorkers(int n) {
    return new Budget(trials, timeout, n);
  }

  /** The most trials to run; {@link Long#MAX_VALUE} for no limit. */
  public long maxTrials() {
    return trials;
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
    return "Budget[" + (trials == Long.MAX_VALUE ? "" : trials + " trials")
        + (timeout != null ? (trials == Long.MAX_VALUE ? "" : ", ") + timeout : "")
        + ", " + workers + (workers == 1 ? " worker" : " workers") + "]";
  }
}
