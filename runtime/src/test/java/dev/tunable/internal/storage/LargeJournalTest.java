package dev.tunable.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.FrozenTrial;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.storage.Durability;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, part 3: a journal is read a chunk at a time with {@code long} positions, and replayed a
 * batch at a time, so that its size is bounded by the disk, not by an array or the heap. The
 * figures for a journal of many gigabytes come from {@code LargeJournalBenchmark}.
 */
class LargeJournalTest {
  private static final SearchSpace<Config> SPACE =
      SearchSpace.builder().real("x", 0, 1).integer("n", 1, 9).build();

  /** In memory where possible: there the sparse file's hole is read without filling the cache. */
  @TempDir(factory = InMemoryTempDir.class) Path directory;

  /** A study of {@code trials} trials, with reports, attributes and one large attribute. */
  private Path journal(String name, int trials) {
    Path file = directory.resolve(name);
    try (Storage storage = Storages.file(file, Durability.WRITE)) {
      Study study = Study.builder().name("s").storage(storage).progress(false).build();
      for (int i = 0; i < trials; i++) {
        Trial<Config> trial = study.ask(SPACE);
        trial.report(1, i * 0.25);
        trial.setUserAttribute("note", i == 3 ? "long ".repeat(600) : "trial " + i);
        study.tell(trial, i);
      }
    }
    return file;
  }

  private static List<FrozenTrial> trials(Storage storage) {
    return Study.load("s", storage).trials();
  }

  /**
   * Every record spans chunks, and most are larger than one: each is read whole, wherever the
   * chunks end, and the events are passed on a batch at a time, each ending at a record's end.
   */
  @Test
  void everyChunkSizeAndBatchSizeReadsTheSameEvents() throws IOException {
    Path file = journal("chunks.journal", 12);
    List<Event> expected;
    List<FrozenTrial> trials;
    try (Storage storage = Storages.file(file)) {
      expected = storage.read(0).events();
      trials = trials(storage);
    }
    long size = Files.size(file);
    for (int chunk : new int[] {19, 20, 31, 64, 100, 257, 1000, 4096}) {
      for (long batch : new long[] {1, 50, 1000, Long.MAX_VALUE}) {
        String what = "chunk " + chunk + ", batch " + batch;
        try (FileStorage storage = new FileStorage(file, Durability.WRITE, chunk, batch)) {
          List<Event> events = new ArrayList<>();
          List<Long> cursors = new ArrayList<>();
          long end = storage.read(0, read -> {
            events.addAll(read.events());
            cursors.add(read.cursor());
          });
          assertEquals(expected, events, what);
          assertEquals(size, end, what);
          if (batch == 1) {
            // one event a record, but each trial's start, which records the automatic sampler's
            // choice and cost with it, and the first trial's, which also records the space and
            // the run's settings
            assertEquals(expected.size() - 2L - 2 * 12, cursors.size(),
                "one record a batch: " + what);
          }
          for (long cursor : cursors) {
            List<Event> rest = storage.read(cursor).events();
            assertEquals(expected.subList(expected.size() - rest.size(), expected.size()), rest,
                "a batch ends where a record ends: " + what);
          }
          assertEquals(trials, trials(storage), what);
        }
      }
    }
  }

  @Test
  void smallChunksTellATornTailFromDamageAsLargeOnesDo() throws IOException {
    Path file = journal("small.journal", 6);
    byte[] good = Files.readAllBytes(file);
    List<Event> expected;
    try (Storage storage = Storages.file(file)) {
      expected = storage.read(0).events();
    }
    int lastStart = lastRecordStart(good);
    for (int chunk : new int[] {19, 33, 128}) {
      // Torn: the last record without its last bytes; a reader skips it, an append cuts it.
      Files.write(file, Arrays.copyOf(good, good.length - 7));
      try (FileStorage storage = new FileStorage(file, Durability.WRITE, chunk, 40)) {
        Storage.Batch batch = storage.read(0);
        assertEquals(expected.subList(0, expected.size() - 1), batch.events(), "chunk " + chunk);
        assertEquals(lastStart, batch.cursor());
        storage.append(batch.cursor(), news -> List.of(new TrialReported("s", 0, 7, 1.0)));
        assertEquals(expected.size(), storage.read(0).events().size(), "chunk " + chunk);
      }
      // Damaged: the last record's newline is gone and so is the one before it.
      byte[] damaged = good.clone();
      damaged[lastStart - 1] = 'x';
      Files.write(file, damaged);
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> new FileStorage(file, Durability.WRITE, chunk, 40).read(0));
      assertTrue(e.getMessage().contains("is damaged at byte " + lastRecordStart(
          Arrays.copyOf(good, lastStart)) + ": "), e.getMessage());
      assertArrayEquals(damaged, Files.readAllBytes(file));
    }
  }

  private static int lastRecordStart(byte[] journal) {
    int position = journal.length - 2;
    while (journal[position] != '\n') {
      position--;
    }
    return position + 1;
  }

  @Test
  void aRecordLargerThanAChunkIsReadWhole() {
    Path file = directory.resolve("large-record.journal");
    String large = "0123456789abcdef".repeat(3 << 16); // 3 MiB, three default chunks
    try (Storage storage = Storages.file(file)) {
      Study study = Study.builder().name("s").storage(storage).progress(false).build();
      Trial<Config> trial = study.ask(SPACE);
      trial.setUserAttribute("weights", large);
      study.tell(trial, 1.0);
    }
    try (Storage storage = Storages.file(file)) {
      assertEquals(large, trials(storage).get(0).userAttributes().get("weights"));
    }
  }

  /**
   * Before issue 12 the next open threw {@code ArithmeticException: integer overflow}, naming no
   * file: the unread part was read into one array. The file is sparse: a study, then 2 GiB of
   * zeros, as a power loss can leave after a last write (a torn tail). Reading it stays within a
   * chunk of memory; reading changes nothing; the next append cuts the zeros off. (Each read of
   * the tail reads 2 GiB of zeros: the test reads it twice.)
   */
  @Test
  void aJournalOver2GiBOpens() throws IOException {
    Path file = journal("sparse.journal", 3);
    long good = Files.size(file);
    long large = (1L << 31) + 4096;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(large);
    }
    List<Event> events;
    try (Storage storage = Storages.file(file)) {
      Storage.Batch batch = storage.read(0);
      events = new ArrayList<>(batch.events());
      assertEquals(good, batch.cursor());
      assertEquals(large, Files.size(file), "reading changes nothing");
      Event reported = new TrialReported("s", 2, 9, 0.5);
      storage.append(batch.cursor(), news -> List.of(reported));
      events.add(reported);
    }
    assertTrue(Files.size(file) < good + 100, Files.size(file) + " bytes");
    try (Storage storage = Storages.file(file)) {
      assertEquals(events, storage.read(0).events());
      assertEquals(3, trials(storage).size());
    }
  }
}
