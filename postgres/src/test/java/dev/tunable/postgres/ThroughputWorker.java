package dev.tunable.postgres.benchmarks;

import dev.tunable.Budget;
import dev.tunable.Config;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One worker process of {@link ThroughputBenchmark}: {@code ThroughputWorker URL START END}, with
 * the password in {@code PGPASSWORD}. Warms up on a study of its own, waits for {@code START}
 * (epoch milliseconds), runs trials of study "bench" (random sampler, trivial objective) until
 * {@code END}, and prints {@code TRIALS n LATE ms}.
 */
public final class ThroughputWorker {
  static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", 0, 1)
      .integer("n", 1, 1000)
      .build();

  private ThroughputWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long start = Long.parseLong(args[1]);
    long end = Long.parseLong(args[2]);
    long pid = ProcessHandle.current().pid();
    try (Storage storage = Storages.open(url)) {
      Study warmup = Study.builder().name("warmup-" + pid).sampler(Samplers.random(pid))
          .storage(storage).progress(false).build();
      long warmEnd = Math.min(start - 200, System.currentTimeMillis() + 1500);
      if (warmEnd > System.currentTimeMillis()) {
        warmup.optimize(SPACE, Budget.time(Duration.ofMillis(warmEnd - System.currentTimeMillis())),
            trial -> trial.params().getDouble("x"));
      }
      Study study = Study.builder().name("bench").loadIfExists(true).sampler(Samplers.random(pid))
          .storage(storage).progress(false).build();
      long late = System.currentTimeMillis() - start;
      while (System.currentTimeMillis() < start) {
        Thread.sleep(Math.max(1, Math.min(50, start - System.currentTimeMillis())));
      }
      AtomicLong trials = new AtomicLong();
      long left = end - System.currentTimeMillis();
      if (left > 0) {
        study.optimize(SPACE, Budget.time(Duration.ofMillis(left)), trial -> {
          trials.incrementAndGet();
          return trial.params().getDouble("x") + trial.params().getLong("n");
        });
      }
      System.out.println("TRIALS " + trials.get() + " LATE " + Math.max(0, late));
    }
  }
}
