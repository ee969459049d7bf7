package dev.tunable.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.SamplerRuns;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The settings of {@link TpeSampler}, {@link CmaEsSampler} and {@link GpSampler} reach the
 * algorithms.
 */
class SamplerSettingsTest {
  private static final SearchSpace<Config> PLANE =
      SearchSpace.builder().real("x", -5, 5).real("y", -5, 5).build();
  private static final ToDoubleFunction<Config> SPHERE =
      c -> c.getDouble("x") * c.getDouble("x") + c.getDouble("y") * c.getDouble("y");

  /** {@code count} complete trials at fixed points, valued by {@code f}. */
  private static List<FrozenTrial> history(int count, ToDoubleFunction<Config> f) {
    List<FrozenTrial> history = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Config point = PLANE.check(Map.of("x", -4.5 + 0.37 * n % 9, "y", 4.5 - 0.29 * n % 9));
      history.add(Snapshots.complete(n, point, f.applyAsDouble(point)));
    }
    return history;
  }

  private static Config next(Sampler sampler, List<FrozenTrial> history) {
    return sampler.sample(
        new SamplerContext(PLANE, history.size(), List.of(Direction.MINIMIZE), history));
  }

  /**
   * Whether {@code sampler}'s proposal after {@code count} trials differs between a history
   * valued as a bowl and the same points valued as a ridge: whether it learns from them yet.
   */
  private static boolean learnsFrom(Sampler sampler, int count) {
    return !next(sampler, history(count, SPHERE))
        .equals(next(sampler, history(count, c -> -SPHERE.applyAsDouble(c))));
  }

  @Test
  void tpeModelsOnlyAfterItsStartupTrials() {
    assertFalse(learnsFrom(Samplers.tpe(3).withStartupTrials(20), 15), "random at trial 15");
    assertTrue(learnsFrom(Samplers.tpe(3), 15), "modelling from trial 10 on");
  }

  @Test
  void moreTpeCandidatesExploitTheModelHarder() {
    double few = 0;
    double many = 0;
    for (int seed = 0; seed < 20; seed++) {
      List<FrozenTrial> bowl = history(25, SPHERE);
      few += SPHERE.applyAsDouble(next(Samplers.tpe(seed).withCandidates(1), bowl));
      many += SPHERE.applyAsDouble(next(Samplers.tpe(seed).withCandidates(200), bowl));
    }
    assertTrue(many < few / 2, "mean value with 200 candidates " + many / 20 + ", with 1 "
        + few / 20);
  }

  @Test
  void multivariateTpeIsTheSettingOfTpe() {
    List<FrozenTrial> bowl = history(30, SPHERE);
    assertEquals(next(Samplers.multivariateTpe(5), bowl),
        next(Samplers.tpe(5).withMultivariate(true), bowl));
    assertNotEquals(next(Samplers.tpe(5), bowl), next(Samplers.multivariateTpe(5), bowl));
  }

  @Test
  void withoutTheConstantLiarRunningTrialsAreIgnored() {
    List<FrozenTrial> finished = history(20, SPHERE);
    Sampler honest = Samplers.tpe(9).withConstantLiar(false);
    Config alone = honest.sample(
        new SamplerContext(PLANE, 30, List.of(Direction.MINIMIZE), finished));
    // Other workers are evaluating that very point.
    List<FrozenTrial> withRunning = new ArrayList<>(finished);
    for (int n = 20; n < 30; n++) {
      withRunning.add(Snapshots.running(n, alone));
    }
    Config crowded = honest.sample(
        new SamplerContext(PLANE, 30, List.of(Direction.MINIMIZE), withRunning));
    assertEquals(alone, crowded);
    Config lying = Samplers.tpe(9).sample(
        new SamplerContext(PLANE, 30, List.of(Direction.MINIMIZE), withRunning));
    assertNotEquals(alone, lying);
  }

  @Test
  void badTpeSettingsSayWhatIsAllowed() {
    IllegalArgumentException candidates =
        assertThrows(IllegalArgumentException.class, () -> Samplers.tpe(1).withCandidates(0));
    assertTrue(candidates.getMessage().contains("candidates per trial must be at least 1"), candidates.getMessage());
    IllegalArgumentException startup =
        assertThrows(IllegalArgumentException.class, () -> Samplers.tpe(1).withStartupTrials(-1));
    assertTrue(startup.getMessage().contains("-1"), startup.getMessage());
  }

  @Test
  void cmaEsStartsWhereItIsToldWithTheStepSizeItIsGiven() {
    Config start = PLANE.check(Map.of("x", 3.0, "y", -2.0));
    Sampler sampler = Samplers.cmaEs(4).withStart(start).withInitialStepSize(0.01);
    List<FrozenTrial> history = SamplerRuns.run(sampler, PLANE, Direction.MINIMIZE, SPHERE, 6);
    for (FrozenTrial trial : history) {
      // σ = 0.01 of a range of 10 is 0.1; five σ is 0.5.
      assertEquals(3.0, trial.params().getDouble("x"), 0.5, trial.toString());
      assertEquals(-2.0, trial.params().getDouble("y"), 0.5, trial.toString());
    }
  }

  @Test
  void cmaEsTellsAGenerationOnlyOnceItsPopulationHasFinished() {
    assertFalse(learnsFrom(Samplers.cmaEs(2).withPopulationSize(12), 8), "8 of 12 members told");
    assertTrue(learnsFrom(Samplers.cmaEs(2).withPopulationSize(4), 8), "two generations told");
  }

  @Test
  void withoutRestartsCmaEsStaysAtTheOptimumItFound() {
    // Flat near the optimum: a run there stalls, and IPOP restarts it from a random point.
    ToDoubleFunction<Config> terraced = c -> Math.floor(SPHERE.applyAsDouble(c) * 100) / 100;
    Sampler once = Samplers.cmaEs(6).withRestarts(false);
    List<FrozenTrial> stayed = SamplerRuns.run(once, PLANE, Direction.MINIMIZE, terraced, 400);
    List<FrozenTrial> restarted =
        SamplerRuns.run(Samplers.cmaEs(6), PLANE, Direction.MINIMIZE, terraced, 400);
    double stayedLate = 0;
    double restartedLate = 0;
    for (int n = 300; n < 400; n++) {
      stayedLate = Math.max(stayedLate, stayed.get(n).value());
      restartedLate = Math.max(restartedLate, restarted.get(n).value());
    }
    assertTrue(stayedLate <= 0.05, "worst of the last 100 without restarts: " + stayedLate);
    assertTrue(restartedLate > 1, "worst of the last 100 with IPOP: " + restartedLate);
  }

  @Test
  void badCmaEsSettingsSayWhatIsAllowed() {
    for (double sigma : new double[] {0, -0.1, 1.5, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Samplers.cmaEs(1).withInitialStepSize(sigma));
      String message = e.getMessage();
      assertTrue(message.contains("(0, 1]") && message.contains(String.valueOf(sigma)), message);
    }
    IllegalArgumentException population = assertThrows(
        IllegalArgumentException.class, () -> Samplers.cmaEs(1).withPopulationSize(1));
    assertTrue(population.getMessage().contains("at least 2"), population.getMessage());
    // A configuration of a wider space: x = 7 is outside this one's [-5, 5].
    Sampler outside = Samplers.cmaEs(1).withStart(Config.builder()
        .set(Dimension.real("x", 0, 10), 7.0).build());
    IllegalArgumentException start = assertThrows(
        IllegalArgumentException.class, () -> next(outside, List.of()));
    assertTrue(start.getMessage().startsWith("CMA-ES's start point:"), start.getMessage());
  }

  @Test
  void gpModelsOnlyAfterItsStartupTrials() {
    assertFalse(learnsFrom(Samplers.gp(3).withStartupTrials(15), 12), "Sobol at trial 12");
    assertFalse(learnsFrom(Samplers.gp(3), 4), "Sobol below trial 5");
    assertTrue(learnsFrom(Samplers.gp(3), 5), "modelling from trial 5 on");
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> Samplers.gp(3).withStartupTrials(0));
    assertTrue(none.getMessage().contains("at least 1"), none.getMessage());
  }

  @Test
  void aDeterministicGpStillFindsTheMinimum() {
    Sampler sampler = Samplers.gp(2).withDeterministicObjective(true);
    List<FrozenTrial> history = SamplerRuns.run(sampler, PLANE, Direction.MINIMIZE, SPHERE, 25);
    assertTrue(SamplerRuns.best(history) < 1e-2, "best " + SamplerRuns.best(history));
  }

  @Test
  void samplersOfTheSameSeedAndSettingsAreEqual() {
    assertEqualSamplers(Samplers.multivariateTpe(5), Samplers.tpe(5).withMultivariate(true));
    assertEqualSamplers(Samplers.genetic(1).withMutationProbability(0.2).withPopulationSize(30),
        Samplers.genetic(1).withPopulationSize(30).withMutationProbability(0.2));
    assertEqualSamplers(Samplers.nsga2(1), Samplers.nsga2(1).withPopulationSize(20)
        .withPopulationSize(50));
    assertEqualSamplers(Samplers.cmaEs(2).withStart(PLANE.check(Map.of("x", 1.0, "y", 2.0))),
        Samplers.cmaEs(2).withStart(PLANE.check(Map.of("y", 2.0, "x", 1.0))));
    assertEqualSamplers(Samplers.grid().withPointsPerContinuousDimension(3),
        new GridSampler().withPointsPerContinuousDimension(3));
    assertEqualSamplers(Samplers.gp(4), new GpSampler(4));
    assertEqualSamplers(Samplers.random(4), new RandomSampler(4));
    assertEqualSamplers(Samplers.sobol(4), new SobolSampler(4));
    assertNotEquals(Samplers.random(1), Samplers.random(2));
    assertNotEquals(Samplers.random(1), Samplers.sobol(1));
    assertNotEquals(Samplers.genetic(1), Samplers.nsga2(1));
    assertNotEquals(Samplers.nsga2(1), Samplers.nsga2(1).withPopulationSize(20));
    assertNotEquals(Samplers.tpe(1), Samplers.tpe(1).withConstantLiar(false));
  }

  private static void assertEqualSamplers(Sampler expected, Sampler actual) {
    assertEquals(expected, actual);
    assertEquals(expected.hashCode(), actual.hashCode());
    assertEquals(expected.toString(), actual.toString());
  }

  @Test
  void settingsShowInTheSamplersName() {
    assertEquals("Samplers.gp(1).withStartupTrials(20).withDeterministicObjective(true)",
        Samplers.gp(1).withDeterministicObjective(true).withStartupTrials(20).toString());
    assertEquals("Samplers.tpe(3)", Samplers.tpe(3).toString());
    assertEquals("Samplers.tpe(3).withCandidates(48).withMultivariate(true)",
        Samplers.tpe(3).withMultivariate(true).withCandidates(48).toString());
    assertEquals("Samplers.cmaEs(2).withPopulationSize(16).withRestarts(false)",
        Samplers.cmaEs(2).withRestarts(false).withPopulationSize(16).toString());
  }
}
