package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.annotations.Scale;
import dev.tunable.internal.CapturedLogs;
import dev.tunable.storage.Storage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study on a conditional space (issue 14), through every path of a study: optimize and resume
 * from the journal, enqueue a branch, the best trial of a branch with fewer values, reproduction,
 * retries of a dead worker's trial.
 */
class ConditionalStudyTest {
  /** Three branches of different sizes; the best lies in the smallest (sgd, with no settings). */
  static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("lr", 1e-4, 1, Scale.LOG)
      .choice(Dimension.categorical("optimizer", "sgd", "rmsprop", "adam"),
          SearchSpace.builder().build(),
          SearchSpace.builder().real("decay", 0.5, 1).build(),
          SearchSpace.builder().real("beta1", 0.5, 1).real("beta2", 0.5, 1).build())
      .build();

  @TempDir Path directory;

  /** The smallest loss is sgd's, near lr = 0.01; the others' are worse by their branch's cost. */
  static double loss(Config params) {
    double fit = Math.pow(Math.log10(params.getDouble("lr")) + 2, 2);
    return switch (params.getString("optimizer")) {
      case "sgd" -> fit;
      case "rmsprop" -> fit + 1 + params.getDouble("optimizer.rmsprop.decay");
      default -> fit + 2 + params.getDouble("optimizer.adam.beta1")
          + params.getDouble("optimizer.adam.beta2");
    };
  }

  private static Study study(Storage storage, Sampler sampler) {
    Study.Builder builder = Study.builder().name("s").storage(storage).loadIfExists(true)
        .progress(false);
    return sampler == null ? builder.build() : builder.sampler(sampler).build();
  }

  @Test
  void aStudyWithTheDefaultSamplerRunsEveryBranchAndResumesFromItsJournal() {
    Path journal = directory.resolve("study.journal");
    try (Storage storage = Storages.file(journal)) {
      Study study = study(storage, null);
      // One trial of each branch in the journal, whatever the (unseeded) default sampler draws
      study.enqueue(Map.of("lr", 0.1, "optimizer", "sgd"));
      study.enqueue(Map.of("lr", 0.1, "optimizer", "rmsprop", "optimizer.rmsprop.decay", 0.9));
      study.enqueue(Map.of("lr", 0.1, "optimizer", "adam", "optimizer.adam.beta1", 0.9,
          "optimizer.adam.beta2", 0.99));
      study.optimize(SPACE, 20, trial -> loss(trial.params()));
    }
    try (Storage storage = Storages.file(journal); CapturedLogs logs = CapturedLogs.open()) {
      Study resumed = study(storage, null);
      Trial<Config> best = resumed.optimize(SPACE, 15, trial -> loss(trial.params()));
      assertEquals(List.of(), logs.lines("dev.tunable.study").stream()
          .filter(line -> line.startsWith("WARN")).toList(), "the same space, no change");
      List<FrozenTrial> trials = resumed.trials();
      assertEquals(35, trials.size());
      Set<String> branches = new HashSet<>();
      for (FrozenTrial trial : trials) {
        assertEquals(TrialState.COMPLETE, trial.state(), trial.failureReason().orElse(""));
        assertEquals(trial.params(), SPACE.check(trial.params().asMap()), "active values only");
        branches.add(trial.params().getString("optimizer"));
      }
      assertEquals(Set.of("sgd", "rmsprop", "adam"), branches);
      double smallest = trials.stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
      assertEquals(smallest, best.value());
      assertEquals(resumed.bestTrial().number(), best.number(), "every branch fits the space");
      assertEquals(Map.of("optimizer.rmsprop.decay", Condition.of("optimizer", "rmsprop")),
          Map.of("optimizer.rmsprop.decay",
              resumed.space().orElseThrow().condition("optimizer.rmsprop.decay").orElseThrow()));
    }
  }

  /** Before trials of a branch counted as fitting, optimize passed over a best of fewer values. */
  @Test
  void theBestTrialMayBeOfABranchWithFewerValues() {
    Study study = study(Storages.inMemory(), Samplers.random(4));
    study.enqueue(Map.of("lr", 0.01, "optimizer", "sgd"));
    study.enqueue(Map.of("lr", 0.5, "optimizer", "adam", "optimizer.adam.beta1", 0.9,
        "optimizer.adam.beta2", 0.99));
    Trial<Config> best = study.optimize(SPACE, 2, trial -> loss(trial.params()));
    assertEquals(0, best.number());
    assertEquals(Map.of("lr", 0.01, "optimizer", "sgd"), best.params().asMap());
    assertEquals(0, study.bestTrial(SPACE).number());
  }

