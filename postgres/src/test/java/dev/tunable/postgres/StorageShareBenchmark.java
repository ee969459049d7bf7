package dev.tunable.postgres;

import dev.tunable.Budget;
import dev.tunable.Config;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.annotations.Scale;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.internal.StoredValues;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialStarted;
import dev.tunable.storage.ForwardingStorage;
import dev.tunable.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How a worker's time per trial divides between the storage and the sampler when several worker
 * processes share one PostgreSQL study of a given size: around trial 1,000 and trial 10,000 of a
 * TPE study, trivial objective. Not a test: see BENCHMARKS.md, "The storage's share of a TPE
 * trial".
 *
 * <pre>
 * mvn -q -B -pl postgres -am -Ppostgres-benchmarks test-compile exec:exec \
 *   -Dbenchmark.main=dev.tunable.postgres.StorageShareBenchmark \
 *   -Dbenchmark.args="workers=1,8 at=1000,10000 window=800"
 * </pre>
 *
 * <p>For each size N, a fresh schema of one private cluster gets a study prefilled with N − window/2
 * finished trials, appended directly as events in batches of 500 trials (random points of the
 * space with their objective values: what a random-sampler warm-up would leave, in seconds instead
 * of the hour that 8 TPE workers on two cores would need). Then the worker processes, each warmed
 * up on a TPE study of its own, get one start instant and run TPE trials of the shared study until
 * it holds N + window/2: the window of {@code window} trials around trial N.
 *
 * <p>Each worker wraps its storage to time every call, in wall-clock and thread CPU time: {@code
 * read} (the rows after the cursor, decoded), the study applying them, and {@code append} in
 * three parts: until its plan starts (waiting for the advisory lock, one round trip, and the rows
 * appended since the cursor, decoded), the plan (applying them, deciding), and after (the insert,
 * the commit and its WAL flush, one round trip). It wraps the sampler to time {@code sample}. The
 * rest of a trial is the study's own work, the objective, and whatever waited for a core. Each
 * worker warms up for {@code warmup} seconds and then until its JIT compiler has been idle for a
 * second (at most a minute).
 *
 * <p>Meanwhile the harness samples PostgreSQL every 10 ms: whether a session holds the log's
 * advisory lock ({@code pg_locks}) and how many wait for it ({@code pg_stat_activity}); the first
 * is the lock's utilisation, the second over the appends per second is the mean wait (Little's
 * law), both independent of the workers' clocks.
 */
public final class StorageShareBenchmark {
  /** Four dimensions, as the study-overhead benchmark's: a real, a log real, a log integer, a categorical. */
  static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", -5, 10)
      .real("lr", 1e-5, 1e-1, Scale.LOG)
      .integer("units", 16, 256, Scale.LOG)
      .categorical("activation", "relu", "tanh")
      .build();
  private static final String STUDY = "share";
  private static final int PREFILL_BATCH = 500;

  private StorageShareBenchmark() {}

