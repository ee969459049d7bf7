package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Budget#totalTrials}: workers of one study stop together when it holds the total. */
class TotalTrialsTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  @TempDir Path directory;

  @Test
  void aResumedStudyRunsWhatItLacksOfTheTotal() {
    Storage storage = Storages.inMemory();
    Study first = Study.builder().name("s").storage(storage).sampler(Samplers.random(1))
        .progress(false).build();
    first.optimize(SPACE, 3, t -> t.params().getDouble("x"));
    Study resumed = Study.builder().name("s").storage(storage).loadIfExists(true)
        .sampler(Samplers.random(1)).progress(false).build();
    AtomicInteger run = new AtomicInteger();
    resumed.optimize(SPACE, Budget.totalTrials(10), t -> {
      run.incrementAndGet();
      return t.params().getDouble("x");
    });
    assertEquals(7, run.get());
    assertEquals(10, resumed.trials().size());
    resumed.optimize(SPACE, Budget.totalTrials(10), t -> t.params().getDouble("x"));
    assertEquals(10, resumed.trials().size(), "a study at its total starts no trial");
  }

  @Test
  void threadsOfOneStudyStopAtExactlyTheTotal() {
    Study study = Study.builder().sampler(Samplers.random(2)).progress(false).build();
    study.optimize(SPACE, Budget.totalTrials(57).withWorkers(4), t -> {
      Thread.sleep(1);
      return t.params().getDouble("x");
    });
    assertEquals(57, study.trials().size());
  }

  @Test
  void workersOnOneJournalStopTogetherAtTheTotalWithNoneOver() throws Exception {
    Path journal = directory.resolve("shared.journal");
    int workers = 3;
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    List<Storage> storages = new ArrayList<>();
    try {
      List<Future<Integer>> runs = new ArrayList<>();
      for (int w = 0; w < workers; w++) {
        Storage storage = Storages.file(journal);
        storages.add(storage);
        long seed = w;
        runs.add(pool.submit(() -> {
          Study study = Study.builder().name("shared").storage(storage).loadIfExists(true)
              .sampler(Samplers.random(seed)).progress(false).build();
          AtomicInteger mine = new AtomicInteger();
          study.optimize(SPACE, Budget.totalTrials(40), t -> {
            mine.incrementAndGet();
            return t.params().getDouble("x");
          });
          return mine.get();
        }));
      }
      int sum = 0;
      for (Future<Integer> run : runs) {
        sum += run.get(60, TimeUnit.SECONDS);
      }
      assertEquals(40, sum, "every worker's trials add up to the total");
      List<FrozenTrial> trials = Study.load("shared", storages.get(0)).trials();
      assertEquals(40, trials.size());
      Set<Long> numbers = new HashSet<>();
      trials.forEach(t -> numbers.add(t.number()));
      assertEquals(40, numbers.size());
      assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    } finally {
      pool.shutdownNow();
      storages.forEach(Storage::close);
    }
  }

  @Test
  void aNegativeTotalIsRefusedWithItsValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Budget.totalTrials(-1));
    assertEquals("the study's total of trials cannot be negative, got -1", e.getMessage());
  }
}
