package dev.tunable.postgres;

import dev.tunable.Config;
import dev.tunable.Samplers;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import dev.tunable.internal.StoredValues;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialStarted;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Measures, on this machine, the inputs of {@link ContentionModel}: the round trip, a commit's WAL
 * flush, an append's lock hold and an unlocked read as functions of the events appended since the
 * worker's cursor, the server's part of a read, a liveness check, the connections and heartbeats
 * of one worker, and a worker's time per trial outside its objective. Not a test: see
 * BENCHMARKS.md, "Contention with 100 and 1,000 workers".
 *
 * <pre>
 * mvn -q -B -pl postgres -am -Ppostgres-benchmarks test-compile exec:exec \
 *   -Dbenchmark.main=dev.tunable.postgres.ContentionInputs
 * </pre>
 *
 * <p>One process, one private cluster, no other client: every figure is uncontended. An append's
 * lock hold is its duration less one round trip: the lock is taken half a round trip after the
 * first statement leaves, and released half a round trip before the commit's answer arrives.
 */
public final class ContentionInputs {
  private static final String STUDY = "inputs";
  /** Trials appended by the other worker before each measured read and append. */
  private static final int[] OTHERS = {0, 5, 50, 500, 2500};

  private ContentionInputs() {}

  public static void main(String[] args) throws Exception {
    try (PostgresServer server = PostgresServer.start()) {
      String url = server.freshUrl();
      String schema = PostgresServer.schemaOf(url);
      System.out.printf(Locale.ROOT, "PostgreSQL on 127.0.0.1:%d, %d cores, load %s%n",
          server.port(), Runtime.getRuntime().availableProcessors(), load());
      double rtt;
      double commit;
      try (Storage storage = Storages.open(url); Connection connection = connect(server, schema)) {
        rtt = roundTrip(connection);
        commit = commits(connection, rtt);
        isAlive(storage, rtt);
      }
      connectionsAndHeartbeats(server, url);
      perTrial(url);
      holdAndRead(server, url, schema, rtt);
      System.out.printf(Locale.ROOT, "load at the end %s%n", load());
    }
  }

