package dev.tunable.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.SamplerContext;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The automatic sampler's rule: its choice by objectives, pruning, kinds of dimensions, trial
 * count and the recorded cost of the GP's proposals; CMA-ES started where the GP was best; the
 * same proposal from the same seed and history; the choice recorded by a study.
 */
class AutoSamplerTest {
  private static final SearchSpace<Config> PLANE =
      SearchSpace.builder().real("x", -5, 5).integer("n", 0, 10).build();
  private static final SearchSpace<Config> WITH_CHOICE =
      SearchSpace.builder().real("x", -5, 5).categorical("kind", "a", "b").build();
  private static final List<Direction> ONE = List.of(Direction.MINIMIZE);

  /** {@code count} complete trials of {@code space}, each recorded as the GP's at {@code ms}. */
  private static List<FrozenTrial> gpTrials(SearchSpace<Config> space, int count, double ms) {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      trials.add(recorded(complete(space, n), AutoSampler.GP, ms));
    }
    return trials;
  }

  /** A complete trial on a spiral towards x = 1, each better than the one before. */
  private static FrozenTrial complete(SearchSpace<Config> space, int n) {
    double x = 1 + 5 * Math.cos(n) / (1 + n);
    Config params = space.fromUnit(new double[] {(x + 5) / 10, (n % 7) / 7.0});
    return Snapshots.complete(n, params, 10.0 / (1 + n));
  }

  private static FrozenTrial recorded(FrozenTrial trial, String sampler, double ms) {
    return Snapshots.withAttributes(trial,
        Map.of(AutoSampler.SAMPLER_ATTRIBUTE, sampler, AutoSampler.COST_ATTRIBUTE, ms));
  }

  private static String choice(AutoSampler sampler, SearchSpace<Config> space,
      List<FrozenTrial> trials) {
    return sampler.choice(new SamplerContext(space, trials.size(), ONE, trials));
  }

  @Test
  void severalObjectivesTakeNsga2() {
    SamplerContext context =
        new SamplerContext(PLANE, 0, List.of(Direction.MINIMIZE, Direction.MAXIMIZE), List.of());
    assertEquals(AutoSampler.NSGA2, Samplers.auto(1).choice(context));
    assertEquals(2, Samplers.auto(1).sample(context).names().size());
  }

  @Test
  void theGpWhileItsProposalsStayUnderTheCostLimit() {
    AutoSampler auto = Samplers.auto(1);
    assertEquals(AutoSampler.GP, choice(auto, PLANE, List.of()));
    assertEquals(AutoSampler.GP, choice(auto, PLANE, gpTrials(PLANE, 40, 29.9)));
    // The cheapest of the last five counts: one cheap proposal among them keeps the GP.
    List<FrozenTrial> trials = gpTrials(PLANE, 40, 80);
    trials.set(36, recorded(complete(PLANE, 36), AutoSampler.GP, 12));
    assertEquals(AutoSampler.GP, choice(auto, PLANE, trials));
    // Five costly ones in a row end it; fewer than five recorded never do (a cold start).
    assertEquals(AutoSampler.CMA_ES, choice(auto, PLANE, gpTrials(PLANE, 40, 31)));
    assertEquals(AutoSampler.GP, choice(auto, PLANE, gpTrials(PLANE, 4, 500)));
    assertEquals(AutoSampler.GP, choice(auto.withCostLimit(90), PLANE, gpTrials(PLANE, 40, 80)));
  }

  @Test
  void theGpModelsFromTheFifthTrialAfterFourSobolPoints() {
    AutoSampler auto = Samplers.auto(3);
    List<FrozenTrial> trials = new ArrayList<>();
    for (int n = 0; n <= AutoSampler.GP_STARTUP_TRIALS; n++) {
      SamplerContext context = new SamplerContext(PLANE, n, ONE, List.copyOf(trials));
      Config proposed = auto.sample(context);
      Config sobol = Samplers.sobol(3).sample(context);
      if (n < 4) {
        assertEquals(sobol, proposed, "trial " + n);
      } else {
        assertNotEquals(sobol, proposed, "trial " + n);
        assertEquals(Samplers.gp(3).withStartupTrials(4).sample(context), proposed);
      }
      double x = (Double) proposed.get("x");
      trials.add(recorded(Snapshots.complete(n, proposed, x * x), AutoSampler.GP, 1));
    }
  }

  /** 40 cheap GP trials whose best value, 10/16 at trial 15, stops moving after trial 15. */
  private static List<FrozenTrial> stalling() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      FrozenTrial trial = complete(PLANE, n);
      double value = n < 15 ? 10.0 / (1 + n) : 10.0 / 16 + 0.01 * (n % 3);
      trials.add(recorded(Snapshots.complete(n, trial.params(), value), AutoSampler.GP, 5));
    }
    return trials;
  }

  @Test
  void theGpWhileItMakesProgress() {
    List<FrozenTrial> trials = stalling();
    AutoSampler auto = Samplers.auto(1);
    assertEquals(AutoSampler.REPEAT, choice(auto, PLANE, trials));
    // 39 trials: judged over 20 only once there are 40 complete ones
    assertEquals(AutoSampler.GP, choice(auto, PLANE, trials.subList(0, 39)));
    // a small improvement among the last 20, but more than 0.1% of the progress, keeps it on
    List<FrozenTrial> improving = new ArrayList<>(trials);
    improving.set(38, recorded(Snapshots.complete(38, trials.get(38).params(), 10.0 / 16 - 0.02),
        AutoSampler.GP, 5));
    assertEquals(AutoSampler.GP, choice(auto, PLANE, improving));
    // a fixed switch trial ignores progress
    assertEquals(AutoSampler.GP, choice(auto.withGpTrials(50), PLANE, trials));
  }

  @Test
  void aStallReRunsTheBestTrialOnceAndItsValueTellsNoiseFromAStall() {
    List<FrozenTrial> trials = stalling();
    AutoSampler auto = Samplers.auto(1);
    Config best = trials.get(15).params();
    assertEquals(best, auto.sample(new SamplerContext(PLANE, 40, ONE, trials)));
    // While the re-run runs, the GP goes on.
    List<FrozenTrial> running = new ArrayList<>(trials);
    running.add(recorded(Snapshots.running(40, best), AutoSampler.REPEAT, 0.01));
    assertEquals(AutoSampler.GP, choice(auto, PLANE, running));
    // The least progress that counts is 0.1% of 1 - 10/16 = 3.75e-4: a re-run this close to
    // 10/16 shows a stall, and CMA-ES takes over; one further away shows noise, and the GP
    // goes on, past later stalls, until its cost limit.
    assertEquals(AutoSampler.CMA_ES, choice(auto, PLANE, reRun(trials, 10.0 / 16)));
    assertEquals(AutoSampler.CMA_ES, choice(auto, PLANE, reRun(trials, 10.0 / 16 - 3e-4)));
    List<FrozenTrial> noisy = reRun(trials, 10.0 / 16 + 5e-4);
    assertEquals(AutoSampler.GP, choice(auto, PLANE, noisy));
    for (int n = 41; n < 70; n++) {
      noisy.add(recorded(Snapshots.complete(n, best, 1), AutoSampler.GP, 5));
    }
    assertEquals(AutoSampler.GP, choice(auto, PLANE, noisy));
    for (int n = 70; n < 75; n++) {
      noisy.add(recorded(Snapshots.complete(n, best, 1), AutoSampler.GP, 45));
    }
    assertEquals(AutoSampler.CMA_ES, choice(auto, PLANE, noisy));
    // A re-run that failed tells nothing of noise.
    List<FrozenTrial> failed = new ArrayList<>(trials);
    failed.add(recorded(Snapshots.failed(40, best, "out of memory"), AutoSampler.REPEAT, 0.01));
    assertEquals(AutoSampler.CMA_ES, choice(auto, PLANE, failed));
  }

  /** {@code trials} and a re-run of trial 15 that returned {@code value}. */
  private static List<FrozenTrial> reRun(List<FrozenTrial> trials, double value) {
    List<FrozenTrial> history = new ArrayList<>(trials);
    history.add(recorded(Snapshots.complete(40, trials.get(15).params(), value),
        AutoSampler.REPEAT, 0.01));
    return history;
  }

  @Test
  void aNoisyObjectiveKeepsTheGpAndADeterministicOneHandsOverToCmaEs() {
    // (x - 1)² on the plane, seen once exactly and once through noise of deviation 0.1.
    for (boolean noise : new boolean[] {false, true}) {
      Study study = Study.builder().progress(false).build();
      study.optimize(PLANE, 120, t -> {
        double x = t.params().getDouble("x");
        return (x - 1) * (x - 1) + (noise ? 0.1 * new Random(t.number()).nextGaussian() : 0);
      });
      List<FrozenTrial> trials = study.trials();
      List<Object> chosen =
          trials.stream().map(t -> t.userAttributes().get(AutoSampler.SAMPLER_ATTRIBUTE)).toList();
      int repeat = chosen.indexOf(AutoSampler.REPEAT);
      assertTrue(repeat > 0, "noise " + noise + ": " + chosen);
      assertEquals(repeat, chosen.lastIndexOf(AutoSampler.REPEAT));
      FrozenTrial best = trials.subList(0, repeat).stream()
          .min(Comparator.comparingDouble(FrozenTrial::value)).orElseThrow();
      assertEquals(best.params(), trials.get(repeat).params());
      Set<Object> afterwards = Set.copyOf(chosen.subList(repeat + 1, chosen.size()));
      assertEquals(Set.of(noise ? AutoSampler.GP : AutoSampler.CMA_ES), afterwards,
          "noise " + noise + ": " + chosen);
    }
  }

  @Test
  void afterTheGpCmaEsOnOrderedSpacesAndTpeWithCategoricals() {
    AutoSampler auto = Samplers.auto(1);
    assertEquals(AutoSampler.CMA_ES, choice(auto, PLANE, gpTrials(PLANE, 40, 50)));
    assertEquals(AutoSampler.TPE, choice(auto, WITH_CHOICE, gpTrials(WITH_CHOICE, 40, 50)));
  }

  @Test
  void theSwitchIsForGood() {
    // Cheap GP proposals after the first CMA-ES one (another worker, say) do not bring it back.
    List<FrozenTrial> trials = gpTrials(PLANE, 30, 5);
    trials.set(20, recorded(complete(PLANE, 20), AutoSampler.CMA_ES, 0.5));
    assertEquals(AutoSampler.CMA_ES, choice(Samplers.auto(1), PLANE, trials));
  }

  @Test
  void aPrunedTrialTurnsItToTpe() {
    List<FrozenTrial> trials = gpTrials(PLANE, 10, 5);
    trials.add(Snapshots.pruned(10, trials.get(3).params(), Map.of(1L, 4.0)));
    assertEquals(AutoSampler.TPE, choice(Samplers.auto(1), PLANE, trials));
  }

  @Test
  void aStudyWithManyTrialsBeforeTheGpsFirstProposalSkipsIt() {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int n = 0; n < 100; n++) {
      trials.add(complete(PLANE, n));
    }
    assertEquals(AutoSampler.CMA_ES, choice(Samplers.auto(1), PLANE, trials));
    assertEquals(AutoSampler.GP, choice(Samplers.auto(1), PLANE, trials.subList(0, 99)));
  }

  @Test
  void aFixedSwitchTrialIgnoresCost() {
    AutoSampler auto = Samplers.auto(1).withGpTrials(30);
    assertEquals(AutoSampler.GP, choice(auto, PLANE, gpTrials(PLANE, 29, 1000)));
    assertEquals(AutoSampler.CMA_ES, choice(auto, PLANE, gpTrials(PLANE, 30, 0.1)));
  }

  @Test
  void cmaEsStartsWhereTheGpWasBest() {
    // The GP's trials spiral in on (1, 2); CMA-ES's first generation is centred on the best of
    // them with a step from the best trials' spread, so it stays close, where CMA-ES on its own
    // spreads over the whole square.
    SearchSpace<Config> square = SearchSpace.builder().real("x", -5, 5).real("y", -5, 5).build();
    List<FrozenTrial> trials = new ArrayList<>();
    for (int n = 0; n < 60; n++) {
      double r = 4.0 / (1 + n);
      Config point = square.check(Map.of("x", 1 + r * Math.cos(n), "y", 2 + r * Math.sin(n)));
      trials.add(recorded(Snapshots.complete(n, point, r), AutoSampler.GP, 100));
    }
    assertTrue(farthestOfAGeneration(Samplers.auto(3), square, trials) < 0.3);
    assertTrue(farthestOfAGeneration(Samplers.cmaEs(3), square, List.of()) > 1);
  }

  /** How far from (1, 2) the first 6 proposals after {@code trials} lie, at most. */
  private static double farthestOfAGeneration(dev.tunable.Sampler sampler,
      SearchSpace<Config> space, List<FrozenTrial> trials) {
    double farthest = 0;
    for (int k = 0; k < 6; k++) {
      List<FrozenTrial> history = new ArrayList<>(trials);
      for (int i = 0; i < k; i++) {
        history.add(recorded(Snapshots.running(trials.size() + i, space.defaults()),
            AutoSampler.CMA_ES, 0.2));
      }
      Config proposal =
          sampler.sample(new SamplerContext(space, trials.size() + k, ONE, history));
      farthest = Math.max(farthest,
          Math.hypot(proposal.getDouble("x") - 1, proposal.getDouble("y") - 2));
    }
    return farthest;
  }

  @Test
  void theSameSeedAndHistoryGiveTheSameProposalInEveryPhase() {
    List<List<FrozenTrial>> histories = List.of(List.of(), gpTrials(PLANE, 12, 3),
        gpTrials(PLANE, 40, 60));
    for (List<FrozenTrial> history : histories) {
      SamplerContext context = new SamplerContext(PLANE, history.size(), ONE, history);
      Config first = Samplers.auto(5).sample(context);
      assertEquals(first, Samplers.auto(5).sample(context));
      assertEquals(first, Samplers.auto(5).sample(
          new SamplerContext(PLANE, history.size(), ONE, new ArrayList<>(history))));
      // The seed matters to the Sobol start and to CMA-ES; on the 12 trials, which improve
      // towards a corner, the GP's acquisition peaks at that corner whatever its seed.
      if (history.size() != 12) {
        assertNotEquals(first, Samplers.auto(6).sample(context), "seed 6 after "
            + history.size() + " trials");
      }
    }
  }

  @Test
  void aStudyThatNamesNoSamplerRecordsWhichSamplerMadeEachProposal() throws IOException {
    Study study = Study.builder().progress(false).build();
    study.optimize(PLANE, 8, t -> Math.abs(t.params().getDouble("x") - 1));
    for (FrozenTrial trial : study.trials()) {
      assertEquals(AutoSampler.GP, trial.userAttributes().get(AutoSampler.SAMPLER_ATTRIBUTE));
      Object ms = trial.userAttributes().get(AutoSampler.COST_ATTRIBUTE);
      assertTrue(ms instanceof Number cost && cost.doubleValue() >= 0, String.valueOf(ms));
    }
    StringBuilder csv = new StringBuilder();
    study.exportCsv(csv);
    String header = csv.substring(0, csv.indexOf("\n"));
    assertTrue(header.contains(AutoSampler.SAMPLER_ATTRIBUTE), header);
    assertTrue(csv.toString().contains(",gp,"), csv.toString());
    // A sampler the study names is recorded in the study's run settings, not per trial.
    Study named = Study.builder().sampler(Samplers.tpe(1)).progress(false).build();
    Trial<Config> trial = named.ask(PLANE);
    named.tell(trial, 1.0);
    assertEquals(Map.of(), named.trials().get(0).userAttributes());
    assertEquals(TrialState.COMPLETE, named.trials().get(0).state());
  }

  @Test
  void aStudyWithSwitchFixedAtATrialSwitchesThere() {
    Study study =
        Study.builder().sampler(Samplers.auto(2).withGpTrials(6)).progress(false).build();
    study.optimize(PLANE, 10, t -> Math.abs(t.params().getDouble("x") - 1));
    List<Object> chosen = study.trials().stream()
        .map(t -> t.userAttributes().get(AutoSampler.SAMPLER_ATTRIBUTE)).toList();
    assertEquals(List.of("gp", "gp", "gp", "gp", "gp", "gp", "cmaes", "cmaes", "cmaes", "cmaes"),
        chosen);
  }

  @Test
  void badSettingsSayWhatIsAllowed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Samplers.auto(1).withCostLimit(0));
    assertTrue(e.getMessage().contains("positive number of milliseconds, got 0.0"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Samplers.auto(1).withGpTrials(-2));
    assertTrue(e.getMessage().contains("got -2"), e.getMessage());
  }

  @Test
  void printsTheExpressionThatRebuildsIt() {
    assertEquals("Samplers.auto(4)", Samplers.auto(4).toString());
    assertEquals("Samplers.auto(4).withCostLimit(12.5).withGpTrials(40)",
        Samplers.auto(4).withCostLimit(12.5).withGpTrials(40).toString());
    assertEquals(Samplers.auto(4).withGpTrials(40), Samplers.auto(4).withGpTrials(40));
  }
}
