package dev.tunable.internal.sampler;

/**
 * What a user may choose of a grid, checked as it is made.
 *
 * @param pointsPerContinuousDimension evenly spaced values on each continuous dimension, at
 *     least 2, or 0 (the default) to refuse continuous dimensions
 * @param retryOfFailedPoints whether a point whose objective failed is run again; a point whose
 *     trials failed only because their worker died is run again whatever this says
 * @param maxRetriesPerPoint how many times, at most, a failed point is run again; 0 runs no point
 *     twice
 */
public record GridSettings(
    int pointsPerContinuousDimension, boolean retryOfFailedPoints, int maxRetriesPerPoint) {
  /**
   * No points on continuous dimensions; a point whose worker died is run again, twice at most.
   * Two: a worker killed by chance (a preempted machine, a restart) rarely dies on one point three
   * times, while a point that kills its worker each time (it needs more memory than there is)
   * must not do so for ever.
   */
  public static final GridSettings DEFAULTS = new GridSettings(0, false, 2);

  public GridSettings {
    if (pointsPerContinuousDimension < 0 || pointsPerContinuousDimension == 1) {
      throw new IllegalArgumentException("the grid's points per continuous dimension must be at"
          + " least 2, or 0 for none, got " + pointsPerContinuousDimension
          + "; the default is 0: continuous dimensions need a step or a number of points");
    }
    if (maxRetriesPerPoint < 0) {
      throw new IllegalArgumentException("the grid's retries per point must be at least 0, got "
          + maxRetriesPerPoint + "; the default is 2: a failed point is run again up to twice, 0"
          + " never runs a point twice");
    }
  }

  public GridSettings withPointsPerContinuousDimension(int points) {
    return new GridSettings(points, retryOfFailedPoints, maxRetriesPerPoint);
  }

  public GridSettings withRetryOfFailedPoints(boolean retry) {
    return new GridSettings(pointsPerContinuousDimension, retry, maxRetriesPerPoint);
  }

  public GridSettings withMaxRetriesPerPoint(int retries) {
    return new GridSettings(pointsPerContinuousDimension, retryOfFailedPoints, retries);
  }
}
