package dev.tunable.internal.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Condition;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;
import dev.tunable.SearchExhaustedException;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.annotations.Scale;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridSamplerTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.grid();
  }

  @Override
  protected boolean learnsFromValues() {
    return false;
  }

  /** Without points for reals, a grid covers discrete spaces only. */
  @Override
  protected List<SearchSpace<Config>> spaces() {
    return List.of(SPACE);
  }

  /** {@link SamplerContract#CONDITIONAL} with steps on its reals. */
  @Override
  protected SearchSpace<Config> conditionalSpace() {
    return SearchSpace.builder()
        .add(Dimension.real("x", -5, 10).withStep(5))
        .integer("units", 16, 256, Scale.LOG)
        .choice(Dimension.categorical("optimizer", "sgd", "momentum", "adam"),
            SearchSpace.builder().build(),
            SearchSpace.builder().add(Dimension.real("rate", 0, 1).withStep(0.5)).build(),
            SearchSpace.builder()
                .add(Dimension.real("beta1", 0.8, 1.0).withStep(0.1))
                .bool("amsgrad")
                .add(Dimension.integer("warmup", 0, 20), Condition.of("amsgrad", "true"))
                .build())
        .build();
  }

  private static final SearchSpace<Config> SMALL = SearchSpace.builder()
      .integer("n", 1, 3)
      .categorical("kind", "a", "b")
      .bool("flag")
      .add(Dimension.real("r", 0, 1).withStep(0.5))
      .build();

  private static Study study(Sampler sampler) {
    return Study.builder().sampler(sampler).progress(false).build();
  }

  @Test
  void visitsEveryPointOnceThenSaysItIsExhausted() {
    Study study = study(Samplers.grid());
    Set<Config> seen = new HashSet<>();
    for (int i = 0; i < 36; i++) {
      Trial<Config> trial = study.ask(SMALL);
      assertTrue(seen.add(trial.params()), "point " + trial.params() + " asked twice");
      study.tell(trial, i);
    }
    Set<Config> expected = new HashSet<>();
    for (long n = 1; n <= 3; n++) {
      for (String kind : List.of("a", "b")) {
        for (boolean flag : List.of(false, true)) {
          for (double r : List.of(0.0, 0.5, 1.0)) {
            expected.add(SMALL.check(Map.of("n", n, "kind", kind, "flag", flag, "r", r)));
          }
        }
      }
    }
    assertEquals(expected, seen);
    SearchExhaustedException e = assertThrows(SearchExhaustedException.class, () -> study.ask(SMALL));
    assertEquals("all 36 points of the grid over [n, kind, flag, r] have been asked for",
        e.getMessage());
  }

  /**
   * A grid over a conditional space enumerates each branch's own grid: an integer n (3 values)
   * times a choice of an empty branch (1 point), a branch with a stepped real (3) and a branch
   * with a boolean whose true value activates an integer (1 + 4), so 3 × (1 + 3 + 5) = 27 points,
   * each once, in order, none differing only in an inactive dimension.
   */
  @Test
  void aConditionalSpaceHasTheGridsOfItsBranchesEachPointOnce() {
    SearchSpace<Config> space = SearchSpace.builder()
        .integer("n", 1, 3)
        .choice(Dimension.categorical("kind", "plain", "stepped", "flagged"),
            SearchSpace.builder().build(),
            SearchSpace.builder().add(Dimension.real("r", 0, 1).withStep(0.5)).build(),
            SearchSpace.builder().bool("flag")
                .add(Dimension.integer("k", 1, 4), Condition.of("flag", "true")).build())
        .build();
    Study study = study(Samplers.grid());
    List<Config> seen = new ArrayList<>();
    for (int i = 0; i < 27; i++) {
      Trial<Config> trial = study.ask(space);
      seen.add(trial.params());
      study.tell(trial, i);
    }
    List<Config> expected = new ArrayList<>();
    for (long n = 1; n <= 3; n++) {
      expected.add(space.check(Map.of("n", n, "kind", "plain")));
      for (double r : List.of(0.0, 0.5, 1.0)) {
        expected.add(space.check(Map.of("n", n, "kind", "stepped", "kind.stepped.r", r)));
      }
      expected.add(space.check(Map.of("n", n, "kind", "flagged", "kind.flagged.flag", false)));
      for (long k = 1; k <= 4; k++) {
        expected.add(space.check(Map.of("n", n, "kind", "flagged", "kind.flagged.flag", true,
            "kind.flagged.k", k)));
      }
    }
    assertEquals(expected, seen);
    SearchExhaustedException e =
        assertThrows(SearchExhaustedException.class, () -> study.ask(space));
    assertTrue(e.getMessage().startsWith("all 27 points of the grid"), e.getMessage());
  }

  @Test
  void optimizeStopsCleanlyWhenTheGridIsExhausted() {
    Study study = study(Samplers.grid());
    Trial<Config> best = study.optimize(SMALL, 100, t -> t.params().getDouble("r")
        + t.params().getLong("n"));
    assertEquals(36, study.trials().size());
    assertEquals(1.0, best.value());
  }

  @Test
  void aContinuousDimensionNeedsANumberOfPoints() {
    SearchSpace<Config> space = SearchSpace.builder().integer("n", 1, 3).real("lr", 1e-3, 1, Scale.LOG)
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> study(Samplers.grid()).optimize(space, 10, t -> 0));
    assertEquals("grid search cannot cover continuous dimension 'lr' (a real in [0.001, 1.0]"
        + " (log scale)) without a number of points; use"
        + " Samplers.grid().withPointsPerContinuousDimension(points), or give the dimension a step",
        e.getMessage());
    IllegalArgumentException one =
        assertThrows(IllegalArgumentException.class,
            () -> Samplers.grid().withPointsPerContinuousDimension(1));
    assertEquals("the grid's points per continuous dimension must be at least 2, or 0 for none,"
        + " got 1; the default is 0: continuous dimensions need a step or a number of points",
        one.getMessage());
  }

  @Test
  void continuousDimensionsGetEvenlySpacedPointsInTheirScale() {
    SearchSpace<Config> space = SearchSpace.builder().real("lr", 1e-4, 1, Scale.LOG).build();
    Study study = study(Samplers.grid().withPointsPerContinuousDimension(5));
    study.optimize(space, 100, t -> 0);
    List<Double> values = study.trials().stream().map(t -> t.params().getDouble("lr")).toList();
    assertEquals(5, values.size());
    double[] expected = {1e-4, 1e-3, 1e-2, 1e-1, 1};
    for (int i = 0; i < 5; i++) {
      assertEquals(expected[i], values.get(i), expected[i] * 1e-12);
    }
  }

  @Test
  void pointsOfEarlierTrialsIncludingEnqueuedOnesAreSkipped() {
    SearchSpace<Config> space = SearchSpace.builder().integer("n", 1, 4).build();
    Study study = study(Samplers.grid());
    study.enqueue(Map.of("n", 1));
    study.enqueue(Map.of("n", 3));
    study.optimize(space, 100, t -> t.params().getLong("n"));
    List<Long> order = study.trials().stream().map(t -> t.params().getLong("n")).toList();
    assertEquals(List.of(1L, 3L, 2L, 4L), order);
  }

  @Test
  void aLargeGridIsCoveredExactlyOnce() {
    SearchSpace<Config> space = SearchSpace.builder().integer("n", 1, 500).bool("b").build();
    Study study = study(Samplers.grid());
    study.optimize(space, 3000, t -> t.params().getLong("n"));
    Set<Config> points = new HashSet<>();
    study.trials().forEach(t -> points.add(t.params()));
    assertEquals(1000, study.trials().size());
    assertEquals(1000, points.size());
  }

  /** The reason a study records for a trial whose worker died before it finished. */
  private static final String DIED =
      "the process running the trial (worker 4242/9f3c) died before it finished";

  private static final SearchSpace<Config> LINE = SearchSpace.builder().integer("n", 1, 3).build();

  private static Config n(long value) {
    return LINE.check(Map.of("n", value));
  }

  private static Config next(Sampler grid, FrozenTrial... history) {
    return grid.sample(context(LINE, history.length, List.of(history)));
  }

  /**
   * Regression: a grid point whose worker was killed ended FAIL and was never run again, so a grid
   * study across a crash ended with holes. The point is now run again, first of the free ones.
   */
  @Test
  void aPointWhoseWorkerDiedIsRunAgain() {
    Sampler grid = Samplers.grid();
    assertEquals(n(1), next(grid, Snapshots.complete(0, n(2), 0),
        Snapshots.failed(1, n(1), DIED)));
    assertEquals(n(1), next(grid, Snapshots.failed(0, n(1), DIED),
        Snapshots.failed(1, n(1), DIED)), "a second time");
    assertEquals(n(2), next(grid, Snapshots.failed(0, n(1), DIED),
        Snapshots.running(1, n(1))), "a retry is running: the point is taken");
    assertEquals(n(2), next(grid, Snapshots.failed(0, n(1), DIED),
        Snapshots.complete(1, n(1), 0)), "a retry completed");
    assertEquals(n(2), next(grid, Snapshots.failed(0, n(1), DIED),
        Snapshots.pruned(1, n(1), Map.of())), "a retry was pruned");
  }

  /**
   * A point whose objective failed (it threw, returned NaN, was told FAIL) is not run again by
   * default: a deterministic failure would fail again and again.
   */
  @Test
  void aPointWhoseObjectiveFailedIsRunAgainOnlyWhenAsked() {
    FrozenTrial threw =
        Snapshots.failed(0, n(1), "java.lang.IllegalStateException: diverged (at Net.fit)");
    assertEquals(n(2), next(Samplers.grid(), threw));
    assertEquals(n(1), next(Samplers.grid().withRetryOfFailedPoints(true), threw));
    assertEquals(n(2), next(Samplers.grid().withRetryOfFailedPoints(true), threw,
        Snapshots.failed(1, n(1), DIED), Snapshots.failed(2, n(1), "told FAIL")),
        "two retries, the default, were spent");
  }

  /** A point that kills its worker each time (running out of memory) is not run for ever. */
  @Test
  void aPointIsRunAgainAtMostTheRetriesPerPoint() {
    FrozenTrial[] thrice = {Snapshots.failed(0, n(1), DIED), Snapshots.failed(1, n(1), DIED),
        Snapshots.failed(2, n(1), DIED)};
    assertEquals(n(2), next(Samplers.grid(), thrice));
    assertEquals(n(1), next(Samplers.grid().withMaxRetriesPerPoint(3), thrice));
    assertEquals(n(2), next(Samplers.grid().withMaxRetriesPerPoint(0), thrice[0]),
        "0: a point is never run twice, as before");
    SearchExhaustedException e = assertThrows(SearchExhaustedException.class,
        () -> next(Samplers.grid(), thrice[0], thrice[1], thrice[2],
            Snapshots.complete(3, n(2), 0), Snapshots.failed(4, n(3), "told FAIL")));
    assertEquals("all 3 points of the grid over [n] have been asked for; 2 of them ended FAIL"
        + " and are not run again (Samplers.grid().withRetryOfFailedPoints(true) runs a point"
        + " whose objective failed again, .withMaxRetriesPerPoint(retries) sets how often)",
        e.getMessage());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> Samplers.grid().withMaxRetriesPerPoint(-1));
    assertEquals("the grid's retries per point must be at least 0, got -1; the default is 2: a"
        + " failed point is run again up to twice, 0 never runs a point twice", bad.getMessage());
  }

  @Test
  void theNextPointDependsOnlyOnTheHistory() {
    Sampler grid = Samplers.grid();
    Config first = grid.sample(context(SMALL, 0, List.of()));
    FrozenTrial taken = Snapshots.complete(0, first, 1);
    Config second = grid.sample(context(SMALL, 1, List.of(taken)));
    assertEquals(Map.of("n", 1L, "kind", "a", "flag", false, "r", 0.0), first.asMap());
    assertEquals(Map.of("n", 1L, "kind", "a", "flag", false, "r", 0.5), second.asMap());
  }
}