  private static Connection connect(PostgresServer server, String schema) throws SQLException {
    Connection connection = server.admin(PostgresServer.DATABASE);
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET search_path = " + schema);
    }
    return connection;
  }

  /** Median milliseconds of {@code SELECT 1}, prepared, after a warm-up. */
  private static double roundTrip(Connection connection) throws SQLException {
    double[] times = new double[3000];
    try (PreparedStatement select = connection.prepareStatement("SELECT 1")) {
      for (int i = -1000; i < times.length; i++) {
        long start = System.nanoTime();
        try (ResultSet row = select.executeQuery()) {
          row.next();
        }
        if (i >= 0) {
          times[i] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    System.out.printf(Locale.ROOT, "round trip (SELECT 1): median %.3f ms, p90 %.3f ms%n",
        percentile(times, 50), percentile(times, 90));
    return percentile(times, 50);
  }

  /**
   * A one-row insert committed with and without waiting for its WAL flush: the difference is the
   * flush every append and heartbeat waits for.
   */
  private static double commits(Connection connection, double rtt) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE flush_probe (x int)");
    }
    double[] flushed = insertTimes(connection, "on");
    double[] unflushed = insertTimes(connection, "off");
    double flush = percentile(flushed, 50) - percentile(unflushed, 50);
    System.out.printf(Locale.ROOT, "one-row insert and commit: median %.3f ms (p90 %.3f)"
            + " with synchronous_commit on, %.3f ms off: WAL flush %.3f ms%n",
        percentile(flushed, 50), percentile(flushed, 90), percentile(unflushed, 50), flush);
    return percentile(flushed, 50);
  }

  private static double[] insertTimes(Connection connection, String synchronous)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET synchronous_commit = " + synchronous);
    }
    double[] times = new double[1000];
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO flush_probe VALUES (1)")) {
      for (int i = -200; i < times.length; i++) {
        long start = System.nanoTime();
        insert.executeUpdate();
        if (i >= 0) {
          times[i] = (System.nanoTime() - start) / 1e6;
        }
      }
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET synchronous_commit = on");
    }
    return times;
  }

  /** One liveness check of another worker: a round trip and a primary-key lookup. */
  private static void isAlive(Storage storage, double rtt) {
    double[] times = new double[1000];
    for (int i = -200; i < times.length; i++) {
      long start = System.nanoTime();
      storage.isAlive("another-host/1/00000000");
      if (i >= 0) {
        times[i] = (System.nanoTime() - start) / 1e6;
      }
    }
    System.out.printf(Locale.ROOT, "isAlive(another worker): median %.3f ms (%.3f beyond the"
        + " round trip)%n", percentile(times, 50), percentile(times, 50) - rtt);
    double[] asked = {10, 100, 1000};
    double[] medians = new double[asked.length];
    for (int a = 0; a < asked.length; a++) {
      Set<String> workers = new HashSet<>();
      for (int i = 0; i < asked[a]; i++) {
        workers.add("another-host/" + i + "/00000000");
      }
      double[] batch = new double[300];
      for (int i = -100; i < batch.length; i++) {
        long start = System.nanoTime();
        storage.alive(workers);
        if (i >= 0) {
          batch[i] = (System.nanoTime() - start) / 1e6;
        }
      }
      medians[a] = percentile(batch, 50);
    }
    double perWorker = (medians[2] - medians[1]) / (asked[2] - asked[1]);
    System.out.printf(Locale.ROOT, "alive(10, 100, 1000 workers at once): medians %.3f, %.3f,"
            + " %.3f ms: %.3f ms + %.5f ms per worker asked about%n", medians[0], medians[1],
        medians[2], medians[1] - perWorker * asked[1], perWorker);
  }

  /** The connections one single-threaded worker holds, and how often it beats. */
  private static void connectionsAndHeartbeats(PostgresServer server, String fresh)
      throws Exception {
    String url = fresh + "&heartbeatSeconds=1&graceSeconds=3";
    String schema = PostgresServer.schemaOf(fresh);
    try (Connection admin = connect(server, schema)) {
      long before = count(admin, "SELECT count(*) FROM pg_stat_activity"
          + " WHERE application_name = 'tunable'");
      long beatsBefore;
      try (Storage storage = Storages.open(url)) {
        Study study = Study.builder().name("connections").sampler(Samplers.random(1))
            .storage(storage).progress(false).build();
        study.optimize(StorageShareBenchmark.SPACE, 20,
            trial -> StorageShareBenchmark.objective(trial.params()));
        beatsBefore = beats(admin);
        Thread.sleep(10_500);
        long connections = count(admin, "SELECT count(*) FROM pg_stat_activity"
            + " WHERE application_name = 'tunable'") - before;
        long beats = beats(admin) - beatsBefore;
        System.out.printf(Locale.ROOT, "one worker (one thread) after 20 trials: %d connections;"
            + " %d heartbeats in 10.5 s with heartbeatSeconds=1%n", connections, beats);
      }
    }
  }

  /** Heartbeats the server counted: updates of tunable_worker rows (statistics lag a little). */
  private static long beats(Connection admin) throws SQLException, InterruptedException {
    Thread.sleep(600); // the statistics collector's delay
    return count(admin, "SELECT n_tup_upd FROM pg_stat_user_tables"
        + " WHERE relname = 'tunable_worker' AND schemaname = current_schema()");
  }

  private static long count(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** A worker's time per trial alone, outside a trivial objective, with the random sampler. */
  private static void perTrial(String url) {
    try (Storage storage = Storages.open(url)) {
      Study study = Study.builder().name("per-trial").sampler(Samplers.random(1))
          .storage(storage).progress(false).build();
      study.optimize(StorageShareBenchmark.SPACE, 1000,
          trial -> StorageShareBenchmark.objective(trial.params()));
      long start = System.nanoTime();
      study.optimize(StorageShareBenchmark.SPACE, 1000,
          trial -> StorageShareBenchmark.objective(trial.params()));
      System.out.printf(Locale.ROOT, "one worker, random sampler, trivial objective: %.2f ms per"
          + " trial (trials 1,000 to 2,000), load %s%n", (System.nanoTime() - start) / 1e6 / 1000,
          load());
    }
  }

  /**
   * For each count k of {@link #OTHERS}: another worker appends k trials (2k events), worker A
   * asks for a trial (its read catches up with them, unlocked); the other appends k more, and A
   * tells its trial (the append catches up with them under the lock).
   */
  private static void holdAndRead(PostgresServer server, String url, String schema, double rtt)
      throws Exception {
    StorageShareBenchmark.Stats stats = new StorageShareBenchmark.Stats();
    try (Storage a = new StorageShareBenchmark.TimedStorage(Storages.open(url), stats);
        Storage other = Storages.open(url);
        Connection admin = connect(server, schema)) {
      Study study = Study.builder().name(STUDY).sampler(Samplers.random(1)).storage(a)
          .progress(false).build();
      Other b = new Other(other);
      System.out.println("events since the cursor, n: unlocked read (fetch and decode; the"
          + " study applying them), an append catching up with them (until its plan, plan,"
          + " insert and commit; lock hold = append - round trip), the server's executor time of"
          + " the read, without sending the rows; medians in ms");
      List<double[]> points = new ArrayList<>();
      for (int k : OTHERS) {
        int repeats = k >= 2500 ? 15 : k >= 500 ? 30 : 100;
        double[][] samples = new double[9][repeats];
        for (int r = -Math.max(3, repeats / 5); r < repeats; r++) {
          b.append(k);
          stats.reset();
          Trial<Config> trial = study.ask(StorageShareBenchmark.SPACE);
          double read = stats.readWall / 1e6;
          double apply = stats.applyWall / 1e6;
          double readCpu = stats.readCpu / 1e6;
          b.append(k);
          stats.reset();
          study.tell(trial, StorageShareBenchmark.objective(trial.params()));
          if (r >= 0) {
            samples[0][r] = read;
            samples[1][r] = apply;
            samples[2][r] = stats.appendWall / 1e6;
            samples[3][r] = stats.beforePlan / 1e6;
            samples[4][r] = stats.plan / 1e6;
            samples[5][r] = stats.afterPlan / 1e6;
            samples[6][r] = stats.appendEvents;
            samples[7][r] = executorTime(admin, 2 * k);
            samples[8][r] = readCpu;
          }
        }
        double[] m = new double[9];
        for (int i = 0; i < m.length; i++) {
          m[i] = percentile(samples[i], 50);
        }
        points.add(new double[] {2 * k, m[0] + m[1], m[2] - rtt});
        System.out.printf(Locale.ROOT, "n %5d: read %.3f (+ %.3f applying; the worker's CPU"
                + " %.3f); append %.3f (%.3f, %.3f, %.3f), lock hold %.3f; server %.3f%n",
            2 * k, m[0], m[1], m[8], m[2], m[3], m[4], m[5], m[2] - rtt, m[7]);
      }
      double[] read = fit(points, 1);
      double[] hold = fit(points, 2);
      System.out.printf(Locale.ROOT, "least squares through the medians at n = 0: read = %.3f +"
          + " %.5f n ms, lock hold = %.3f + %.5f n ms%n", read[0], read[1], hold[0], hold[1]);
      try (Statement statement = admin.createStatement(); ResultSet row = statement.executeQuery(
          "SELECT avg(octet_length(body)), avg(pg_column_size(tunable_event.*))"
              + " FROM tunable_event WHERE study = '" + STUDY + "'")) {
        row.next();
        System.out.printf(Locale.ROOT, "an event's body: %.0f bytes on average, its row %.0f%n",
            row.getDouble(1), row.getDouble(2));
      }
      double[] backend = serverCpu(admin);
      System.out.printf(Locale.ROOT, "ContentionModel inputs: rtt=%.3f hold=%.3f holdPerEvent=%.5f"
              + " read=%.3f readPerEvent=%.5f serverPerEvent=%.5f serverPerCheck=%.5f%n", rtt,
          hold[0], hold[1], read[0], read[1], backend[0], backend[1]);
    }
  }

  /**
   * Column {@code y} against column 0 as the first point's {@code y} (at n = 0, measured) plus a
   * slope, by least squares: a free intercept would be set by the large reads alone.
   */
  private static double[] fit(List<double[]> points, int y) {
    double intercept = points.get(0)[y];
    double sxx = 0;
    double sxy = 0;
    for (double[] p : points) {
      sxx += p[0] * p[0];
      sxy += p[0] * (p[y] - intercept);
    }
    return new double[] {intercept, sxy / sxx};
  }

  /**
   * The CPU time of the server's process for this connection ({@code /proc/PID/stat}, in clock
   * ticks of 10 ms), per row read as a worker reads them (selected, sent, and taken by the driver
   * as text, not decoded) and per liveness check: the server's work for reads and checks, which
   * the model does not queue but reports.
   */
  private static double[] serverCpu(Connection admin) throws SQLException, IOException {
    long pid = count(admin, "SELECT pg_backend_pid()");
    long last = count(admin, "SELECT coalesce(max(id), 0) FROM tunable_event");
    int rows = 5000;
    int repeats = 200;
    try (PreparedStatement select = admin.prepareStatement(PostgresStorage.READ)) {
      long before = ticks(pid);
      for (int r = 0; r < repeats; r++) {
        select.setLong(1, last - rows);
        try (ResultSet result = select.executeQuery()) {
          while (result.next()) {
            result.getString(2);
          }
        }
      }
      double perRow = (ticks(pid) - before) * 10.0 / (repeats * (double) rows);
      int checks = 20_000;
      double checkWall;
      try (PreparedStatement check = admin.prepareStatement("SELECT closed IS NULL AND"
          + " greatest(expires, pg_postmaster_start_time() + grace) > now()"
          + " FROM tunable_worker WHERE id = ?")) {
        before = ticks(pid);
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
          check.setString(1, "another-host/1/00000000");
          try (ResultSet result = check.executeQuery()) {
            result.next();
          }
        }
        checkWall = (System.nanoTime() - start) / 1e6 / checks;
      }
      double perCheck = (ticks(pid) - before) * 10.0 / checks;
      System.out.printf(Locale.ROOT, "the server's CPU: %.5f ms per row read (%d x %d rows),"
          + " %.5f ms per liveness check (%d, %.3f ms each)%n", perRow, repeats, rows, perCheck,
          checks, checkWall);
      return new double[] {perRow, perCheck};
    }
  }

  /** User and system CPU of process {@code pid}, in clock ticks. */
  private static long ticks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
  }

  /** The server's own time, in ms, to read the last {@code rows} rows as a worker reads them. */
  private static double executorTime(Connection admin, int rows) throws SQLException {
    long last = count(admin, "SELECT coalesce(max(id), 0) FROM tunable_event");
    try (PreparedStatement explain = admin.prepareStatement("EXPLAIN (ANALYZE, TIMING OFF) "
        + PostgresStorage.READ)) {
      explain.setLong(1, last - rows);
      try (ResultSet plan = explain.executeQuery()) {
        while (plan.next()) {
          String line = plan.getString(1);
          if (line.startsWith("Execution Time:")) {
            return Double.parseDouble(line.replaceAll("[^0-9.]", ""));
          }
        }
      }
    }
    return Double.NaN;
  }

  /** The other worker: appends finished trials of the study, numbered after what it has read. */
  private static final class Other {
    private final Storage storage;
    private final SplittableRandom random = new SplittableRandom(7);
    private long cursor;
    private long trials;

    Other(Storage storage) {
      this.storage = storage;
    }

    void append(int count) {
      if (count == 0) {
        return;
      }
      cursor = storage.append(cursor, news -> {
        for (Event event : news.events()) {
          if (event instanceof TrialStarted started && started.study().equals(STUDY)) {
            trials = started.number() + 1;
          }
        }
        List<Event> events = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
          double[] point = new double[StorageShareBenchmark.SPACE.dimensions().size()];
          Arrays.setAll(point, d -> random.nextDouble());
          Config params = StorageShareBenchmark.SPACE.fromUnit(point);
          long number = trials + i;
          events.add(new TrialStarted(STUDY, number, StoredValues.of(params.asMap()), -1,
              storage.workerId(), now));
          events.add(new TrialFinished(STUDY, number, TrialState.COMPLETE,
              new double[] {StorageShareBenchmark.objective(params)}, null, now));
        }
        trials += count;
        return events;
      });
    }
  }

  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p / 100 * sorted.length))];
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
