package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.SearchExhaustedException;
import dev.tunable.internal.sampler.GridAlgorithm;
import dev.tunable.internal.sampler.GridSettings;

/**
 * Grid search: every combination of the dimensions' values, each once, then {@link
 * SearchExhaustedException}. Points are visited in order, the last dimension changing fastest;
 * points already asked for by any trial of the study, running ones included, in any process, are
 * skipped, so parallel workers never evaluate a point at the same time. By default it covers
 * discrete dimensions only (categoricals, booleans, integers, reals with a step) and refuses a
 * continuous one; {@link #withPointsPerContinuousDimension} gives the continuous dimensions evenly
 * spaced values. On a conditional space each branch has its own grid: the points are the
 * configurations the space allows, as many as the branches' grids together.
 *
 * <p><b>Failed points.</b> A point whose every trial failed because the process running it died
 * (the study records that reason when it is next opened) is free again, and is run again before
 * the points after it: a grid study resumed after a crash ends with every point run. A point whose
 * objective failed (it threw, returned NaN, or was told {@code FAIL}) is not run again, since it
 * would likely fail the same way, unless {@link #withRetryOfFailedPoints} asks for it. Either way
 * a point is run again at most {@link #withMaxRetriesPerPoint} times (twice by default), so that
 * a point that kills its process each time (it needs more memory than there is) does not do so for
 * ever. (Optuna's grid counts a failed point as visited and never proposes it again; its {@code
 * RetryFailedTrialCallback}, now {@code RetryHeartbeatStaleTrialCallback}, enqueues again the
 * trials whose worker stopped beating, without limit unless given a {@code max_retry}.)
 *
 * <p>Made by {@link dev.tunable.Samplers#grid()}; each {@code with...} method returns a new sampler
 * with one setting changed. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class GridSampler implements Sampler {
  private final GridSettings settings;
  private final Sampler algorithm;

  /** The sampler of {@link dev.tunable.Samplers#grid()}. */
  public GridSampler() {
    this(GridSettings.DEFAULTS);
  }

  private GridSampler(GridSettings settings) {
    this.settings = settings;
    this.algorithm = new GridAlgorithm(settings);
  }

  /**
   * Puts {@code points} evenly spaced values, in the dimension's scale and ends included, on each
   * continuous dimension (at least 2; the default, 0, refuses continuous dimensions).
   */
  public GridSampler withPointsPerContinuousDimension(int points) {
    return new GridSampler(settings.withPointsPerContinuousDimension(points));
  }

  /**
   * Whether a point whose objective failed (it threw, returned NaN or an infinity, or was told
   * {@code FAIL}) is run again, as a point whose process died is; off by default, since a failure
   * of the objective is often deterministic.
   */
  public GridSampler withRetryOfFailedPoints(boolean retry) {
    return new GridSampler(settings.withRetryOfFailedPoints(retry));
  }

  /**
   * How many times, at most, a failed point is run again (default 2); 0 never runs a point twice.
   * A point is run again only while every trial of it failed.
   */
  public GridSampler withMaxRetriesPerPoint(int retries) {
    return new GridSampler(settings.withMaxRetriesPerPoint(retries));
  }

  @Override
  public Config sample(SamplerContext context) {
    return algorithm.sample(context);
  }

  /** Whether {@code other} is the same sampler: same settings, same proposals. */
  @Override
  public boolean equals(Object other) {
    return other instanceof GridSampler that && settings.equals(that.settings);
  }

  @Override
  public int hashCode() {
    return settings.hashCode();
  }

  @Override
  public String toString() {
    GridSettings defaults = GridSettings.DEFAULTS;
    return new Expression("Samplers.grid()")
        .with("withPointsPerContinuousDimension", settings.pointsPerContinuousDimension(),
            defaults.pointsPerContinuousDimension())
        .with("withRetryOfFailedPoints", settings.retryOfFailedPoints(),
            defaults.retryOfFailedPoints())
        .with("withMaxRetriesPerPoint", settings.maxRetriesPerPoint(),
            defaults.maxRetriesPerPoint())
        .toString();
  }
}
