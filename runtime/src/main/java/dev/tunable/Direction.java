package dev.tunable;

/**
 * Whether a study looks for the smallest or the largest objective value.
 *
 * @since 0.1
 */
public enum Direction {
  /** Smaller values are better: losses, errors. */
  MINIMIZE,
  /** Larger values are better: accuracy, likelihood. */
  MAXIMIZE;

  /** Whether {@code a} is strictly better than {@code b} in this direction. */
  public boolean isBetter(double a, double b) {
    return this == MINIMIZE ? a < b : a > b;
  }
}