  /** The trivial objective: a few operations on the hyperparameters. */
  static double objective(Config params) {
    double x = params.getDouble("x");
    return (x - 2) * (x - 2) + Math.abs(Math.log10(params.getDouble("lr")) + 3)
        + params.getLong("units") / 256.0 + (params.getString("activation").equals("relu") ? 0 : 1);
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("worker")) {
      worker(args[1], Long.parseLong(args[2]), Long.parseLong(args[3]), args[4],
          Double.parseDouble(args[5]));
      return;
    }
    Map<String, String> options = new HashMap<>(Map.of("workers", "1,8", "at", "1000,10000",
        "window", "800", "sampler", "tpe", "warmup", "3", "jvm", "", "repeats", "1"));
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (!arg.isEmpty()) {
        String[] pair = arg.split("=", 2);
        if (!options.containsKey(pair[0]) || pair.length < 2) {
          throw new IllegalArgumentException("unknown argument '" + arg + "'; use workers=1,8"
              + " at=1000,10000 window=800 sampler=tpe|random warmup=SECONDS jvm=FLAG,FLAG"
              + " repeats=1");
        }
        options.put(pair[0], pair[1]);
      }
    }
    int window = Integer.parseInt(options.get("window"));
    String sampler = options.get("sampler");
    String jvm = options.get("jvm");
    List<String> jvmOptions = jvm.isEmpty() ? List.of() : List.of(jvm.split(","));
    try (PostgresServer server = PostgresServer.start()) {
      System.out.printf(Locale.ROOT, "PostgreSQL on 127.0.0.1:%d, %d cores, sampler %s, window %d"
              + " trials, worker warm-up %s s, worker JVM flags %s%n", server.port(),
          Runtime.getRuntime().availableProcessors(), sampler, window, options.get("warmup"),
          jvmOptions.isEmpty() ? "default" : jvmOptions);
      int repeats = Integer.parseInt(options.get("repeats"));
      for (int repeat = 0; repeat < repeats; repeat++) {
        for (String at : options.get("at").split(",")) {
          for (String count : options.get("workers").split(",")) {
            run(server, Integer.parseInt(count), Integer.parseInt(at), window, sampler,
                options.get("warmup"), jvmOptions);
          }
        }
      }
    }
  }

  private static void run(PostgresServer server, int workers, int at, int window, String sampler,
      String warmup, List<String> jvmOptions) throws Exception {
    String fresh = server.freshUrl();
    // Worker processes get the URL without the password, which they take from PGPASSWORD.
    String url = server.url(PostgresServer.DATABASE) + "&currentSchema="
        + PostgresServer.schemaOf(fresh);
    int from = at - window / 2;
    long total = at + window / 2;
    long prefillStart = System.nanoTime();
    prefill(fresh, from);
    double prefillSeconds = (System.nanoTime() - prefillStart) / 1e9;
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:+UseSerialGC", "-Xmx512m"));
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          StorageShareBenchmark.class.getName(), "worker", url, Long.toString(i),
          Long.toString(total), sampler, warmup));
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      builder.environment().put("PGPASSWORD", server.password());
      processes.add(builder.start());
    }
    List<BufferedReader> outputs = new ArrayList<>();
    for (Process process : processes) {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      if (!"READY".equals(line)) {
        throw new IllegalStateException("a worker said '" + line + "', not READY");
      }
      outputs.add(out);
    }
    long start = System.currentTimeMillis() + 1000;
    for (Process process : processes) {
      process.getOutputStream().write((start + "\n").getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    }
    LockSampler lock = new LockSampler(server, PostgresServer.schemaOf(fresh));
    Thread sampling = new Thread(lock, "lock sampler");
    sampling.start();
    Stats sum = new Stats();
    for (int i = 0; i < processes.size(); i++) {
      String line;
      while ((line = outputs.get(i).readLine()) != null) {
        if (line.startsWith("stats ")) {
          sum.add(Stats.parse(line));
        }
      }
      if (!processes.get(i).waitFor(10, TimeUnit.MINUTES) || processes.get(i).exitValue() != 0) {
        throw new IllegalStateException("worker " + i + " failed");
      }
    }
    lock.stop();
    sampling.join();
    String check = check(fresh, total);
    print(workers, at, from, total, prefillSeconds, sum, lock, check);
  }

  /** Appends {@code trials} finished trials of random points, in batches. */
  private static void prefill(String url, int trials) {
    try (Storage storage = Storages.open(url)) {
      Study.builder().name(STUDY).sampler(Samplers.tpe(0)).storage(storage).progress(false)
          .build();
      SplittableRandom random = new SplittableRandom(42);
      long cursor = 0;
      for (int done = 0; done < trials; done += PREFILL_BATCH) {
        int first = done;
        int last = Math.min(trials, done + PREFILL_BATCH);
        cursor = storage.append(cursor, news -> {
          List<Event> events = new ArrayList<>();
          Instant now = Instant.now();
          for (int number = first; number < last; number++) {
            double[] point = new double[SPACE.dimensions().size()];
            Arrays.setAll(point, d -> random.nextDouble());
            Config params = SPACE.fromUnit(point);
            events.add(new TrialStarted(STUDY, number, StoredValues.of(params.asMap()), -1,
                storage.workerId(), now));
            events.add(new TrialFinished(STUDY, number, TrialState.COMPLETE,
                new double[] {objective(params)}, null, now));
          }
          return events;
        });
      }
    }
  }

  /** Trial numbers dense, each once, all complete, as many as asked for. */
  private static String check(String url, long total) {
    try (Storage storage = Storages.open(url)) {
      List<FrozenTrial> trials = Study.load(STUDY, storage).trials();
      boolean ok = trials.size() == total;
      for (int i = 0; i < trials.size(); i++) {
        ok &= trials.get(i).number() == i && trials.get(i).state() == TrialState.COMPLETE;
      }
      return (ok ? "ok" : "FAILED") + " (" + trials.size() + " trials)";
    }
  }

  private static void print(int workers, int at, int from, long total, double prefillSeconds,
      Stats s, LockSampler lock, String check) {
    double trials = s.trials;
    double perTrial = s.wall / 1e6 / trials;
    double read = (s.readWall + s.applyWall) / 1e6 / trials;
    double append = s.appendWall / 1e6 / trials;
    double storage = (s.readWall + s.appendWall) / 1e6 / trials;
    double sample = s.sampleWall / 1e6 / trials;
    System.out.printf(Locale.ROOT, "%n%d worker(s), trials %d to %d (prefilled %d in %.1f s),"
        + " %.1f s window, %s, load %s%n", workers, from, total, from, prefillSeconds,
        s.wall / 1e9 / workers, check, load());
    System.out.printf(Locale.ROOT, "  per trial of a worker: %.2f ms; storage %.2f ms (%.0f%%),"
            + " sampler %.2f ms (%.0f%%), rest %.2f ms (%.0f%%); study throughput %.1f trials/s%n",
        perTrial, storage, 100 * storage / perTrial, sample, 100 * sample / perTrial,
        perTrial - storage - sample, 100 * (perTrial - storage - sample) / perTrial,
        trials / (s.wall / 1e9 / workers));
    System.out.printf(Locale.ROOT, "  read: %.2f ms per trial (%.2f calls, %.1f events each;"
            + " decoding %.2f ms, applying %.2f ms; CPU %.2f ms)%n", read, s.reads / trials,
        s.readEvents / Math.max(1.0, s.reads), s.readWall / 1e6 / trials,
        s.applyWall / 1e6 / trials, s.readCpu / 1e6 / trials);
    System.out.printf(Locale.ROOT, "  append: %.2f ms per trial (%.2f calls, %.1f events given"
            + " each): until the plan %.2f, plan %.2f, insert and commit %.2f ms per call;"
            + " CPU %.2f ms per trial%n", append, s.appends / trials,
        s.appendEvents / Math.max(1.0, s.appends), s.beforePlan / 1e6 / s.appends,
        s.plan / 1e6 / s.appends, s.afterPlan / 1e6 / s.appends, s.appendCpu / 1e6 / trials);
    System.out.printf(Locale.ROOT, "  sampler: %.2f ms per trial (CPU %.2f ms)%n", sample,
        s.sampleCpu / 1e6 / trials);
    double appendsPerSecond = s.appends / (s.wall / 1e9 / workers);
    double held = lock.held / (double) lock.samples;
    double waiting = lock.waiting / (double) lock.samples;
    System.out.printf(Locale.ROOT, "  advisory lock, sampled by the server every 10 ms (%d"
            + " samples): held %.0f%% of the time, %.2f sessions waiting on average; at %.0f"
            + " appends/s, held %.2f ms and waited for %.2f ms per append (Little's law): %.2f ms"
            + " of waiting per trial%n", lock.samples, 100 * held, waiting, appendsPerSecond,
        1000 * held / appendsPerSecond, 1000 * waiting / appendsPerSecond,
        1000 * waiting / appendsPerSecond * s.appends / trials);
    System.out.printf(Locale.ROOT, "  | %d | %,d–%,d | %.2f | %.2f (%.0f%%) | %.2f | %.2f (%.0f%%)"
            + " | %.2f | %.2f / %.2f | %.0f%% | %.1f | %s |%n", workers, from, total, perTrial,
        storage, 100 * storage / perTrial,
        1000 * waiting / appendsPerSecond * s.appends / trials, sample, 100 * sample / perTrial,
        perTrial - storage - sample, (s.readCpu + s.appendCpu) / 1e6 / trials,
        s.sampleCpu / 1e6 / trials, 100 * held, trials / (s.wall / 1e9 / workers), load());
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  /** Samples who holds and who waits for the advisory lock, from the server's side. */
  private static final class LockSampler implements Runnable {
    private final PostgresServer server;
    private final String schema;
    private volatile boolean running = true;
    long samples;
    long held;
    long waiting;

    LockSampler(PostgresServer server, String schema) {
      this.server = server;
      this.schema = schema;
    }

    void stop() {
      running = false;
    }

    @Override
    public void run() {
      try (Connection admin = server.admin(PostgresServer.DATABASE);
          PreparedStatement query = admin.prepareStatement("SELECT"
              + " (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
              + "   AND classid = " + Schema.LOG_LOCK_SPACE + " AND objsubid = 2"
              + "   AND objid = (SELECT oid FROM pg_class WHERE relname = 'tunable_event'"
              + "   AND relnamespace = ?::regnamespace)),"
              + " (SELECT count(*) FROM pg_stat_activity WHERE wait_event = 'advisory')")) {
        query.setString(1, schema);
        while (running) {
          try (ResultSet row = query.executeQuery()) {
            row.next();
            samples++;
            held += row.getLong(1);
            waiting += row.getLong(2);
          }
          Thread.sleep(10);
        }
      } catch (SQLException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  // ---- the worker process ----

  private static void worker(String url, long seed, long total, String samplerName,
      double warmupSeconds) throws Exception {
    Stats stats = new Stats();
    try (Storage storage = new TimedStorage(Storages.open(url), stats)) {
      Sampler inner = samplerName.equals("tpe") ? Samplers.tpe(seed) : Samplers.random(seed);
      Sampler timed = context -> {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        try {
          return inner.sample(context);
        } finally {
          stats.sampleCpu += THREADS.getCurrentThreadCpuTime() - cpu;
          stats.sampleWall += System.nanoTime() - wall;
        }
      };
      Study warmup = Study.builder().name("warmup-" + ProcessHandle.current().pid())
          .sampler(timed).storage(storage).progress(false).build();
      warmup.optimize(SPACE, Budget.time(Duration.ofMillis((long) (warmupSeconds * 1000))),
          trial -> objective(trial.params()));
      // On until the JIT compiler has had nothing to do for a second (at most a minute), as in a
      // worker that has run for a while: eight JVMs compiling on two cores would fill the window.
      var jit = ManagementFactory.getCompilationMXBean();
      long deadline = System.nanoTime() + 60_000_000_000L;
      long compiled = -1;
      while (jit.getTotalCompilationTime() != compiled && System.nanoTime() < deadline) {
        compiled = jit.getTotalCompilationTime();
        warmup.optimize(SPACE, Budget.time(Duration.ofSeconds(1)),
            trial -> objective(trial.params()));
      }
      Study study = Study.builder().name(STUDY).loadIfExists(true).sampler(timed)
          .storage(storage).progress(false).build();
      System.out.println("READY");
      System.out.flush();
      long start = Long.parseLong(new BufferedReader(new InputStreamReader(System.in,
          StandardCharsets.UTF_8)).readLine().trim());
      // Catch up, before the window, with what the other workers' warm-ups appended.
      study.trials();
      while (System.currentTimeMillis() < start) {
        Thread.sleep(Math.max(1, Math.min(50, start - System.currentTimeMillis())));
      }
      stats.reset();
      long wall = System.nanoTime();
      long[] trials = new long[1];
      study.optimize(SPACE, Budget.totalTrials(total), trial -> {
        trials[0]++;
        return objective(trial.params());
      });
      stats.wall = System.nanoTime() - wall;
      stats.trials = trials[0];
    }
    System.out.println(stats);
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** What a worker measured in its window, in nanoseconds but for the counts. */
  static final class Stats {
    long trials;
    long wall;
    long reads;
    long readEvents;
    long readWall;
    long readCpu;
    long applyWall;
    long appends;
    long appendEvents;
    long appendWall;
    long appendCpu;
    long beforePlan;
    long plan;
    long afterPlan;
    long sampleWall;
    long sampleCpu;

    private long[] fields() {
      return new long[] {trials, wall, reads, readEvents, readWall, readCpu, applyWall, appends,
          appendEvents, appendWall, appendCpu, beforePlan, plan, afterPlan, sampleWall,
          sampleCpu};
    }

    void reset() {
      set(new long[fields().length]);
    }

    private void set(long[] f) {
      trials = f[0];
      wall = f[1];
      reads = f[2];
      readEvents = f[3];
      readWall = f[4];
      readCpu = f[5];
      applyWall = f[6];
      appends = f[7];
      appendEvents = f[8];
      appendWall = f[9];
      appendCpu = f[10];
      beforePlan = f[11];
      plan = f[12];
      afterPlan = f[13];
      sampleWall = f[14];
      sampleCpu = f[15];
    }

    void add(Stats other) {
      long[] mine = fields();
      long[] theirs = other.fields();
      for (int i = 0; i < mine.length; i++) {
        mine[i] += theirs[i];
      }
      set(mine);
    }

    static Stats parse(String line) {
      String[] parts = line.trim().split(" ");
      long[] f = new long[parts.length - 1];
      for (int i = 0; i < f.length; i++) {
        f[i] = Long.parseLong(parts[i + 1]);
      }
      Stats stats = new Stats();
      stats.set(f);
      return stats;
    }

    @Override
    public String toString() {
      StringBuilder line = new StringBuilder("stats");
      for (long f : fields()) {
        line.append(' ').append(f);
      }
      return line.toString();
    }
  }

  /** A storage that times its calls; one thread per worker process, so no synchronisation. */
  static final class TimedStorage extends ForwardingStorage {
    private final Stats stats;

    TimedStorage(Storage delegate, Stats stats) {
      super(delegate);
      this.stats = stats;
    }

    @Override
    public Batch read(long cursor) {
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      Batch batch = super.read(cursor);
      stats.readCpu += THREADS.getCurrentThreadCpuTime() - cpu;
      stats.readWall += System.nanoTime() - wall;
      stats.reads++;
      stats.readEvents += batch.events().size();
      return batch;
    }

    /** The study's catch-up: {@link #read(long)}, then the study applying what it returned. */
    @Override
    public long read(long cursor, Consumer<Batch> each) {
      Batch batch = read(cursor);
      if (batch.cursor() != cursor || !batch.events().isEmpty()) {
        long wall = System.nanoTime();
        each.accept(batch);
        stats.applyWall += System.nanoTime() - wall;
      }
      return batch.cursor();
    }

    @Override
    public long append(long cursor, Function<Batch, List<Event>> plan) {
      long wall = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      long[] marks = new long[2];
      long after = super.append(cursor, news -> {
        marks[0] = System.nanoTime();
        stats.appendEvents += news.events().size();
        try {
          return plan.apply(news);
        } finally {
          marks[1] = System.nanoTime();
        }
      });
      long end = System.nanoTime();
      stats.appendCpu += THREADS.getCurrentThreadCpuTime() - cpu;
      stats.appendWall += end - wall;
      stats.beforePlan += marks[0] - wall;
      stats.plan += marks[1] - marks[0];
      stats.afterPlan += end - marks[1];
      stats.appends++;
      return after;
    }
  }
}
