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
import dev.tunable.SearchExhaustedException;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The settings of every built-in sampler reach its algorithm, bad values fail at once with a
 * message that says what is allowed, and each sampler prints the expression that rebuilds it.
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

  /** Asserts that {@code change} fails at once, with a message holding each of {@code parts}. */
  private static void assertRejected(Executable change, String... parts) {
    String message = assertThrows(IllegalArgumentException.class, change).getMessage();
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
    }
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
    assertRejected(() -> Samplers.tpe(1).withCandidates(0),
        "TPE's candidates per trial", "at least 1", "got 0", "the default is 24");
    assertRejected(() -> Samplers.tpe(1).withStartupTrials(-1),
        "TPE's start-up trials", "0 or more", "got -1", "the default is 10");
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
    // Both runs have converged by trial 150 (the first restart came at about trial 175).
    double stayedLate = 0;
    double restartedLate = 0;
    for (int n = 150; n < 400; n++) {
      stayedLate = Math.max(stayedLate, stayed.get(n).value());
      restartedLate = Math.max(restartedLate, restarted.get(n).value());
    }
    assertTrue(stayedLate <= 0.05, "worst after trial 150 without restarts: " + stayedLate);
    assertTrue(restartedLate > 1, "worst after trial 150 with IPOP: " + restartedLate);
  }

  @Test
  void badCmaEsSettingsSayWhatIsAllowed() {
    for (double sigma : new double[] {0, -0.1, 1.5, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> Samplers.cmaEs(1).withInitialStepSize(sigma));
      String message = e.getMessage();
      assertTrue(message.contains("(0, 1]") && message.contains(String.valueOf(sigma)), message);
    }
    assertRejected(() -> Samplers.cmaEs(1).withPopulationSize(1),
        "CMA-ES's population size", "at least 2", "got 1", "the default (0) is 4 + ⌊3 ln n⌋");
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
    assertRejected(() -> Samplers.gp(3).withStartupTrials(0),
        "the GP sampler's start-up trials", "at least 1", "got 0", "the default is 5");
  }

  @Test
  void aDeterministicGpStillFindsTheMinimum() {
    Sampler sampler = Samplers.gp(2).withDeterministicObjective(true);
    List<FrozenTrial> history = SamplerRuns.run(sampler, PLANE, Direction.MINIMIZE, SPHERE, 25);
    assertTrue(SamplerRuns.best(history) < 1e-2, "best " + SamplerRuns.best(history));
  }

  @Test
  void aGridPutsItsPointsOnEachContinuousDimension() {
    assertRejected(() -> next(Samplers.grid(), List.of()), "continuous dimension 'x'");
    for (int points : new int[] {2, 3, 7}) {
      Sampler grid = Samplers.grid().withPointsPerContinuousDimension(points);
      List<FrozenTrial> all =
          SamplerRuns.run(grid, PLANE, Direction.MINIMIZE, SPHERE, points * points);
      assertEquals(points * points, all.stream().map(FrozenTrial::params).distinct().count());
      assertThrows(SearchExhaustedException.class, () -> next(grid, all));
    }
  }

  @Test
  void badGridSettingsSayWhatIsAllowed() {
    for (int points : new int[] {1, -2}) {
      assertRejected(() -> Samplers.grid().withPointsPerContinuousDimension(points),
          "the grid's points per continuous dimension", "at least 2, or 0 for none",
          "got " + points, "the default is 0");
    }
  }

  @Test
  void theGeneticPopulationSizeDecidesWhenTheSecondGenerationStarts() {
    assertFalse(learnsFrom(Samplers.genetic(3), 12), "generation 0 of 20 at trial 12");
    assertFalse(learnsFrom(Samplers.genetic(3).withPopulationSize(13), 12), "generation 0");
    assertTrue(learnsFrom(Samplers.genetic(3).withPopulationSize(12), 12), "generation 1");
    assertFalse(learnsFrom(Samplers.nsga2(3), 49), "generation 0 of 50 at trial 49");
    assertFalse(learnsFrom(Samplers.nsga2(3).withPopulationSize(13), 12), "generation 0");
    assertTrue(learnsFrom(Samplers.nsga2(3).withPopulationSize(12), 12), "generation 1");
  }

  @Test
  void largerTournamentsBreedFromBetterParents() {
    // Without crossover and mutation, a child is a copy of its first parent, a tournament's winner.
    List<FrozenTrial> bowl = history(10, SPHERE);
    double[] genetic = new double[2];
    double[] nsga2 = new double[2];
    for (int seed = 0; seed < 20; seed++) {
      GeneticSampler copies = Samplers.genetic(seed).withPopulationSize(10)
          .withCrossoverProbability(0).withMutationProbability(0);
      Nsga2Sampler nsga2Copies = Samplers.nsga2(seed).withPopulationSize(10)
          .withCrossoverProbability(0).withMutationProbability(0);
      genetic[0] += SPHERE.applyAsDouble(next(copies.withTournamentSize(1), bowl));
      genetic[1] += SPHERE.applyAsDouble(next(copies.withTournamentSize(5), bowl));
      nsga2[0] += SPHERE.applyAsDouble(next(nsga2Copies.withTournamentSize(1), bowl));
      nsga2[1] += SPHERE.applyAsDouble(next(nsga2Copies.withTournamentSize(5), bowl));
    }
    assertTrue(genetic[1] < 0.8 * genetic[0], "genetic, sums with tournaments of 1 and 5: "
        + Arrays.toString(genetic));
    assertTrue(nsga2[1] < 0.8 * nsga2[0], "NSGA-II, sums with tournaments of 1 and 5: "
        + Arrays.toString(nsga2));
  }

  @Test
  void crossoverAndMutationMakeChildrenThatAreNoParent() {
    List<FrozenTrial> bowl = history(10, SPHERE);
    GeneticSampler genetic = Samplers.genetic(5).withPopulationSize(10).withMutationProbability(0);
    assertEquals(0, newPoints(genetic.withCrossoverProbability(0), bowl), "copies of parents");
    assertTrue(newPoints(genetic.withCrossoverProbability(1), bowl) > 0, "crossed over");
    assertEquals(10, newPoints(
        genetic.withCrossoverProbability(0).withMutationProbability(1), bowl), "mutated");
    Nsga2Sampler nsga2 = Samplers.nsga2(5).withPopulationSize(10).withMutationProbability(0);
    assertEquals(0, newPoints(nsga2.withCrossoverProbability(0), bowl), "copies of parents");
    assertTrue(newPoints(nsga2.withCrossoverProbability(1), bowl) > 0, "crossed over");
    assertEquals(10, newPoints(
        nsga2.withCrossoverProbability(0).withMutationProbability(1), bowl), "mutated");
  }

  /** How many of the proposals for trials 10 to 19, bred from {@code history}, are no parent. */
  private static long newPoints(Sampler sampler, List<FrozenTrial> history) {
    long fresh = 0;
    for (int n = 10; n < 20; n++) {
      Config child = sampler.sample(
          new SamplerContext(PLANE, n, List.of(Direction.MINIMIZE), history));
      // A copy may differ from its parent in the last bit, through the unit cube and back.
      fresh += history.stream().map(FrozenTrial::params).noneMatch(parent ->
          Math.abs(parent.getDouble("x") - child.getDouble("x")) < 1e-9
              && Math.abs(parent.getDouble("y") - child.getDouble("y")) < 1e-9) ? 1 : 0;
    }
    return fresh;
  }

  @Test
  void badGeneticSettingsSayWhatIsAllowed() {
    assertRejected(() -> Samplers.genetic(1).withPopulationSize(1),
        "the genetic algorithm's population size", "at least 2", "got 1", "the default is 20");
    assertRejected(() -> Samplers.nsga2(1).withPopulationSize(1),
        "NSGA-II's population size", "at least 2", "got 1", "the default is 50");
    assertRejected(() -> Samplers.genetic(1).withTournamentSize(0),
        "the genetic algorithm's tournament size", "at least 1", "got 0", "the default is 2");
    assertRejected(() -> Samplers.nsga2(1).withPopulationSize(10).withTournamentSize(11),
        "NSGA-II's tournament size", "at most the population size", "got 11",
        "population of 10", "the defaults are tournaments of 2 and a population of 50");
    assertRejected(() -> Samplers.genetic(1).withTournamentSize(3).withPopulationSize(2),
        "tournament size must be at most the population size", "got 3 with a population of 2");
    for (double p : new double[] {-0.1, 1.5, Double.NaN}) {
      assertRejected(() -> Samplers.nsga2(1).withCrossoverProbability(p),
          "NSGA-II's crossover probability", "[0, 1]", "got " + p, "the default is 0.9");
    }
    for (double p : new double[] {-0.1, 1.5, Double.POSITIVE_INFINITY}) {
      assertRejected(() -> Samplers.genetic(1).withMutationProbability(p),
          "the genetic algorithm's mutation probability", "[0, 1], or NaN for 1/d",
          "got " + p, "the default is NaN");
    }
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
    assertEqualSamplers(
        Samplers.grid().withRetryOfFailedPoints(true).withPointsPerContinuousDimension(3),
        Samplers.grid().withPointsPerContinuousDimension(3).withRetryOfFailedPoints(true));
    assertNotEquals(Samplers.grid(), Samplers.grid().withMaxRetriesPerPoint(0));
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

  /**
   * What each sampler prints is the code that makes it, the settings at their defaults left out;
   * this test builds each one with the very expression it expects to see.
   */
  @Test
  void eachSamplerPrintsTheExpressionThatRebuildsIt() {
    assertRebuiltBy("Samplers.random(1)", Samplers.random(1));
    assertRebuiltBy("Samplers.sobol(2)", Samplers.sobol(2));
    assertRebuiltBy("Samplers.grid()", Samplers.grid());
    assertRebuiltBy("Samplers.grid().withPointsPerContinuousDimension(5)",
        Samplers.grid().withPointsPerContinuousDimension(5));
    assertRebuiltBy("Samplers.grid().withPointsPerContinuousDimension(5)"
            + ".withRetryOfFailedPoints(true).withMaxRetriesPerPoint(0)",
        Samplers.grid().withPointsPerContinuousDimension(5).withRetryOfFailedPoints(true)
            .withMaxRetriesPerPoint(0));
    assertRebuiltBy("Samplers.tpe(3)", Samplers.tpe(3));
    assertRebuiltBy("Samplers.tpe(3).withStartupTrials(0).withCandidates(48)"
            + ".withMultivariate(true).withConstantLiar(false)",
        Samplers.tpe(3).withStartupTrials(0).withCandidates(48)
            .withMultivariate(true).withConstantLiar(false));
    assertRebuiltBy("Samplers.gp(1).withStartupTrials(20).withDeterministicObjective(true)",
        Samplers.gp(1).withStartupTrials(20).withDeterministicObjective(true));
    assertRebuiltBy("Samplers.cmaEs(2).withInitialStepSize(0.05).withPopulationSize(16)"
            + ".withRestarts(false)",
        Samplers.cmaEs(2).withInitialStepSize(0.05).withPopulationSize(16).withRestarts(false));
    assertRebuiltBy("Samplers.genetic(4).withPopulationSize(40).withTournamentSize(30)"
            + ".withCrossoverProbability(0.5).withMutationProbability(0.1)",
        Samplers.genetic(4).withPopulationSize(40).withTournamentSize(30)
            .withCrossoverProbability(0.5).withMutationProbability(0.1));
    assertRebuiltBy("Samplers.nsga2(3).withPopulationSize(20)",
        Samplers.nsga2(3).withPopulationSize(20));
    assertRebuiltBy("Samplers.nsga2(3).withPopulationSize(8).withTournamentSize(3)"
            + ".withCrossoverProbability(1.0).withMutationProbability(0.25)",
        Samplers.nsga2(3).withPopulationSize(8).withTournamentSize(3)
            .withCrossoverProbability(1.0).withMutationProbability(0.25));
  }

  private static void assertRebuiltBy(String expression, Sampler sampler) {
    assertEquals(expression, sampler.toString());
  }

  @Test
  void theOrderOfTheSettingsDoesNotShowInTheName() {
    assertEquals("Samplers.gp(1).withStartupTrials(20).withDeterministicObjective(true)",
        Samplers.gp(1).withDeterministicObjective(true).withStartupTrials(20).toString());
    assertEquals("Samplers.tpe(3).withCandidates(48).withMultivariate(true)",
        Samplers.tpe(3).withMultivariate(true).withCandidates(48).toString());
    assertEquals("Samplers.cmaEs(2).withPopulationSize(16).withRestarts(false)",
        Samplers.cmaEs(2).withRestarts(false).withPopulationSize(16).toString());
    assertEquals("Samplers.tpe(3).withMultivariate(true)", Samplers.multivariateTpe(3).toString());
    // The population comes first, so that the printed expression may raise the tournament size.
    assertEquals("Samplers.genetic(4).withPopulationSize(40).withTournamentSize(30)",
        Samplers.genetic(4).withPopulationSize(40).withTournamentSize(30).toString());
    assertEquals("Samplers.nsga2(3)",
        Samplers.nsga2(3).withMutationProbability(0.3).withMutationProbability(Double.NaN)
            .toString());
  }
}
