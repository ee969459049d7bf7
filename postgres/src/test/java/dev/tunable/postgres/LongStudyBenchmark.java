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
    PostgresServer server = PostgresServer.start();
    String fresh = server.freshUrl();
    try (server; Storage storage = Storages.open(url != null ? url : fresh)) {
      System.out.println(storage);
      long[] stats = new long[6]; // read ns, read calls, read events, append ns, append calls, given
      Storage timed = new dev.tunable.storage.ForwardingStorage(storage) {
        @Override
        public Batch read(long cursor) {
          long start = System.nanoTime();
          Batch batch = super.read(cursor);
          stats[0] += System.nanoTime() - start;
          stats[1]++;
          stats[2] += batch.events().size();
          return batch;
        }

        @Override
        public long append(long cursor, java.util.function.Function<Batch,
            java.util.List<dev.tunable.storage.Event>> plan) {
          long start = System.nanoTime();
          long end = super.append(cursor, news -> {
            stats[5] += news.events().size();
            return plan.apply(news);
          });
          stats[3] += System.nanoTime() - start;
          stats[4]++;
          return end;
        }
      };
      Study study = Study.builder().name("long").sampler(Samplers.random(1)).storage(timed)
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
        java.util.Arrays.fill(stats, 0);
        long start = System.nanoTime();
        study.optimize(ThroughputWorker.SPACE, window, trial -> trial.params().getDouble("x"));
        System.out.printf(Locale.ROOT, "  read %.2f ms x %d (%d events), append %.2f ms x %d (%d"
            + " events given)%n", stats[0] / 1e6 / Math.max(1, stats[1]), stats[1], stats[2],
            stats[3] / 1e6 / Math.max(1, stats[4]), stats[4], stats[5]);
        System.out.printf(Locale.ROOT, "trials %6d to %6d: %.2f ms per trial, load %s%n",
            mark - window, mark, (System.nanoTime() - start) / 1e6 / window, load());
        done = mark;
      }
      try (java.sql.Connection admin = server.admin(PostgresServer.DATABASE);
          java.sql.ResultSet row = admin.createStatement().executeQuery("SELECT seq_scan,"
              + " seq_tup_read, idx_scan, idx_tup_fetch, n_live_tup, n_dead_tup FROM"
              + " pg_stat_user_tables WHERE relname = 'tunable_event'")) {
        while (row.next()) {
          System.out.printf("tunable_event: seq_scan %d, seq_tup_read %d, idx_scan %d,"
              + " idx_tup_fetch %d, live %d, dead %d%n", row.getLong(1), row.getLong(2),
              row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6));
        }
      }
    }
  }
}
