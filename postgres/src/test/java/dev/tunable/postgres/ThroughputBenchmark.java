package dev.tunable.postgres;

import dev.tunable.FrozenTrial;
import dev.tunable.Samplers;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Throughput in trials per second of worker processes sharing one study on a local PostgreSQL:
 * Tunable's PostgreSQL storage and Optuna's RDB storage side by side, on one private server
 * started for the run, random sampler, trivial objective. Not a test: see BENCHMARKS.md.
 *
 * <pre>
 * mvn -q -B -pl postgres -am -Ppostgres-benchmarks test-compile exec:exec \
 *   -Dbenchmark.args="workers=1,2,4,8,16 seconds=10 repeats=2"
 * </pre>
 *
 * <p>Each run gets a database of its own. Every worker process warms up on a study of its own
 * and says it is ready; once all are, they are given one start instant and one end, and run
 * trials of one study between them; throughput is the trials the study holds afterwards divided
 * by the window. After each run the study is
 * checked: trial numbers dense and unique, every trial complete, and as many as the workers
 * counted. Optuna runs with Debian's {@code python3-optuna} through {@code /usr/bin/python3}.
 */
public final class ThroughputBenchmark {
  /** Each worker's CPU and JIT milliseconds in the window and append counts: verbose=true. */
  private static boolean VERBOSE;
  /** Whether worker JVMs warm up until their JIT compiler is idle: settled=true. */
  private static boolean SETTLED;
  /** More options for the worker JVMs, comma-separated: jvm=-XX:TieredStopAtLevel=1. */
  private static List<String> JVM_OPTIONS = List.of();

