package dev.tunable.internal.sampler;

/**
 * What a user may choose of a grid, checked as it is made.
 *
 * @param pointsPerContinuousDimension evenly spaced values on each continuous dimension, at
 *     least 2, or 0 (the default) to refuse continuous dimensions
 */
public record GridSettings(int pointsPerContinuousDimension) {
  /** No points on continuous dimensions: the grid covers discrete spaces only. */
  public static final GridSettings DEFAULTS = new GridSettings(0);

  public GridSettings {
    if (pointsPerContinuousDimension < 0 || pointsPerContinuousDimension == 1) {
      throw new IllegalArgumentException("the grid's points per continuous dimension must be at"
          + " least 2, or 0 for none, got " + pointsPerContinuousDimension
          + "; the default is 0: continuous dimensions need a step or a number of points");
    }
  }
}
