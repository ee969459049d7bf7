package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.storage.Event;
import dev.tunable.storage.ForwardingStorage;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study can be opened to be read when its storage cannot be written, with the disk full and a
 * trial left running by a process that died.
 */
class OpeningWithoutWritingTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  @TempDir Path directory;

  /** A storage on a full disk: every append that has something to write fails. */
  private static final class FullDisk extends ForwardingStorage {
    volatile boolean full = true;

    FullDisk(Storage delegate) {
      super(delegate);
    }

    @Override
    public long append(long cursor, Function<Batch, List<Event>> plan) {
      return super.append(cursor, batch -> {
        List<Event> events = plan.apply(batch);
        if (full && !events.isEmpty()) {
          throw new UncheckedIOException("cannot append to the journal",
              new IOException("No space left on device"));
        }
        return events;
      });
    }
  }

  @Test
  void aStudyWithATrialOfADeadWorkerOpensOnAFullDiskAndIsFailedByTheNextWrite() {
    Path journal = directory.resolve("full.journal");
    try (Storage crashed = Storages.file(journal)) {
      Study study = Study.builder().name("s").storage(crashed).progress(false).build();
      study.tell(study.ask(SPACE), 0.5);
      study.ask(SPACE); // left running: the storage closes as a killed process's would
    }
    try (FullDisk disk = new FullDisk(Storages.file(journal))) {
      Study study = Study.load("s", disk);
      List<FrozenTrial> trials = study.trials();
      assertEquals(2, trials.size());
      assertEquals(0.5, study.bestTrial().value());
      assertEquals(TrialState.RUNNING, trials.get(1).state(), "not failed: nothing was written");
      assertThrows(UncheckedIOException.class, () -> study.ask(SPACE));

      disk.full = false; // space freed: the next write also fails the dead worker's trial
      Trial<Config> next = study.ask(SPACE);
      trials = study.trials();
      assertEquals(TrialState.FAIL, trials.get(1).state());
      assertTrue(trials.get(1).failureReason().orElseThrow().contains("died"));
      assertEquals(2, next.number());
    }
  }

  @Test
  void openingAStudyWhoseWorkersAreAllAliveWritesNothing() {
    FullDisk disk = new FullDisk(Storages.inMemory());
    disk.full = false;
    Study.builder().name("s").storage(disk).progress(false).build()
        .enqueue(java.util.Map.of("x", 0.1));
    disk.full = true;
    Study study = Study.load("s", disk);
    assertEquals(0, study.trials().size());
    Study resumed = Study.builder().name("s").storage(disk).loadIfExists(true).build();
    assertEquals("s", resumed.name());
  }
}