  private ThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>(Map.of(
        "workers", "1,2,4,8,16", "seconds", "10", "repeats", "1", "optuna", "true"));
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (!arg.isEmpty()) {
        String[] pair = arg.split("=", 2);
        options.put(pair[0], pair[1]);
      }
    }
    int seconds = Integer.parseInt(options.get("seconds"));
    int repeats = Integer.parseInt(options.get("repeats"));
    boolean optuna = Boolean.parseBoolean(options.get("optuna"));
    VERBOSE = Boolean.parseBoolean(options.getOrDefault("verbose", "false"));
    SETTLED = Boolean.parseBoolean(options.getOrDefault("settled", "false"));
    String jvm = options.getOrDefault("jvm", "");
    JVM_OPTIONS = jvm.isEmpty() ? List.of() : List.of(jvm.split(","));
    Path script = Files.createTempFile("optuna_worker", ".py");
    try (InputStream in = ThroughputBenchmark.class.getResourceAsStream("optuna_worker.py")) {
      Files.write(script, in.readAllBytes());
    }
    try (PostgresServer server = PostgresServer.start()) {
      System.out.printf(Locale.ROOT, "PostgreSQL on 127.0.0.1:%d, %d s windows, %d cores%n",
          server.port(), seconds, Runtime.getRuntime().availableProcessors());
      System.out.println("workers  repeat  tunable/s  optuna/s  ratio  load  checks");
      int run = 0;
      for (String count : options.get("workers").split(",")) {
        int workers = Integer.parseInt(count);
        for (int repeat = 1; repeat <= repeats; repeat++) {
          run++;
          Result tunable = tunable(server, "t" + run, workers, seconds);
          Result reference = optuna ? optuna(server, script, "o" + run, workers, seconds) : null;
          System.out.printf(Locale.ROOT, "%7d  %6d  %9.1f  %8s  %5s  %4s  tunable %s%s%n",
              workers, repeat, tunable.perSecond(),
              reference == null ? "-" : String.format(Locale.ROOT, "%.1f", reference.perSecond()),
              reference == null ? "-"
                  : String.format(Locale.ROOT, "%.1f", tunable.perSecond() / reference.perSecond()),
              load(), tunable.check(), reference == null ? "" : ", optuna " + reference.check());
        }
      }
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** The machine's load average over the last minute: others' work skews the figures. */
  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  record Result(long trials, int seconds, String check) {
    double perSecond() {
      return trials / (double) seconds;
    }
  }

  private static String createDatabase(PostgresServer server, String name) throws SQLException {
    try (Connection admin = server.admin("postgres"); Statement statement =
        admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return name;
  }

  private static Result tunable(PostgresServer server, String database, int workers, int seconds)
      throws Exception {
    String url = server.url(createDatabase(server, database));
    System.setProperty("tunable.postgres.password", server.password());
    try (Storage storage = Storages.open(url)) {
      Study.builder().name("bench").sampler(Samplers.random(0)).storage(storage)
          .progress(false).build();
    }
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:+UseSerialGC", "-Xmx256m"));
      command.addAll(JVM_OPTIONS);
      command.addAll(List.of("-cp", System.getProperty("java.class.path"),
          ThroughputWorker.class.getName(), url));
      if (SETTLED) {
        command.add("settled");
      }
      processes.add(start(server, command));
    }
    long end = go(processes, seconds, 1);
    long counted = collect(processes, end);
    try (Storage storage = Storages.open(url)) {
      List<FrozenTrial> trials = Study.load("bench", storage).trials();
      boolean dense = true;
      boolean complete = true;
      for (int i = 0; i < trials.size(); i++) {
        dense &= trials.get(i).number() == i;
        complete &= trials.get(i).state() == TrialState.COMPLETE;
      }
      return new Result(trials.size(), seconds,
          check(trials.size(), counted, dense, complete));
    }
  }

  private static Result optuna(PostgresServer server, Path script, String database, int workers,
      int seconds) throws Exception {
    String url = "postgresql+psycopg2://" + PostgresServer.ADMIN + "@127.0.0.1:" + server.port()
        + "/" + createDatabase(server, database);
    String python = "/usr/bin/python3";
    collect(List.of(start(server, List.of(python, script.toString(), "create", url))), 0);
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      processes.add(start(server, List.of(python, script.toString(), "worker", url)));
    }
    long end = go(processes, seconds, 1000);
    long counted = collect(processes, end);
    Process check = start(server, List.of(python, script.toString(), "check", url));
    String[] line = output(check).trim().split(" ");
    long trials = Long.parseLong(line[1]);
    return new Result(trials, seconds, check(trials, counted, Boolean.parseBoolean(
        line[2].toLowerCase(Locale.ROOT)), Boolean.parseBoolean(line[3].toLowerCase(Locale.ROOT))));
  }

  private static String check(long stored, long counted, boolean dense, boolean complete) {
    return (stored == counted && dense && complete ? "ok" : "FAILED") + " (" + stored
        + " stored, " + counted + " counted" + (dense ? "" : ", numbers not dense")
        + (complete ? "" : ", not all complete") + ")";
  }

  private static Process start(PostgresServer server, List<String> command) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(
        ProcessBuilder.Redirect.INHERIT);
    builder.environment().put("PGPASSWORD", server.password());
    return builder.start();
  }

  /**
   * Waits until every worker printed READY, then gives them all one window starting shortly, in
   * epoch milliseconds divided by {@code unit}; returns its end in milliseconds.
   */
  private static long go(List<Process> processes, int seconds, int unit) throws IOException {
    for (Process process : processes) {
      StringBuilder line = new StringBuilder();
      int c;
      while ((c = process.getInputStream().read()) != '\n') {
        if (c < 0) {
          throw new IllegalStateException("a worker ended before it was ready: " + line);
        }
        line.append((char) c);
      }
      if (!line.toString().trim().equals("READY")) {
        throw new IllegalStateException("a worker said '" + line + "', not READY");
      }
    }
    long start = System.currentTimeMillis() + 300;
    long end = start + seconds * 1000L;
    String window = unit == 1 ? start + " " + end + "\n"
        : String.format(Locale.ROOT, "%.3f %.3f%n", start / 1000.0, end / 1000.0);
    for (Process process : processes) {
      process.getOutputStream().write(window.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
    }
    return end;
  }

  /** Waits for the processes; the sum of the trials they printed. */
  private static long collect(List<Process> processes, long end) throws Exception {
    long total = 0;
    long lateMax = 0;
    List<String> details = new ArrayList<>();
    for (Process process : processes) {
      String out = output(process);
      if (!process.waitFor(Math.max(60_000, end - System.currentTimeMillis() + 60_000),
          TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("a worker failed: " + out);
      }
      for (String line : out.split("\n")) {
        if (line.startsWith("TRIALS ")) {
          String[] parts = line.trim().split(" ");
          total += Long.parseLong(parts[1]);
          lateMax = Math.max(lateMax, Long.parseLong(parts[3]));
          if (parts.length > 4) {
            details.add(line.trim().substring(line.trim().indexOf("CPU_MS")));
          }
        }
      }
    }
    if (VERBOSE && !details.isEmpty()) {
      System.out.println("  workers: " + String.join("; ", details));
    }
    if (lateMax > 0) {
      System.out.println("  (a worker was ready " + lateMax + " ms after the start)");
    }
    return total;
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