  @Test
  void anEnqueuedBranchRunsAsGivenAndAKeyOfAnotherBranchFailsNamingIt() {
    Study study = study(Storages.inMemory(), Samplers.random(4));
    study.enqueue(Map.of("lr", 0.1, "optimizer", "rmsprop", "optimizer.rmsprop.decay", 0.9));
    study.enqueue(Map.of("lr", 0.1, "optimizer", "sgd", "optimizer.adam.beta1", 0.9));
    study.optimize(SPACE, 3, trial -> loss(trial.params()));
    List<FrozenTrial> trials = study.trials();
    assertEquals(Map.of("lr", 0.1, "optimizer", "rmsprop", "optimizer.rmsprop.decay", 0.9),
        trials.get(0).params().asMap());
    assertEquals(TrialState.FAIL, trials.get(1).state());
    assertEquals("the enqueued hyperparameters do not fit the search space: hyperparameter"
        + " 'optimizer.adam.beta1' belongs to the branch optimizer = adam, but optimizer is sgd;"
        + " leave it out or choose its branch", trials.get(1).failureReason().orElseThrow());
    assertEquals(TrialState.COMPLETE, trials.get(2).state());
  }

  @Test
  void aReproducedTrialRunsAgainInItsBranch() {
    Study study = study(Storages.inMemory(), Samplers.random(7));
    study.optimize(SPACE, 6, trial -> loss(trial.params()));
    FrozenTrial adam = study.trials().stream()
        .filter(t -> t.params().getString("optimizer").equals("adam")).findFirst().orElseThrow();
    Reproduction reproduction = study.reproduce(adam.number());
    assertEquals(adam.params(), reproduction.params());
    Study again = study(Storages.inMemory(), Samplers.random(8));
    again.enqueue(reproduction.params());
    Trial<Config> rerun = again.optimize(SPACE, 1, trial -> loss(trial.params()));
    assertEquals(adam.params(), rerun.params());
    assertEquals(adam.value(), rerun.value());
  }

  @Test
  void aDeadWorkersTrialOfABranchIsRetriedInIt() {
    Path journal = directory.resolve("retry.journal");
    Config lost;
    long lostNumber;
    try (Storage storage = Storages.file(journal)) {
      Study dying = study(storage, Samplers.random(1));
      Trial<Config> trial = dying.ask(SPACE);
      while (trial.params().getString("optimizer").equals("sgd")) {
        dying.tell(trial, loss(trial.params())); // a trial with values of a branch is wanted
        trial = dying.ask(SPACE);
      }
      lost = trial.params();
      lostNumber = trial.number();
    } // closed with the trial running, as a killed worker's storage would be
    try (Storage storage = Storages.file(journal)) {
      Study study = Study.builder().name("s").storage(storage).loadIfExists(true)
          .sampler(Samplers.random(2)).retryTrialsOfDeadWorkers(1).progress(false).build();
      Trial<Config> retry = study.ask(SPACE);
      assertEquals(lost, retry.params());
      assertEquals(OptionalLong.of(lostNumber), retry.snapshot().retryOf());
      assertEquals(TrialState.FAIL, study.trials().get((int) lostNumber).state());
    }
  }

  private static Study branchesStudy() {
    Study study = study(Storages.inMemory(), Samplers.random(11));
    study.enqueue(Map.of("lr", 0.01, "optimizer", "sgd"));
    study.enqueue(Map.of("lr", 0.02, "optimizer", "adam", "optimizer.adam.beta1", 0.9,
        "optimizer.adam.beta2", 0.99));
    study.optimize(SPACE, 40, trial -> loss(trial.params()));
    return study;
  }

