package dev.tunable.internal.sampler.genetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.Study;
import dev.tunable.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Nsga2Test {
  /** The hypervolume of ZDT1's true front f2 = 1 - sqrt(f1) up to (1.1, 1.1): 0.1 + 2/3 + 0.11. */
  static final double ZDT1_TRUE_HYPERVOLUME = 0.1 + 2.0 / 3 + 0.11;

  static SearchSpace<Config> cube(int d) {
    SearchSpace.Builder builder = SearchSpace.builder();
    for (int i = 0; i < d; i++) {
      builder.real("x" + i, 0, 1);
    }
    return builder.build();
  }

  /** ZDT1 (Zitzler, Deb and Thiele 2000): both objectives minimized, front at x1..x(d-1) = 0. */
  static double[] zdt1(Config x, int d) {
    double f1 = x.getDouble("x0");
    double sum = 0;
    for (int i = 1; i < d; i++) {
      sum += x.getDouble("x" + i);
    }
    double g = 1 + 9 * sum / (d - 1);
    return new double[] {f1, g * (1 - Math.sqrt(f1 / g))};
  }

  /** The area dominated by {@code front} (both objectives minimized) up to the reference point. */
  static double hypervolume(List<double[]> points, double r1, double r2) {
    List<double[]> sorted = new ArrayList<>(points);
    sorted.removeIf(p -> p[0] >= r1 || p[1] >= r2);
    sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
    double volume = 0;
    double ceiling = r2;
    for (double[] p : sorted) {
      if (p[1] < ceiling) {
        volume += (r1 - p[0]) * (ceiling - p[1]);
        ceiling = p[1];
      }
    }
    return volume;
  }

  static double zdt1Hypervolume(Sampler sampler, int d, int trials) {
    SearchSpace<Config> space = cube(d);
    Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
        .sampler(sampler).progress(false).build();
    List<FrozenTrial> front = study.optimizeMulti(space, trials, t -> zdt1(t.params(), d));
    return hypervolume(front.stream().map(FrozenTrial::values).toList(), 1.1, 1.1);
  }

  @Test
  void hypervolumeOfASquareAndAStaircase() {
    assertEquals(0.25, hypervolume(List.of(new double[] {0.5, 0.5}), 1, 1), 1e-12);
    // (0.2, 0.8), (0.5, 0.4), (0.9, 0.1) and a dominated (0.6, 0.6) up to (1, 1):
    // 0.8*0.2 + 0.5*0.4 + 0.1*0.3 = 0.39
    assertEquals(0.39, hypervolume(List.of(new double[] {0.2, 0.8}, new double[] {0.5, 0.4},
        new double[] {0.9, 0.1}, new double[] {0.6, 0.6}), 1, 1), 1e-12);
  }

  @Test
  void onZdt1TheFrontComesCloseToTheTrueOneAndFarAboveRandoms() {
    // 5-D, 1,000 trials: 20 generations of the default 50.
    int d = 5;
    double nsga = zdt1Hypervolume(Samplers.nsga2(3), d, 1000);
    double random = zdt1Hypervolume(Samplers.random(3), d, 1000);
    assertTrue(nsga > ZDT1_TRUE_HYPERVOLUME - 0.12,
        "NSGA-II hypervolume " + nsga + " vs true " + ZDT1_TRUE_HYPERVOLUME);
    assertTrue(nsga > random + 0.4, "NSGA-II " + nsga + " vs random " + random);
  }

  @Test
  void theSameSeedGivesTheSameTrials() {
    List<Map<String, Object>> first = paramsOfRun(11);
    assertEquals(first, paramsOfRun(11));
    assertNotEquals(first, paramsOfRun(12));
  }

  private static List<Map<String, Object>> paramsOfRun(long seed) {
    Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
        .sampler(Samplers.nsga2(seed).withPopulationSize(10)).progress(false).build();
    study.optimizeMulti(cube(3), 40, t -> zdt1(t.params(), 3));
    return study.trials().stream().map(t -> t.params().asMap()).toList();
  }

  @Test
  void constraintsKeepInfeasibleTrialsOffTheFrontAndPullTheSearchToFeasibility() {
    // Feasible only where x0 + x1 >= 1.6, a corner random search rarely hits (8% of the square).
    int d = 4;
    SearchSpace<Config> space = cube(d);
    Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
        .sampler(Samplers.nsga2(5).withPopulationSize(20)).progress(false).build();
    List<FrozenTrial> front = study.optimizeMulti(space, 200, t -> {
      t.setConstraints(1.6 - t.params().getDouble("x0") - t.params().getDouble("x1"));
      return zdt1(t.params(), d);
    });
    assertTrue(!front.isEmpty());
    for (FrozenTrial trial : front) {
      assertTrue(trial.isFeasible(), trial.toString());
    }
    List<FrozenTrial> trials = study.trials();
    long feasibleFirst = trials.subList(0, 20).stream().filter(FrozenTrial::isFeasible).count();
    long feasibleLast = trials.subList(180, 200).stream().filter(FrozenTrial::isFeasible).count();
    assertTrue(feasibleLast >= 10 && feasibleLast > 2 * feasibleFirst,
        "feasible among the first 20 trials: " + feasibleFirst + ", the last 20: " + feasibleLast);
  }

  @Test
  void runningTrialsOfThePreviousGenerationDoNotBlockTheNext() {
    SearchSpace<Config> space = cube(2);
    Sampler sampler = Samplers.nsga2(1).withPopulationSize(4);
    List<FrozenTrial> history = new ArrayList<>();
    for (int n = 0; n < 4; n++) {
      Config params = sampler.sample(context(space, n, history));
      TrialState state = n < 2 ? TrialState.COMPLETE : TrialState.RUNNING;
      double[] values = n < 2 ? new double[] {n, 1 - n} : new double[0];
      history.add(Snapshots.trial(n, state, values, params, Map.of(), null));
    }
    // Generation 1 is bred from the two complete trials, without waiting for the running ones.
    for (int n = 4; n < 8; n++) {
      Config child = sampler.sample(context(space, n, history));
      assertEquals(space.check(child.asMap()), child);
    }
    assertEquals(sampler.sample(context(space, 5, history)),
        sampler.sample(context(space, 5, history)));
  }

  @Test
  void parallelWorkersRunEveryTrialAndBuildAFront() {
    int d = 3;
    Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
        .sampler(Samplers.nsga2(6).withPopulationSize(10)).progress(false).build();
    List<FrozenTrial> front = study.optimizeMulti(
        cube(d), dev.tunable.Budget.trials(200).withWorkers(2), t -> zdt1(t.params(), d));
    assertEquals(200, study.trials().size());
    assertTrue(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    double random = zdt1Hypervolume(Samplers.random(6), d, 200);
    double parallel = hypervolume(front.stream().map(FrozenTrial::values).toList(), 1.1, 1.1);
    assertTrue(parallel > random, "parallel NSGA-II " + parallel + " vs random " + random);
  }

  @Test
  void geneticRefusesSeveralObjectivesAndNamesNsga2() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Samplers.genetic(1).sample(new SamplerContext(cube(2), 0,
            List.of(Direction.MINIMIZE, Direction.MAXIMIZE), List.of())));
    assertTrue(e.getMessage().contains("nsga2"), e.getMessage());
  }

  @Test
  void maximizedObjectivesAreTurnedRound() {
    // Maximizing -f1 and -f2 is minimizing ZDT1: the front must be as good as when minimizing.
    int d = 5;
    Study study = Study.builder().directions(Direction.MAXIMIZE, Direction.MAXIMIZE)
        .sampler(Samplers.nsga2(8).withPopulationSize(20)).progress(false).build();
    List<FrozenTrial> front = study.optimizeMulti(cube(d), 300, t -> {
      double[] f = zdt1(t.params(), d);
      return new double[] {-f[0], -f[1]};
    });
    double maximized = hypervolume(
        front.stream().map(t -> new double[] {-t.values()[0], -t.values()[1]}).toList(), 1.1, 1.1);
    double random = zdt1Hypervolume(Samplers.random(8), d, 300);
    assertTrue(maximized > random + 0.1, "maximized " + maximized + " vs random " + random);
  }

  private static SamplerContext context(SearchSpace<?> space, long n, List<FrozenTrial> history) {
    return new SamplerContext(
        space, n, List.of(Direction.MINIMIZE, Direction.MINIMIZE), List.copyOf(history));
  }

}
