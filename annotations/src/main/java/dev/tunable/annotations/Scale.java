package dev.tunable.annotations;

/**
 * How a numeric hyperparameter's range is searched.
 *
 * @since 0.1
 */
public enum Scale {
  /** Values are spread evenly between the bounds. */
  LINEAR,
  /**
   * Values are spread evenly between the logarithms of the bounds, so {@code 1e-4..1e-3} gets as
   * much of the search as {@code 1e-2..1e-1}. Both bounds must be greater than zero.
   */
  LOG
}
