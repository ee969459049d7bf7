package dev.tunable.postgres;

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
 * One worker process of {@link ThroughputBenchmark}: {@code ThroughputWorker URL [settled]}, with
 * the password in {@code PGPASSWORD}. Warms up on a study of its own for a second and a half (with
 * {@code settled}, until the JIT compiler has been idle for a second), prints
 * {@code READY}, reads {@code START END} (epoch milliseconds) from its standard input, runs trials
 * of study "bench" (random sampler, trivial objective) from {@code START} until {@code END}, and
 * prints {@code TRIALS n LATE ms}.
 */
public final class ThroughputWorker {
  public static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", 0, 1)
      .integer("n", 1, 1000)
      .build();

  private ThroughputWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    long pid = ProcessHandle.current().pid();
    try (Storage storage = Storages.open(url)) {
      Study warmup = Study.builder().name("warmup-" + pid).sampler(Samplers.random(pid))
          .storage(storage).progress(false).build();
      warmup.optimize(SPACE, Budget.time(Duration.ofMillis(1500)),
          trial -> trial.params().getDouble("x"));
      if (args.length > 1 && args[1].equals("settled")) {
        // On until the JIT compiler has had nothing to do for a second (at most a minute), as in
        // a worker that has run for a while.
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + 60_000_000_000L;
        long compiled = -1;
        while (jit.getTotalCompilationTime() != compiled && System.nanoTime() < deadline) {
          compiled = jit.getTotalCompilationTime();
          warmup.optimize(SPACE, Budget.time(Duration.ofMillis(1000)),
              trial -> trial.params().getDouble("x"));
        }
      }
      Study study = Study.builder().name("bench").loadIfExists(true).sampler(Samplers.random(pid))
          .storage(storage).progress(false).build();
      System.out.println("READY");
      System.out.flush();
      String[] window = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
          java.nio.charset.StandardCharsets.UTF_8)).readLine().trim().split(" ");
      long start = Long.parseLong(window[0]);
      long end = Long.parseLong(window[1]);
      long late = System.currentTimeMillis() - start;
      while (System.currentTimeMillis() < start) {
        Thread.sleep(Math.max(1, Math.min(50, start - System.currentTimeMillis())));
      }
      AtomicLong trials = new AtomicLong();
      long cpuBefore = ((com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
      long jitBefore = java.lang.management.ManagementFactory.getCompilationMXBean()
          .getTotalCompilationTime();
      long left = end - System.currentTimeMillis();
      if (left > 0) {
        study.optimize(SPACE, Budget.time(Duration.ofMillis(left)), trial -> {
          trials.incrementAndGet();
          return trial.params().getDouble("x") + trial.params().getLong("n");
        });
      }
      var os = (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
      System.out.println("TRIALS " + trials.get() + " LATE " + Math.max(0, late) + " CPU_MS "
          + (os.getProcessCpuTime() - cpuBefore) / 1_000_000 + " JIT_MS "
          + (java.lang.management.ManagementFactory.getCompilationMXBean()
              .getTotalCompilationTime() - jitBefore) + " "
          + "");
    }
  }
}
