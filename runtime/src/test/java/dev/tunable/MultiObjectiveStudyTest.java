package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultiObjectiveStudyTest {
  private static final SearchSpace<Config> SPACE =
      SearchSpace.builder().real("x", 0, 1).real("y", 0, 1).build();

  private static Study twoObjectives() {
    return Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE)
        .sampler(Samplers.random(1)).progress(false).build();
  }

  @Test
  void aStudyKeepsItsDirectionsAndEveryValueOfATrial() {
    Study study = twoObjectives();
    assertEquals(List.of(Direction.MINIMIZE, Direction.MAXIMIZE), study.directions());
    Trial<Config> trial = study.ask(SPACE);
    FrozenTrial done = study.tell(trial, 0.5, 2.0);
    assertArrayEquals(new double[] {0.5, 2.0}, done.values());
    assertArrayEquals(new double[] {0.5, 2.0}, trial.values());
    assertEquals(TrialState.COMPLETE, trial.state());
  }

  @Test
  void theWrongNumberOfValuesIsAClearError() {
    Study study = twoObjectives();
    Trial<Config> trial = study.ask(SPACE);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> study.tell(trial, 1.0));
    assertTrue(e.getMessage().contains("2 objectives"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> study.tell(trial, 1.0, 2.0, 3.0));
    assertEquals(TrialState.RUNNING, trial.state());
    Study single = Study.builder().sampler(Samplers.random(1)).progress(false).build();
    assertThrows(IllegalArgumentException.class, () -> single.tell(single.ask(SPACE), 1.0, 2.0));
  }

  @Test
  void aNanInAnyValueFailsTheTrial() {
    Study study = twoObjectives();
    FrozenTrial done = study.tell(study.ask(SPACE), 1.0, Double.NaN);
    assertEquals(TrialState.FAIL, done.state());
    assertTrue(done.failureReason().orElseThrow().contains("NaN"), done.toString());
    assertFalse(done.hasValue());
  }

  @Test
  void bestTrialsAreTheParetoFrontAndBestTrialPointsThere() {
    Study study = twoObjectives();
    double[][] told = {{1, 1}, {2, 3}, {3, 3}, {0.5, 0.5}, {2, 2.5}, {4, 3}};
    for (double[] values : told) {
      study.tell(study.ask(SPACE), values);
    }
    // Minimize the first, maximize the second: #0 (1, 1), #1 (2, 3) and #3 (0.5, 0.5) are
    // non-dominated; #2 and #5 are dominated by #1, #4 by #1 too.
    List<Long> front = study.bestTrials().stream().map(FrozenTrial::number).toList();
    assertEquals(List.of(0L, 1L, 3L), front);
    IllegalStateException e = assertThrows(IllegalStateException.class, study::bestTrial);
    assertTrue(e.getMessage().contains("bestTrials()"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> study.optimize(SPACE, 1, t -> 1.0));
  }

  @Test
  void withOneObjectiveBestTrialsAreTheTiesAtTheBestValue() {
    Study study = Study.builder().sampler(Samplers.random(1)).progress(false).build();
    for (double value : new double[] {3, 1, 2, 1}) {
      study.tell(study.ask(SPACE), value);
    }
    assertEquals(List.of(1L, 3L), study.bestTrials().stream().map(FrozenTrial::number).toList());
    assertEquals(1, study.bestTrial().number());
  }

  @Test
  void infeasibleTrialsAreNeverBest() {
    Study study = twoObjectives();
    Trial<Config> infeasible = study.ask(SPACE);
    infeasible.setConstraints(-1, 0.5);
    study.tell(infeasible, 0, 10); // would dominate everything
    Trial<Config> feasible = study.ask(SPACE);
    feasible.setConstraints(-1, 0);
    study.tell(feasible, 1, 1);
    assertEquals(List.of(1L), study.bestTrials().stream().map(FrozenTrial::number).toList());
    assertFalse(infeasible.snapshot().isFeasible());
    assertArrayEquals(new double[] {-1, 0.5}, infeasible.constraints());

    Study single = Study.builder().sampler(Samplers.random(1)).progress(false).build();
    Trial<Config> bad = single.ask(SPACE);
    bad.setConstraints(2);
    single.tell(bad, -100);
    single.tell(single.ask(SPACE), 5);
    assertEquals(1, single.bestTrial().number());
    assertThrows(IllegalArgumentException.class, () -> bad.setConstraints(Double.NaN));
    IllegalStateException late =
        assertThrows(IllegalStateException.class, () -> bad.setConstraints(-1));
    assertTrue(late.getMessage().contains("COMPLETE"), late.getMessage());
    assertArrayEquals(new double[] {2}, bad.constraints());
  }

  @Test
  void aConstraintsFunctionOfTheBuilderIsRecordedWithEachCompleteTrial() {
    Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
        .constraints(t -> new double[] {t.values()[0] - 0.5, t.params().getDouble("y") - 2})
        .sampler(Samplers.random(3)).progress(false).build();
    List<FrozenTrial> front = study.optimizeMulti(SPACE, 30, t -> new double[] {
        t.params().getDouble("x"), 1 - t.params().getDouble("x")});
    for (FrozenTrial trial : study.trials()) {
      assertArrayEquals(new double[] {trial.values()[0] - 0.5, trial.params().getDouble("y") - 2},
          trial.constraints());
    }
    assertFalse(front.isEmpty());
    for (FrozenTrial trial : front) {
      assertTrue(trial.values()[0] <= 0.5, trial.toString());
    }
    FrozenTrial failed = study.tell(study.ask(SPACE), Double.NaN, 1);
    assertEquals(0, failed.constraints().length);
  }

  @Test
  void optimizeMultiRunsTheDefaultNsga2AndReturnsTheFront() {
    Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
        .progress(false).build();
    List<FrozenTrial> front = study.optimizeMulti(SPACE, 60, t -> new double[] {
        t.params().getDouble("x"), 1 - t.params().getDouble("x") + t.params().getDouble("y")});
    assertEquals(study.bestTrials(), front);
    assertFalse(front.isEmpty());
    assertTrue(study.toString().contains("[MINIMIZE, MINIMIZE]"), study.toString());
    // Objectives returning the wrong number of values fail their trials with the reason.
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> study.optimizeMulti(SPACE, 3, t -> new double[] {1}));
    assertTrue(e.getMessage().contains("one value per objective"), e.getMessage());
  }

  @Test
  void valuesAndConstraintsSurviveAReopenOfAFileStudy(@TempDir Path dir) {
    Path file = dir.resolve("study.jsonl");
    Study study = Study.builder().name("pareto").storage(Storages.file(file))
        .directions(Direction.MAXIMIZE, Direction.MINIMIZE).sampler(Samplers.random(2))
        .progress(false).build();
    study.optimizeMulti(SPACE, 12, t -> {
      t.setConstraints(t.params().getDouble("x") - 0.5, -1);
      return new double[] {t.params().getDouble("x"), t.params().getDouble("y")};
    });
    List<FrozenTrial> before = study.trials();
    Study reopened = Study.load("pareto", Storages.file(file));
    assertEquals(study.directions(), reopened.directions());
    assertEquals(before, reopened.trials());
    assertEquals(study.bestTrials(), reopened.bestTrials());
    FrozenTrial first = reopened.trials().get(0);
    assertArrayEquals(
        new double[] {first.params().getDouble("x") - 0.5, -1}, first.constraints());
    assertEquals(2, first.values().length);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Study.builder().name("pareto").storage(Storages.file(file)).loadIfExists(true)
            .direction(Direction.MAXIMIZE).build());
    assertTrue(e.getMessage().contains("MINIMIZE"), e.getMessage());
  }
}
