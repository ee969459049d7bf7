package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.internal.CapturedLogs;
import dev.tunable.storage.ForwardingStorage;
import dev.tunable.storage.Storage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lines a study logs through SLF4J (issue 17), as the tests' binding captures them. */
class LoggingTest {
  private static final SearchSpace<Config> SPACE =
      SearchSpace.builder().real("x", 0, 1).integer("n", 1, 3).categorical("c", "a", "b").build();

  @TempDir Path directory;

  /** "WARN study 's' …" etc. with the duration, which varies, as "in N ms". */
  private static List<String> withoutDurations(List<String> lines) {
    return lines.stream().map(line -> line.replaceAll(" in \\d+ ms", " in N ms")).toList();
  }

  @Test
  void oneLinePerFinishedTrialWithStateValueParametersDurationAndReason() {
    Study study = Study.builder().name("s").progress(false).build();
    try (CapturedLogs logs = CapturedLogs.open()) {
      study.enqueue(Map.of("x", 0.25, "n", 2L, "c", "b"));
      study.enqueue(Map.of("x", 0.5, "n", 3L, "c", "a"));
      study.enqueue(Map.of("x", 0.75, "n", 1L, "c", "a"));
      study.enqueue(Map.of("x", 2.0, "n", 1L, "c", "a")); // does not fit: fails on the way
      study.enqueue(Map.of("x", 1.0, "n", 1L, "c", "a"));
      study.optimize(SPACE, 4, trial -> {
        double x = trial.params().getDouble("x");
        if (x == 0.5) {
          throw new IllegalStateException("diverged");
        }
        if (x == 0.75) {
          trial.report(0, 0.9);
          trial.report(3, 0.8);
          throw trial.pruned();
        }
        return x * 2;
      });
      List<String> trials = withoutDurations(logs.lines("dev.tunable.trial"));
      assertEquals(5, trials.size(), trials.toString());
      assertEquals("INFO study 's' trial #0 COMPLETE in N ms, value 0.5: x=0.25, n=2, c=b",
          trials.get(0));
      assertTrue(trials.get(1).startsWith("INFO study 's' trial #1 FAIL in N ms: x=0.5, n=3, c=a;"
          + " reason: java.lang.IllegalStateException: diverged (at dev.tunable.LoggingTest"),
          trials.get(1));
      assertEquals("INFO study 's' trial #2 PRUNED in N ms: x=0.75, n=1, c=a; reason: pruned after"
          + " step 3, which reported 0.8", trials.get(2));
      // an enqueued entry that does not fit keeps the order it was given in (none, for Map.of)
      String misfit = trials.get(3);
      assertTrue(misfit.startsWith("INFO study 's' trial #3 FAIL in N ms: ")
          && misfit.contains("x=2.0") && misfit.contains("n=1") && misfit.contains("c=a")
          && misfit.endsWith("; reason: the enqueued hyperparameters do not fit the search space:"
          + " hyperparameter 'x': 2.0 (Double) is not allowed; expected a real in [0.0, 1.0]"),
          misfit);
      assertEquals("INFO study 's' trial #4 COMPLETE in N ms, value 2.0: x=1.0, n=1, c=a",
          trials.get(4));
      List<String> study1 = logs.lines("dev.tunable.study");
      assertEquals(1, study1.size(), study1.toString());
      assertTrue(study1.get(0).matches("INFO study 's' ran 4 trials in 0:0\\d \\(2 COMPLETE,"
          + " 1 PRUNED, 1 FAIL\\); best value so far 0.5"), study1.get(0));
    }
  }

  @Test
  void aTrialLineHasEachValueOfSeveralObjectivesAsTheExportWritesThem() {
    Study study = Study.builder().name("m").directions(Direction.MINIMIZE, Direction.MAXIMIZE)
        .progress(false).build();
    try (CapturedLogs logs = CapturedLogs.open()) {
      study.tell(study.ask(SPACE), 1e-7, 3);
      List<String> trials = withoutDurations(logs.lines("dev.tunable.trial"));
      FrozenTrial trial = study.trials().get(0);
      assertEquals(List.of("INFO study 'm' trial #0 COMPLETE in N ms, values [1.0E-7, 3.0]: x="
          + trial.params().get("x") + ", n=" + trial.params().get("n") + ", c="
          + trial.params().get("c")), trials);
    }
  }

  @Test
  void creatingAndResumingAStudySayWhatItHoldsAndHowManyTrialsOfDeadWorkersFailed() {
    Path journal = directory.resolve("resume.journal");
    try (CapturedLogs logs = CapturedLogs.open()) {
      try (Storage storage = Storages.file(journal)) {
        Study study = Study.builder().name("s").storage(storage).sampler(Samplers.random(1))
            .progress(false).build();
        study.optimize(SPACE, 3, trial -> trial.params().getDouble("x"));
        study.ask(SPACE); // left running: its worker dies with the storage
      }
      assertEquals("INFO study 's' created in Storages.file(" + journal + "): MINIMIZE; sampler"
          + " Samplers.random(1), pruner Pruners.none()", logs.lines("dev.tunable.study").get(0));
      try (Storage storage = Storages.file(journal)) {
        int before = logs.lines().size();
        Study.builder().name("s").storage(storage).loadIfExists(true).progress(false).build();
        List<String> lines = logs.lines().subList(before, logs.lines().size());
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("WARN dev.tunable.study: study 's' trial #3 FAIL: the"
            + " process running the trial \\(worker .*\\) died before it finished"), lines.get(0));
        assertTrue(lines.get(1).startsWith("INFO dev.tunable.study: study 's' resumed in"
            + " Storages.file(" + journal + "): 4 trials, 3 COMPLETE, 1 FAIL recorded, 1 of them"
            + " failed now because their worker died; sampler Samplers.auto("),
            lines.get(1));
      }
    }
  }

  @Test
  void noLineShowsAStoragePassword() {
    Storage storage = new ForwardingStorage(Storages.inMemory()) {
      @Override
      public String toString() {
        return "Storages.open(jdbc:postgresql://db/tune?user=u&password=s3cret)";
      }
    };
    try (CapturedLogs logs = CapturedLogs.open()) {
      Study study = Study.builder().name("p").storage(storage).progress(false).build();
      study.optimize(SPACE, 2, trial -> trial.params().getDouble("x"));
      Study.load("p", storage);
      assertFalse(logs.lines().isEmpty());
      for (String line : logs.lines()) {
        assertFalse(line.contains("s3cret"), line);
      }
      assertTrue(logs.lines().get(0).contains(
          "jdbc:postgresql://db/tune?user=u&password=***"), logs.lines().get(0));
    }
  }

  @Test
  void aSamplerWithNothingLeftToProposeSaysSoOnceWhateverTheWorkers() {
    SearchSpace<Config> small = SearchSpace.builder().integer("n", 1, 3).build();
    Study study = Study.builder().name("g").sampler(Samplers.grid()).progress(false).build();
    try (CapturedLogs logs = CapturedLogs.open()) {
      study.optimize(small, Budget.trials(10).withWorkers(3), trial -> trial.params().getLong("n"));
      assertEquals(List.of("INFO study 'g': all 3 points of the grid over [n] have been asked for;"
          + " the run ends"), logs.lines("dev.tunable.sampler"));
    }
  }
}
