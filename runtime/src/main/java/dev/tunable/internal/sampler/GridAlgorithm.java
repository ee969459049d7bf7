package dev.tunable.internal.sampler;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.SearchExhaustedException;
import dev.tunable.SearchSpace;
import dev.tunable.TrialState;
import dev.tunable.internal.StoredValues;
import dev.tunable.internal.WorkerDeath;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Every point of the grid once, in mixed-radix order (the last dimension changing fastest), and a
 * failed point again as the settings allow. On a conditional space, each branch of a choice has
 * its own grid and the points are the configurations the space allows ({@link GridPoints}): as
 * many as the branches' grids together, none repeated for an inactive dimension. Which points
 * are taken is read from the study's trials, running ones included, so several threads and
 * processes sharing a study never evaluate a point at the same time; the sampler keeps no state.
 */
public final class GridAlgorithm implements Sampler {
  private final int pointsPerContinuous;
  private final boolean retryOfFailedPoints;
  private final int maxRetriesPerPoint;

  public GridAlgorithm(GridSettings settings) {
    this.pointsPerContinuous = settings.pointsPerContinuousDimension();
    this.retryOfFailedPoints = settings.retryOfFailedPoints();
    this.maxRetriesPerPoint = settings.maxRetriesPerPoint();
  }

  @Override
  public Config sample(SamplerContext context) {
    SearchSpace<?> space = context.space();
    GridPoints grid = grid(space);
    long size = grid.size();
    // The grid index of every trial on this grid: one pass over the history, then the first
    // free index, so a study of n trials costs O(n) per ask, not O(n) points built and compared.
    // Only the first trials.size() + 1 indices can all be taken: a bit set over them suffices.
    // A point is taken by a trial that runs, completed or was pruned, and by its failed trials
    // unless they may be run again.
    List<FrozenTrial> trials = context.trials();
    BitSet taken = new BitSet(trials.size() + 1);
    BitSet failedOnly = new BitSet(trials.size() + 1);
    int[] retriable = new int[trials.size() + 1];
    for (FrozenTrial trial : trials) {
      long index = grid.indexOf(trial.params().asMap());
      if (index < 0 || index > trials.size()) {
        continue;
      }
      int i = (int) index;
      if (trial.state() != TrialState.FAIL) {
        taken.set(i);
        failedOnly.clear(i);
        continue;
      }
      if (!taken.get(i)) {
        failedOnly.set(i);
      }
      if (retryOfFailedPoints || WorkerDeath.isReason(trial.failureReason().orElse(null))) {
        retriable[i]++;
      } else {
        taken.set(i);
      }
    }
    for (int i = failedOnly.nextSetBit(0); i >= 0; i = failedOnly.nextSetBit(i + 1)) {
      if (retriable[i] > maxRetriesPerPoint) {
        taken.set(i);
      }
    }
    long free = taken.nextClearBit(0);
    if (free < size) {
      return space.check(grid.point(free));
    }
    int failed = failedOnly.cardinality();
    throw new SearchExhaustedException(
        "all " + size + " points of the grid over " + names(space) + " have been asked for"
            + (failed == 0 ? "" : "; " + failed + " of them ended FAIL and are not run again"
                + " (Samplers.grid().withRetryOfFailedPoints(true) runs a point whose objective"
                + " failed again, .withMaxRetriesPerPoint(retries) sets how often)"));
  }

  /** The grid over {@code space}: each dimension's grid values, where the space allows them. */
  private GridPoints grid(SearchSpace<?> space) {
    List<List<Object>> values = new ArrayList<>();
    List<List<Object>> stored = new ArrayList<>();
    for (Dimension<?> dimension : space.dimensions()) {
      if (!dimension.isDiscrete() && pointsPerContinuous == 0) {
        throw new IllegalArgumentException(
            "grid search cannot cover continuous dimension '" + dimension.name() + "' ("
                + dimension.describe() + ") without a number of points; use Samplers.grid()"
                + ".withPointsPerContinuousDimension(points), or give the dimension a step");
      }
      List<Object> axis = new ArrayList<>(dimension.gridValues(Math.max(2, pointsPerContinuous)));
      values.add(axis);
      stored.add(axis.stream().map(StoredValues::of).toList());
    }
    return new GridPoints(space, values, stored);
  }

  private static List<String> names(SearchSpace<?> space) {
    return space.dimensions().stream().map(Dimension::name).toList();
  }
}
