package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.storage.Storage;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trials of workers that die: failed when a worker opens the study and while workers run, and run
 * again when the study is told to.
 */
class DeadWorkerRetryTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  @TempDir Path directory;

  /** A worker that starts a trial and dies with it: its storage closes, as a killed one's would. */
  private static Config dieDuringATrial(Path journal) {
    try (Storage storage = Storages.file(journal)) {
      Study study = Study.builder().name("s").storage(storage).loadIfExists(true)
          .sampler(Samplers.random(1)).progress(false).build();
      return study.ask(SPACE).params();
    }
  }

  private static Study worker(Storage storage, int retries) {
    return Study.builder().name("s").storage(storage).loadIfExists(true)
        .sampler(Samplers.random(2)).retryTrialsOfDeadWorkers(retries).progress(false).build();
  }

  @Test
  void aDeadWorkersTrialRunsAgainWithTheSameHyperparametersUpToTheLimit() {
    Path journal = directory.resolve("retry.journal");
    Config lost = dieDuringATrial(journal);
    try (Storage storage = Storages.file(journal)) {
      Study study = worker(storage, 1);
      Trial<Config> retry = study.ask(SPACE);
      assertEquals(lost, retry.params());
      assertEquals(OptionalLong.of(0), retry.snapshot().retryOf());
      assertEquals(TrialState.FAIL, study.trials().get(0).state());
      // The retry dies too: with one retry allowed, it is not run a third time.
    }
    try (Storage storage = Storages.file(journal)) {
      Study study = worker(storage, 1);
      List<FrozenTrial> trials = study.trials();
      assertEquals(TrialState.FAIL, trials.get(1).state());
      Trial<Config> next = study.ask(SPACE);
      assertTrue(next.snapshot().retryOf().isEmpty(), "a fresh proposal, not a third run");
    }
  }

  @Test
  void withoutRetriesADeadWorkersTrialIsOnlyFailed() {
    Path journal = directory.resolve("none.journal");
    Config lost = dieDuringATrial(journal);
    try (Storage storage = Storages.file(journal)) {
      Study study = worker(storage, 0);
      Trial<Config> next = study.ask(SPACE);
      assertTrue(next.snapshot().retryOf().isEmpty());
      assertTrue(!next.params().equals(lost));
    }
  }

  @Test
  void aWorkerThatDiesDuringAnotherWorkersRunHasItsTrialFailedAndRetriedMeanwhile()
      throws Exception {
    Path journal = directory.resolve("meanwhile.journal");
    try (Storage survivor = Storages.file(journal)) {
      Study study = worker(survivor, 2);
      Config lost = dieDuringATrial(journal); // after the survivor opened the study
      long deadline = System.nanoTime() + 2 * StudyLog.LOOK_FOR_DEAD_NANOS;
      while (System.nanoTime() < deadline && study.trials().get(0).state() == TrialState.RUNNING) {
        study.tell(study.ask(SPACE), 0.5);
        Thread.sleep(100);
      }
      List<FrozenTrial> trials = study.trials();
      assertEquals(TrialState.FAIL, trials.get(0).state(), "failed while the survivor ran");
      assertTrue(trials.stream().anyMatch(t -> t.retryOf().equals(OptionalLong.of(0))
          && t.params().equals(lost)), "and run again by the survivor");
    }
  }

  @Test
  void aNegativeNumberOfRetriesIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Study.builder().retryTrialsOfDeadWorkers(-1));
    assertEquals("the retries of a dead worker's trial cannot be negative, got -1",
        e.getMessage());
  }
}
