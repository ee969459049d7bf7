package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.annotations.Scale;
import dev.tunable.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reproducible study gives the same trials whatever the timing of its workers: the proposal
 * and the pruning of trial k see only the trials below k - w, finished.
 */
class ReproducibleStudyTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", -5, 10).real("y", 0, 15).real("lr", 1e-4, 1, Scale.LOG)
      .categorical("kind", "a", "b", "c").build();

  @TempDir Path directory;

  /** A learning curve whose length in time is random, so that workers finish out of order. */
  private static double train(Trial<Config> trial) throws InterruptedException {
    Config p = trial.params();
    double loss = Math.pow(p.getDouble("x") - 2, 2) + Math.pow(p.getDouble("y") - 3, 2)
        + Math.abs(Math.log10(p.getDouble("lr")) + 2) + (p.getString("kind").equals("b") ? 0 : 1);
    for (int step = 0; step < 4; step++) {
      Thread.sleep(ThreadLocalRandom.current().nextInt(3));
      trial.report(step, loss + 8.0 / (step + 1));
      if (trial.shouldPrune()) {
        throw trial.pruned();
      }
    }
    return loss;
  }

  private static Study study(Storage storage, boolean load) {
    return Study.builder().name("r").storage(storage).loadIfExists(load)
        .sampler(Samplers.tpe(7).withStartupTrials(8))
        .pruner(Pruners.median().withStartupTrials(4).withWarmupSteps(1))
        .reproducible(4).progress(false).build();
  }

  /** Number, state, values and hyperparameters of every trial: what must be reproduced. */
  private static List<String> outcome(Study study) {
    List<String> lines = new ArrayList<>();
    for (FrozenTrial trial : study.trials()) {
      lines.add(trial.number() + " " + trial.state() + " " + java.util.Arrays.toString(
          trial.values()) + " " + trial.params() + " " + trial.intermediateValues());
    }
    return lines;
  }

  @Test
  void fourThreadsGiveTheTrialsOfOneWorkerBitForBit() {
    Study alone = study(Storages.inMemory(), false);
    alone.optimize(SPACE, 40, ReproducibleStudyTest::train);
    for (int run = 0; run < 2; run++) {
      Study parallel = study(Storages.inMemory(), false);
      parallel.optimize(SPACE, Budget.trials(40).withWorkers(4), ReproducibleStudyTest::train);
      assertEquals(outcome(alone), outcome(parallel), "run " + run);
    }
    assertTrue(outcome(alone).stream().anyMatch(line -> line.contains("PRUNED")),
        "the pruner took part");
  }

  @Test
  void workersOnOneJournalGiveTheSameTrialsAsOne() throws Exception {
    Study alone = study(Storages.inMemory(), false);
    alone.optimize(SPACE, 30, ReproducibleStudyTest::train);
    Path journal = directory.resolve("shared.journal");
    ExecutorService pool = Executors.newFixedThreadPool(3);
    List<Storage> storages = new ArrayList<>();
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int w = 0; w < 3; w++) {
        Storage storage = Storages.file(journal);
        storages.add(storage);
        runs.add(pool.submit(() -> study(storage, true).optimize(SPACE, Budget.totalTrials(30),
            ReproducibleStudyTest::train)));
      }
      for (Future<?> run : runs) {
        run.get(120, TimeUnit.SECONDS);
      }
      assertEquals(outcome(alone), outcome(Study.load("r", storages.get(0))));
    } finally {
      pool.shutdownNow();
      storages.forEach(Storage::close);
    }
  }

  @Test
  void aStudyMustDeclareAtLeastOneWorker() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Study.builder().reproducible(0));
    assertTrue(e.getMessage().contains("got 0"), e.getMessage());
  }
}
