package dev.tunable.internal.sampler.genetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.SamplerContext;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.TrialState;
import dev.tunable.annotations.Scale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The cache of generations changes the cost of a call, never its proposal: one sampler across
 * the calls proposes what a fresh sampler (which replays the whole history) proposes.
 */
class GeneticSamplerCacheTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", 0, 1)
      .real("lr", 1e-4, 1, Scale.LOG)
      .integer("units", 1, 64)
      .add(Dimension.real("dropout", 0, 0.5).withStep(0.1))
      .categorical("activation", "relu", "tanh", "gelu")
      .bool("bias")
      .build();

  private static GeneticAlgorithm nsga2() {
    return new GeneticAlgorithm(7, new GeneticSettings(true, 10, 2, 0.9, Double.NaN));
  }

  private static GeneticAlgorithm genetic() {
    return new GeneticAlgorithm(9, new GeneticSettings(false, 8, 3, 0.8, 0.3));
  }

  @Test
  void nsga2ProposesTheSameWithTheCacheAsWithoutThroughFailuresPrunesAndStragglers() {
    List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
    GeneticAlgorithm shared = runComparing(GeneticSamplerCacheTest::nsga2, directions, 300, 1, true);
    // Stragglers that finish after their generation's successor was bred force breeding again.
    assertTrue(shared.selections() > 29, "selections " + shared.selections());
  }

  @Test
  void geneticProposesTheSameWithTheCacheAsWithoutThroughFailuresPrunesAndStragglers() {
    GeneticAlgorithm shared =
        runComparing(GeneticSamplerCacheTest::genetic, List.of(Direction.MAXIMIZE), 300, 2, true);
    assertTrue(shared.selections() > 37, "selections " + shared.selections());
  }

  @Test
  void withoutStragglersEachGenerationIsSelectedOnce() {
    // 300 trials of 10 a generation: generations 1 to 29 are bred, each at its first call.
    GeneticAlgorithm nsga2 = runComparing(GeneticSamplerCacheTest::nsga2,
        List.of(Direction.MINIMIZE, Direction.MINIMIZE), 300, 3, false);
    assertEquals(29, nsga2.selections());
    GeneticAlgorithm genetic =
        runComparing(GeneticSamplerCacheTest::genetic, List.of(Direction.MINIMIZE), 300, 4, false);
    assertEquals(37, genetic.selections());
  }

  @Test
  void theSameTrialsAskedWithAnotherSpaceOrOtherDirectionsAreConvertedAgain() {
    List<FrozenTrial> history = history(200, 5);
    SearchSpace<Config> fewer = SearchSpace.builder()
        .real("x", 0, 1).integer("units", 1, 64).bool("bias").build();
    List<Direction> both = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
    List<Direction> turned = List.of(Direction.MAXIMIZE, Direction.MINIMIZE);
    GeneticAlgorithm shared = nsga2();
    for (int n = 200; n < 240; n++) {
      for (SearchSpace<Config> space : List.of(SPACE, fewer)) {
        for (List<Direction> directions : List.of(both, turned)) {
          SamplerContext context = new SamplerContext(space, n, directions, history);
          assertEquals(nsga2().sample(context), shared.sample(context),
              "trial " + n + " on " + space + " " + directions);
        }
      }
    }
  }

  @Test
  void studiesSharingOneSamplerGetWhatEachWouldAlone() {
    // Same trial numbers and states, other points and values: only the trials' content differs.
    List<List<FrozenTrial>> studies = List.of(history(150, 7), history(150, 8));
    List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
    GeneticAlgorithm shared = nsga2();
    for (int n = 100; n < 150; n++) {
      for (List<FrozenTrial> study : studies) {
        SamplerContext context = context(n, directions, study.subList(0, n));
        assertEquals(nsga2().sample(context), shared.sample(context), "trial " + n);
      }
    }
  }

  @Test
  void aHistoryOutOfNumberOrderGivesTheProposalsOfTheOrderedOne() {
    List<FrozenTrial> history = history(120, 9);
    List<FrozenTrial> shuffled = new ArrayList<>(history);
    Collections.shuffle(shuffled, new Random(9));
    List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
    GeneticAlgorithm shared = nsga2();
    for (int n = 100; n < 120; n++) {
      Config ordered = nsga2().sample(context(n, directions, history));
      assertEquals(ordered, shared.sample(context(n, directions, shuffled)), "trial " + n);
      assertEquals(ordered, shared.sample(context(n, directions, history)), "trial " + n);
    }
  }

  @Test
  void threadsSharingOneSamplerGetTheProposalsOfFreshOnes() throws Exception {
    List<FrozenTrial> history = history(300, 6);
    List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
    // Histories that grow by a generation at a time, so the threads breed and cache as they go.
    List<Config> expected = new ArrayList<>();
    for (int n = 0; n < 300; n++) {
      expected.add(nsga2().sample(context(n, directions, history.subList(0, n))));
    }
    GeneticAlgorithm shared = nsga2();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int worker = 0; worker < 2; worker++) {
        done.add(pool.submit(() -> {
          for (int n = 0; n < 300; n++) {
            assertEquals(expected.get(n),
                shared.sample(context(n, directions, history.subList(0, n))), "trial " + n);
          }
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Asks {@code trials} trials of one sampler, each compared with the proposal of a fresh sampler
   * on the same history, and of the same sampler on copies of the history's snapshots; returns the
   * shared sampler.
   *
   * @param messy whether trials fail, are pruned, report constraints and finish late
   */
  private static GeneticAlgorithm runComparing(Supplier<GeneticAlgorithm> factory,
      List<Direction> directions, int trials, long seed, boolean messy) {
    GeneticAlgorithm shared = factory.get();
    SplittableRandom random = new SplittableRandom(seed);
    List<FrozenTrial> history = new ArrayList<>();
    Map<Integer, List<FrozenTrial>> finishing = new HashMap<>();
    Map<String, Integer> kinds = new TreeMap<>();
    for (int n = 0; n < trials; n++) {
      List<FrozenTrial> snapshot = List.copyOf(history);
      Config proposal = shared.sample(context(n, directions, snapshot));
      assertEquals(factory.get().sample(context(n, directions, snapshot)), proposal,
          "trial " + n + ": the cached sampler and a fresh one differ");
      List<FrozenTrial> copies = snapshot.stream().map(GeneticSamplerCacheTest::copy).toList();
      assertEquals(proposal, shared.sample(context(n, directions, copies)),
          "trial " + n + " with equal snapshots that are other objects");
      FrozenTrial finished = finish(n, proposal, directions.size(), random, messy);
      kinds.merge(finished.state().toString(), 1, Integer::sum);
      kinds.merge("constrained", finished.constraints().length > 0 ? 1 : 0, Integer::sum);
      if (messy && random.nextInt(8) == 0) {
        kinds.merge("late", 1, Integer::sum);
        // A straggler: running now, finished up to 30 trials later (or never).
        history.add(trial(n, TrialState.RUNNING, new double[0], proposal, new double[0]));
        finishing.computeIfAbsent(n + 1 + random.nextInt(30), k -> new ArrayList<>())
            .add(finished);
      } else {
        history.add(finished);
      }
      for (FrozenTrial late : finishing.getOrDefault(n, List.of())) {
        history.set((int) late.number(), late);
      }
    }
    if (messy) {
      for (String kind : List.of("COMPLETE", "FAIL", "PRUNED", "constrained", "late")) {
        assertTrue(kinds.getOrDefault(kind, 0) >= 10, "too few " + kind + " trials: " + kinds);
      }
    }
    return shared;
  }

  /** Trial {@code n} ended: complete with an objective of its params, or failed, or pruned. */
  private static FrozenTrial finish(
      int n, Config params, int objectives, SplittableRandom random, boolean messy) {
    int fate = messy ? random.nextInt(10) : 9;
    double[] constraints = {};
    if (messy && random.nextInt(3) == 0) {
      // Met when x >= 0.3 and fewer than 48 units.
      constraints = new double[] {0.3 - params.getDouble("x"), params.getInt("units") - 48};
    }
    if (fate == 0) {
      return trial(n, TrialState.FAIL, new double[0], params, constraints);
    }
    if (fate == 1) {
      return trial(n, TrialState.PRUNED, new double[0], params, constraints);
    }
    double x = params.getDouble("x");
    double f1 = x + Math.abs(Math.log10(params.getDouble("lr")) + 2)
        + (params.get("activation").equals("gelu") ? 0 : 0.5);
    double f2 = (1 - Math.sqrt(x)) * (1 + params.getInt("units") / 64.0)
        + params.getDouble("dropout") + (params.getBoolean("bias") ? 0 : 0.2);
    double[] values = objectives == 2 ? new double[] {f1, f2} : new double[] {f1 + f2};
    return trial(n, TrialState.COMPLETE, values, params, constraints);
  }

  /** A history of {@code trials} complete random trials of {@link #SPACE}. */
  private static List<FrozenTrial> history(int trials, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<FrozenTrial> history = new ArrayList<>();
    for (int n = 0; n < trials; n++) {
      Config params = SPACE.fromUnit(random.doubles(SPACE.size()).toArray());
      history.add(finish(n, params, 2, random, false));
    }
    return List.copyOf(history);
  }

  private static FrozenTrial trial(
      int n, TrialState state, double[] values, Config params, double[] constraints) {
    return Snapshots.constrained(Snapshots.trial(n, state, values, params, Map.of(),
        state == TrialState.FAIL ? "failed on purpose" : null), constraints);
  }

  private static FrozenTrial copy(FrozenTrial t) {
    return Snapshots.copy(t);
  }

  private static SamplerContext context(
      long n, List<Direction> directions, List<FrozenTrial> history) {
    return new SamplerContext(SPACE, n, directions, history);
  }
}
