package dev.tunable.postgres;

import dev.tunable.Samplers;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.util.Locale;

/**
 * The time per trial of one worker late in a long study, next to early in it: each trial reads
 * only what was appended since the worker's cursor, so the storage's part must not grow with the
 * study. Random sampler, trivial objective. Not a test: see BENCHMARKS.md.
 *
 * <pre>
 * mvn -q -B -pl postgres -am -Ppostgres-benchmarks test-compile exec:exec \
 *   -Dbenchmark.main=dev.tunable.postgres.LongStudyBenchmark -Dbenchmark.args="trials=10000"
 * </pre>
 */
public final class LongStudyBenchmark {
  private LongStudyBenchmark() {}

  private static String load() throws java.io.IOException {
    return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
  }

  public static void main(String[] args) throws Exception {
    int trials = 10_000;
    String url = null;
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.startsWith("trials=")) {
        trials = Integer.parseInt(arg.substring(7));
      } else if (arg.startsWith("storage=")) {
        url = arg.substring(8); // memory:, or file:PATH, to tell the storage's part from the study's
      }
    }
    try (PostgresServer server = PostgresServer.start();
        Storage storage = Storages.open(url != null ? url : server.freshUrl())) {
      System.out.println(storage);
      Study study = Study.builder().name("long").sampler(Samplers.random(1)).storage(storage)
          .progress(false).build();
      int done = 0;
      int window = 500;
      java.util.List<Integer> marks = new java.util.ArrayList<>();
      for (int mark = window; mark < trials; mark *= 2) {
        marks.add(mark);
      }
      marks.add(trials);
      for (int mark : marks) {
        if (mark - window > done) {
          study.optimize(ThroughputWorker.SPACE, mark - window - done,
              trial -> trial.params().getDouble("x"));
        }
        long start = System.nanoTime();
        study.optimize(ThroughputWorker.SPACE, window, trial -> trial.params().getDouble("x"));
        System.out.printf(Locale.ROOT, "trials %6d to %6d: %.2f ms per trial, load %s%n",
            mark - window, mark, (System.nanoTime() - start) / 1e6 / window, load());
        done = mark;
      }
    }
  }
}