  @Test
  void exportsLeaveTheCellsOfInactiveValuesBlankAndTheirKeysOut() throws Exception {
    Study study = branchesStudy();
    StringBuilder csv = new StringBuilder();
    study.exportCsv(csv);
    List<String> rows = List.of(csv.toString().split("\r\n"));
    List<String> header = List.of(rows.get(0).split(",", -1));
    List<String> sgd = List.of(rows.get(1).split(",", -1));
    List<String> adam = List.of(rows.get(2).split(",", -1));
    assertEquals(header.size(), sgd.size());
    assertEquals(List.of("params.lr", "params.optimizer", "params.optimizer.rmsprop.decay",
            "params.optimizer.adam.beta1", "params.optimizer.adam.beta2"),
        header.stream().filter(column -> column.startsWith("params.")).toList(),
        "in the order of the space, though an adam trial came before any rmsprop one");
    assertEquals("sgd", sgd.get(header.indexOf("params.optimizer")));
    assertEquals("", sgd.get(header.indexOf("params.optimizer.adam.beta1")));
    assertEquals("", sgd.get(header.indexOf("params.optimizer.rmsprop.decay")));
    assertEquals("0.9", adam.get(header.indexOf("params.optimizer.adam.beta1")));
    StringBuilder json = new StringBuilder();
    study.exportJson(json);
    assertTrue(json.toString().startsWith("[{\"number\":0,\"state\":\"COMPLETE\",\"values\":["),
        json.toString());
    assertTrue(json.toString().contains("\"params\":{\"lr\":0.01,\"optimizer\":\"sgd\"},"),
        json.toString());
  }

  /** fANOVA over the dimensions every trial has, as Optuna's intersection search space. */
  @Test
  void importanceIsOverTheDimensionsEveryTrialHas() {
    Study study = branchesStudy();
    Map<String, Double> importance = study.importance();
    assertEquals(Set.of("lr", "optimizer"), importance.keySet());
    assertEquals(1.0, importance.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    // Of the adam trials alone, adam's settings are active in every trial and count
    Study adam = study(Storages.inMemory(), Samplers.random(12));
    for (int i = 0; i < 12; i++) {
      adam.enqueue(Map.of("lr", 0.01 * (i + 1), "optimizer", "adam",
          "optimizer.adam.beta1", 0.5 + i / 30.0, "optimizer.adam.beta2", 0.9));
    }
    adam.optimize(SPACE, 12, trial -> loss(trial.params()));
    assertEquals(Set.of("lr", "optimizer", "optimizer.adam.beta1", "optimizer.adam.beta2"),
        adam.importance(SPACE).keySet());
  }

  @Test
  void theReportDrawsEveryBranchAndSaysWhatImportanceLeavesOut() throws Exception {
    Study study = branchesStudy();
    Path file = directory.resolve("report.html");
    study.writeReport(file);
    String html = java.nio.file.Files.readString(file);
    assertTrue(html.contains("Left out, as not every trial has a value of them (a branch not"
        + " taken, or an earlier space): optimizer.rmsprop.decay, optimizer.adam.beta1,"
        + " optimizer.adam.beta2."), "importance says what it leaves out");
    assertTrue(html.contains(">optimizer.adam.beta2<"), "a slice of a branch's dimension");
    assertFalse(html.contains("NaN"), "no coordinate of a missing value is drawn");
  }

  /** Pruners compare the trials of every branch at a step alike, as Optuna's do. */
  @Test
  void aTrialOfOneBranchIsPrunedAgainstTheTrialsOfAnother() {
    Study study = Study.builder().pruner(Pruners.median().withStartupTrials(2)).progress(false)
        .build();
    for (int i = 0; i < 3; i++) {
      study.enqueue(Map.of("lr", 0.01, "optimizer", "sgd"));
    }
    study.enqueue(Map.of("lr", 0.01, "optimizer", "adam", "optimizer.adam.beta1", 0.9,
        "optimizer.adam.beta2", 0.99));
    study.optimize(SPACE, 4, trial -> {
      double level = loss(trial.params());
      for (int step = 0; step < 5; step++) {
        trial.report(step, level);
        if (trial.shouldPrune()) {
          throw trial.pruned();
        }
      }
      return level;
    });
    List<FrozenTrial> trials = study.trials();
    assertEquals(List.of(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE,
        TrialState.PRUNED), trials.stream().map(FrozenTrial::state).toList());
    assertEquals(Set.of(0L), trials.get(3).intermediateValues().keySet(), "pruned at step 0");
  }
}
