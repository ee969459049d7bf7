package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.storage.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: {@link Trial#shouldPrune()} decided on the history its study handle had when it
 * last wrote, blind to what other workers recorded since, so that two workers could decide
 * differently on the same trial (found by the pruner contract).
 */
class StalePrunerHistoryTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  @TempDir
  Path directory;

  /** Worker B completes a good trial after worker A's last report; A must see it. */
  private static void assertAPrunesOnWhatBFinished(Storage a, Storage b) {
    Pruner pruner = Pruners.median().withStartupTrials(1);
    Study first = Study.builder().name("s").storage(a).pruner(pruner)
        .sampler(Samplers.random(1)).progress(false).build();
    Study second = Study.builder().name("s").storage(b).pruner(pruner).loadIfExists(true)
        .sampler(Samplers.random(2)).progress(false).build();
    Trial<Config> bad = first.ask(SPACE);
    Trial<Config> good = second.ask(SPACE);
    bad.report(0, 5.0);
    good.report(0, 1.0);
    second.tell(good, 1.0);
    assertTrue(bad.shouldPrune(),
        "worker A's trial, worse than B's complete trial at its step, was kept");
  }

  @Test
  void shouldPruneSeesWhatAnotherStudyOnTheSameStorageFinishedSinceItsLastWrite() {
    Storage storage = Storages.inMemory();
    assertAPrunesOnWhatBFinished(storage, storage);
  }

  @Test
  void shouldPruneSeesWhatAnotherProcessFinishedSinceItsLastWrite() {
    Path journal = directory.resolve("journal.tunable");
    try (Storage a = Storages.file(journal); Storage b = Storages.file(journal)) {
      assertAPrunesOnWhatBFinished(a, b);
    }
  }
}
