package dev.tunable.internal.sampler;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.SearchExhaustedException;
import dev.tunable.SearchSpace;
import dev.tunable.internal.StoredValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every point of the grid once, in mixed-radix order (the last dimension changing fastest). Which
 * points are taken is read from the study's trials, running ones included, so several threads and
 * processes sharing a study never evaluate a point twice; the sampler keeps no state.
 */
public final class GridSampler implements Sampler {
  private final int pointsPerContinuous;

  /** @param pointsPerContinuous points on each continuous dimension, or 0 to forbid them */
  public GridSampler(int pointsPerContinuous) {
    this.pointsPerContinuous = pointsPerContinuous;
  }

  @Override
  public Config sample(SamplerContext context) {
    SearchSpace<?> space = context.space();
    List<List<Object>> axes = axes(space);
    long size = 1;
    for (List<Object> axis : axes) {
      size = Math.multiplyExact(size, axis.size());
    }
    Set<Map<String, Object>> taken = new HashSet<>();
    for (FrozenTrial trial : context.trials()) {
      taken.add(trial.params().asMap());
    }
    for (long index = 0; index < size; index++) {
      Map<String, Object> point = point(space, axes, index);
      if (!taken.contains(point)) {
        return space.check(point);
      }
    }
    throw new SearchExhaustedException(
        "all " + size + " points of the grid over " + names(space) + " have been asked for");
  }

  /** The grid values of each dimension, in stored form. */
  private List<List<Object>> axes(SearchSpace<?> space) {
    List<List<Object>> axes = new ArrayList<>();
    for (Dimension<?> dimension : space.dimensions()) {
      if (!dimension.isDiscrete() && pointsPerContinuous == 0) {
        throw new IllegalArgumentException(
            "grid search cannot cover continuous dimension '" + dimension.name() + "' ("
                + dimension.describe() + ") without a number of points; use"
                + " Samplers.grid(pointsPerContinuousDimension), or give the dimension a step");
      }
      List<Object> axis = new ArrayList<>();
      for (Object value : dimension.gridValues(Math.max(2, pointsPerContinuous))) {
        axis.add(StoredValues.of(value));
      }
      axes.add(axis);
    }
    return axes;
  }

  private static Map<String, Object> point(SearchSpace<?> space, List<List<Object>> axes, long index) {
    Map<String, Object> point = new LinkedHashMap<>();
    long rest = index;
    Object[] values = new Object[axes.size()];
    for (int i = axes.size() - 1; i >= 0; i--) {
      List<Object> axis = axes.get(i);
      values[i] = axis.get((int) (rest % axis.size()));
      rest /= axis.size();
    }
    for (int i = 0; i < values.length; i++) {
      point.put(space.dimensions().get(i).name(), values[i]);
    }
    return point;
  }

  private static List<String> names(SearchSpace<?> space) {
    return space.dimensions().stream().map(Dimension::name).toList();
  }

  @Override
  public String toString() {
    return pointsPerContinuous == 0 ? "Samplers.grid()" : "Samplers.grid(" + pointsPerContinuous + ")";
  }
}
