package dev.tunable.internal.sampler.tpe;

import static dev.tunable.SamplerRuns.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.RealDimension;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.TrialState;
import dev.tunable.annotations.Scale;
import dev.tunable.benchmarks.TestFunction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {
  private static final SearchSpace<Config> LINE = SearchSpace.builder().real("x", 0, 1).build();

  @Test
  void findsBraninsMinimumFarBetterThanRandomSampling() {
    TestFunction branin = TestFunction.branin();
    double[] tpe = new double[5];
    double[] random = new double[5];
    for (int seed = 0; seed < 5; seed++) {
      tpe[seed] = minimise(Samplers.tpe(seed), branin.space(), branin::apply, 100);
      random[seed] = minimise(Samplers.random(seed), branin.space(), branin::apply, 100);
    }
    double tpeMedian = median(tpe) - branin.optimum();
    double randomMedian = median(random) - branin.optimum();
    assertTrue(tpeMedian < 0.1, "TPE's median regret " + tpeMedian);
    assertTrue(tpeMedian < randomMedian / 3, tpeMedian + " vs random " + randomMedian);
  }

  @Test
  void bothVariantsConvergeOnTheSphere() {
    TestFunction sphere = TestFunction.sphere(10);
    for (boolean multivariate : new boolean[] {false, true}) {
      double[] tpe = new double[5];
      double[] random = new double[5];
      for (int seed = 0; seed < 5; seed++) {
        Sampler sampler = Samplers.tpe(seed).withMultivariate(multivariate);
        tpe[seed] = minimise(sampler, sphere.space(), sphere::apply, 200);
        random[seed] = minimise(Samplers.random(seed), sphere.space(), sphere::apply, 200);
      }
      // 200 random points of [-5, 5]^10 get no nearer than about 30; TPE gets below 10.
      assertTrue(median(tpe) < median(random) / 3,
          "multivariate " + multivariate + ": " + median(tpe) + " vs " + median(random));
    }
  }

  @Test
  void learnsEveryKindOfDimension() {
    SearchSpace<Config> space = SearchSpace.builder()
        .real("lr", 1e-6, 1, Scale.LOG)
        .integer("layers", 1, 9)
        .integer("units", 8, 1024, Scale.LOG)
        .add(Dimension.real("dropout", 0, 0.5).withStep(0.05))
        .add(Dimension.integer("batch", 16, 256).withStep(16))
        .categorical("activation", "relu", "tanh", "gelu", "silu")
        .bool("bias")
        .build();
    ToDoubleFunction<Config> loss = c -> {
      double lr = Math.log10(c.getDouble("lr")) + 3; // best 1e-3
      double units = Math.log(c.getLong("units") / 128.0); // best 128
      return lr * lr
          + Math.abs(c.getLong("layers") - 4)
          + units * units
          + Math.abs(c.getDouble("dropout") - 0.2) * 4
          + Math.abs(c.getLong("batch") - 64) / 32.0
          + (c.getString("activation").equals("gelu") ? 0 : 1)
          + (c.getBoolean("bias") ? 0 : 1);
    };
    List<FrozenTrial> history = run(Samplers.tpe(5), space, Direction.MINIMIZE, loss, 150);
    List<FrozenTrial> last = history.subList(100, 150);
    assertTrue(share(last, t -> t.params().getString("activation").equals("gelu")) > 0.6);
    assertTrue(share(last, t -> t.params().getBoolean("bias")) > 0.6);
    assertTrue(share(last, t -> t.params().getLong("layers") == 4) > 0.4);
    assertTrue(share(last, t -> Math.abs(Math.log10(t.params().getDouble("lr")) + 3) < 1) > 0.5);
    FrozenTrial best = history.stream()
        .min((a, b) -> Double.compare(a.value(), b.value()))
        .orElseThrow();
    double random = run(Samplers.random(5), space, Direction.MINIMIZE, loss, 150).stream()
        .mapToDouble(FrozenTrial::value)
        .min()
        .orElseThrow();
    assertTrue(best.value() < random / 2, best + " vs random " + random);
  }

  @Test
  void theSameSeedGivesTheSameTrialsAndAnotherSeedOthers() {
    TestFunction function = TestFunction.mixed();
    List<FrozenTrial> first =
        run(Samplers.tpe(9), function.space(), Direction.MINIMIZE, function::apply, 40);
    List<FrozenTrial> again =
        run(Samplers.tpe(9), function.space(), Direction.MINIMIZE, function::apply, 40);
    List<FrozenTrial> other =
        run(Samplers.tpe(10), function.space(), Direction.MINIMIZE, function::apply, 40);
    for (int n = 0; n < 40; n++) {
      assertEquals(first.get(n).params(), again.get(n).params(), "trial " + n);
    }
    assertNotEquals(
        first.subList(10, 40).stream().map(FrozenTrial::params).toList(),
        other.subList(10, 40).stream().map(FrozenTrial::params).toList());
  }

  @Test
  void whatASamplerSawBeforeDoesNotChangeItsProposal() {
    TestFunction function = TestFunction.mixed();
    List<FrozenTrial> history =
        run(Samplers.random(1), function.space(), Direction.MINIMIZE, function::apply, 40);
    // The same trial numbers, but trial 5 finished differently and trial 20 is gone.
    List<FrozenTrial> changed = new ArrayList<>(history);
    changed.set(5, Snapshots.complete(5, history.get(6).params(), -1));
    changed.remove(20);
    Sampler used = Samplers.tpe(4);
    used.sample(context(function.space(), 40, history));
    used.sample(context(TestFunction.branin().space(), 40, List.of()));
    used.sample(context(function.space(), 40, history));
    assertEquals(
        Samplers.tpe(4).sample(context(function.space(), 40, changed)),
        used.sample(context(function.space(), 40, changed)));
  }

  @Test
  void oneSamplerAcrossAGrowingStudyProposesAsAFreshOneWould() {
    TestFunction function = TestFunction.mixed();
    Sampler used = Samplers.tpe(6);
    List<FrozenTrial> history = new ArrayList<>();
    for (int n = 0; n < 80; n++) {
      // Trial n - 1 is still running when trial n is asked for, and finishes after.
      Config config = used.sample(context(function.space(), n, history));
      assertEquals(Samplers.tpe(6).sample(context(function.space(), n, history)), config,
          "trial " + n);
      if (n > 0) {
        FrozenTrial running = history.remove(history.size() - 1);
        history.add(Snapshots.complete(n - 1, running.params(), function.apply(running.params())));
      }
      history.add(Snapshots.running(n, config));
    }
  }

  @Test
  void usesTheTrialsThatHaveADimensionAndSkipsOthers() {
    SearchSpace<Config> space =
        SearchSpace.builder().real("x", 0, 1).categorical("kind", "a", "b").build();
    List<FrozenTrial> history = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(1);
    for (int n = 0; n < 60; n++) {
      double x = random.nextDouble();
      Map<String, Object> params = n % 3 == 0
          ? Map.of("kind", "a") // x is absent: a conditional dimension
          : n % 3 == 1
              ? Map.of("x", x, "kind", "b")
              : Map.of("x", "not a number", "other", 1L); // a trial of another space
      history.add(Snapshots.complete(n, configOf(params), n % 3 == 1 ? Math.abs(x - 0.7) : n));
    }
    Sampler tpe = Samplers.tpe(2);
    int near = 0;
    for (int n = 60; n < 100; n++) {
      Config proposal = tpe.sample(context(space, n, history));
      space.check(proposal.asMap());
      near += Math.abs(proposal.getDouble("x") - 0.7) < 0.15 ? 1 : 0;
      assertEquals("b", proposal.getString("kind"), "kind b has the best values");
    }
    assertTrue(near > 30, near + " of 40 proposals near the best x");
  }

  @Test
  void aFinelySteppedRealSkipsValuesOffItsStepLikeAnyValueItDoesNotAllow() {
    // With more than 2^20 values TPE models w as continuous, and reading w used to skip the
    // check of its step: values of an earlier version of the space (step 2^-21) were learnt from.
    RealDimension w = Dimension.real("w", 0, 4).withStep(0x1p-20);
    RealDimension oldW = Dimension.real("w", 0, 4).withStep(0x1p-21);
    RealDimension x = Dimension.real("x", 0, 1);
    SearchSpace<Config> space = SearchSpace.builder().add(w).add(x).build();
    List<FrozenTrial> offStep = new ArrayList<>();
    List<FrozenTrial> withoutW = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(4);
    for (int n = 0; n < 40; n++) {
      double u = random.nextDouble();
      double value = (2 * random.nextInt(1 << 22) + 1) * 0x1p-21; // between two of w's values
      double objective = Math.abs(value - 1) + u;
      offStep.add(
          Snapshots.complete(n, Config.builder().set(oldW, value).set(x, u).build(), objective));
      withoutW.add(Snapshots.complete(n, Config.builder().set(x, u).build(), objective));
    }
    for (int n = 40; n < 50; n++) {
      assertEquals(Samplers.tpe(5).sample(context(space, n, withoutW)),
          Samplers.tpe(5).sample(context(space, n, offStep)), "trial " + n);
    }
  }

  @Test
  void pruneTrialsRankByTheStepTheyReachedThenTheirLastValue() {
    // Only pruned trials: those that got further are better, although their last values are
    // worse (higher) than those of trials stopped early.
    List<FrozenTrial> history = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(4);
    for (int n = 0; n < 40; n++) {
      double x = random.nextDouble();
      long steps = 1 + Math.round(100 * (1 - Math.abs(x - 0.3)));
      TreeMap<Long, Double> reported = new TreeMap<>();
      for (long step = 0; step < steps; step++) {
        reported.put(step, (double) step);
      }
      history.add(Snapshots.pruned(n, LINE.check(Map.of("x", x)), reported));
    }
    double meanDistance = 0;
    Sampler tpe = Samplers.tpe(6);
    for (int n = 40; n < 80; n++) {
      meanDistance += Math.abs(tpe.sample(context(LINE, n, history)).getDouble("x") - 0.3) / 40;
    }
    // Uniform proposals would be 0.29 away on average.
    assertTrue(meanDistance < 0.1, "mean distance to the deepest point " + meanDistance);
  }

  @Test
  void runningTrialsCountAsBadWithTheConstantLiar() {
    // Good trials near 0.3; other workers are already evaluating points there.
    List<FrozenTrial> history = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(8);
    for (int n = 0; n < 30; n++) {
      double x = random.nextDouble();
      history.add(Snapshots.complete(n, LINE.check(Map.of("x", x)), Math.abs(x - 0.3)));
    }
    for (int n = 30; n < 45; n++) {
      history.add(Snapshots.running(n, LINE.check(Map.of("x", 0.3 + (n - 37) * 0.002))));
    }
    double withLiar = meanDistance(Samplers.tpe(1), history, 0.3);
    double without = meanDistance(Samplers.tpe(1).withConstantLiar(false), history, 0.3);
    assertTrue(withLiar > 2 * without, withLiar + " vs " + without);
  }

  @Test
  void failedTrialsAreIgnoredAndTheStartIsRandom() {
    List<FrozenTrial> failed = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      failed.add(Snapshots.failed(n, LINE.check(Map.of("x", 0.5)), "boom"));
    }
    Sampler tpe = Samplers.tpe(12);
    Sampler random = Samplers.random(12);
    // Fewer than 10 finished trials: the proposal is the random sampler's, failures or not.
    assertEquals(
        tpe.sample(context(LINE, 20, List.of())), tpe.sample(context(LINE, 20, failed)));
    assertNotEquals(
        tpe.sample(context(LINE, 20, failed)), random.sample(context(LINE, 19, failed)));
  }

  @Test
  void maximisesWhenTheStudyDoes() {
    List<FrozenTrial> history = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(2);
    for (int n = 0; n < 40; n++) {
      double x = random.nextDouble();
      history.add(Snapshots.complete(n, LINE.check(Map.of("x", x)), x));
    }
    Sampler tpe = Samplers.tpe(1);
    double mean = 0;
    for (int n = 40; n < 60; n++) {
      mean += tpe.sample(
          new SamplerContext(LINE, n, List.of(Direction.MAXIMIZE), history)).getDouble("x") / 20;
    }
    assertTrue(mean > 0.8, "mean proposal " + mean);
  }

  @Test
  void refusesSeveralObjectivesNamingThem() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class,
        () -> Samplers.tpe(1).sample(new SamplerContext(
            LINE, 0, List.of(Direction.MINIMIZE, Direction.MAXIMIZE), List.of())));
    assertTrue(e.getMessage().contains("this study has 2"), e.getMessage());
  }

  private static double meanDistance(Sampler sampler, List<FrozenTrial> history, double target) {
    double sum = 0;
    for (int n = 45; n < 85; n++) {
      sum += Math.abs(sampler.sample(context(LINE, n, history)).getDouble("x") - target);
    }
    return sum / 40;
  }

  private static Config configOf(Map<String, Object> params) {
    // Built directly: a history may hold values no dimension of the current space allows.
    Config.Builder builder = Config.builder();
    params.forEach((name, value) -> {
      Dimension<?> dimension = value instanceof Double ? Dimension.real(name, 0, 1)
          : value instanceof Long ? Dimension.integer(name, 0, 10)
          : Dimension.categorical(name, (String) value);
      builder.set(dimension, value);
    });
    return builder.build();
  }

  private static SamplerContext context(
      SearchSpace<?> space, long number, List<FrozenTrial> history) {
    return new SamplerContext(space, number, List.of(Direction.MINIMIZE), List.copyOf(history));
  }

  private static double minimise(
      Sampler sampler, SearchSpace<Config> space, ToDoubleFunction<Config> f, int trials) {
    return run(sampler, space, Direction.MINIMIZE, f, trials).stream()
        .mapToDouble(FrozenTrial::value)
        .min()
        .orElseThrow();
  }

  private static double share(List<FrozenTrial> trials, Predicate<FrozenTrial> p) {
    return trials.stream().filter(p).count() / (double) trials.size();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
