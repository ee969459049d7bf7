package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.internal.Versions;
import dev.tunable.storage.Event.RunRecorded;
import dev.tunable.storage.Storage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each trial reproduced from the study alone: its params and its run's settings (issue 17). */
class ReproduceTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", 0, 1).categorical("activation", "relu", "tanh").build();

  private static Study session(Storage storage, Sampler sampler, Pruner pruner,
      Provenance... provenance) {
    return Study.builder().name("s").storage(storage).sampler(sampler).pruner(pruner)
        .provenance(provenance).loadIfExists(true).progress(false).build();
  }

  private static long runsRecorded(Storage storage) {
    return storage.read(0).events().stream().filter(RunRecorded.class::isInstance).count();
  }

  @Test
  void twoSessionsWithOtherSamplersGiveEachTrialItsOwnSettings() {
    Storage storage = Storages.inMemory();
    Sampler tpe = Samplers.tpe(42).withCandidates(48);
    session(storage, Samplers.random(7), Pruners.none(), new Provenance("code", "v1"))
        .optimize(SPACE, 3, trial -> trial.params().getDouble("x"));
    Study second = session(storage, tpe, Pruners.median().withStartupTrials(2),
        new Provenance("code", "v2"));
    second.optimize(SPACE, 2, trial -> trial.params().getDouble("x"));

    Study loaded = Study.load("s", storage);
    List<StudyRun> runs = loaded.runs();
    assertEquals(2, runs.size());
    assertEquals(List.of(0L, 3L), runs.stream().map(StudyRun::firstTrial).toList());
    for (long number = 0; number < 5; number++) {
      Reproduction reproduction = loaded.reproduce(number);
      StudyRun run = reproduction.run().orElseThrow();
      boolean first = number < 3;
      assertEquals(first ? "Samplers.random(7)" : "Samplers.tpe(42).withCandidates(48)",
          run.sampler(), "trial #" + number);
      assertEquals(first ? "Pruners.none()" : Pruners.median().withStartupTrials(2).toString(),
          run.pruner(), "trial #" + number);
      assertEquals(Map.of("code", first ? "v1" : "v2"), run.provenance());
      assertEquals(loaded.trials().get((int) number).params(), reproduction.params());
      assertEquals(number, reproduction.trial());
    }
    StudyRun run = runs.get(1);
    assertEquals(Versions.tunable(), run.settings().get(StudyRun.TUNABLE));
    assertEquals(System.getProperty("java.version"),
        run.settings().get(StudyRun.JAVA).split(" ")[0]);
    assertTrue(run.settings().get(StudyRun.OS).endsWith(System.getProperty("os.arch")));
  }

  @Test
  void theTunableVersionIsTheBuildsNotAPlaceholder() {
    assertTrue(Versions.tunable().matches("\\d+\\.\\d+\\.\\d+.*"), Versions.tunable());
  }

  @Test
  void settingsAreRecordedAgainOnlyWhenTheyChange() {
    Storage storage = Storages.inMemory();
    session(storage, Samplers.random(7), Pruners.none())
        .optimize(SPACE, 2, trial -> trial.params().getDouble("x"));
    Study same = session(storage, Samplers.random(7), Pruners.none());
    same.optimize(SPACE, 2, trial -> trial.params().getDouble("x"));
    same.tell(same.ask(SPACE), 0.5);
    assertEquals(1, runsRecorded(storage), "the same settings are recorded once");
    session(storage, Samplers.random(8), Pruners.none()).ask(SPACE);
    assertEquals(2, runsRecorded(storage), "another seed is another run");
    assertEquals(5, Study.load("s", storage).runs().get(1).firstTrial());
  }

  @Test
  void aReproducibleStudyRecordsItsWorkers() {
    Storage storage = Storages.inMemory();
    Study.builder().name("s").storage(storage).sampler(Samplers.random(1)).reproducible(3)
        .progress(false).build().ask(SPACE);
    assertEquals("3 workers", Study.load("s", storage).reproduce(0).run().orElseThrow()
        .settings().get(StudyRun.REPRODUCIBLE));
  }

  @Test
  void anUnknownTrialIsAClearError() {
    Storage storage = Storages.inMemory();
    Study study = session(storage, Samplers.random(7), Pruners.none());
    study.optimize(SPACE, 2, trial -> trial.params().getDouble("x"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> study.reproduce(2));
    assertEquals("study 's' has no trial #2; it has 2 trials", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> study.reproduce(-1));
  }

  @Test
  void aProvenanceItemGivenTwiceIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Study.builder().provenance(new Provenance("code", "a"), new Provenance("code", "b")));
    assertEquals("provenance item 'code' is given twice, as 'a' and 'b'", e.getMessage());
  }
}
