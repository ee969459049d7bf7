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
 * skipped, so parallel workers never evaluate a point twice. By default it covers discrete
 * dimensions only (categoricals, booleans, integers, reals with a step) and refuses a continuous
 * one; {@link #withPointsPerContinuousDimension} gives the continuous dimensions evenly spaced
 * values.
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
    return new GridSampler(new GridSettings(points));
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
    return new Expression("Samplers.grid()")
        .with("withPointsPerContinuousDimension", settings.pointsPerContinuousDimension(),
            GridSettings.DEFAULTS.pointsPerContinuousDimension())
        .toString();
  }
}
