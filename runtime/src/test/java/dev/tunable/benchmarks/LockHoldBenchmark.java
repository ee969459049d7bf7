package dev.tunable.benchmarks;

import dev.tunable.Samplers;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Event;
import dev.tunable.storage.ForwardingStorage;
import dev.tunable.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How long a study holds its journal's exclusive lock per trial when several worker processes
 * share one file, with the GP sampler (whose fit is the costliest proposal). Not a unit test: run
 * it by hand (see BENCHMARKS.md).
 *
 * <p>Each worker is a JVM of its own on the same journal. It wraps its storage to time, for every
 * {@link Storage#append}, the span from the moment the study's plan starts (the lock is held by
 * then) to the return of {@code append} (the events written, forced to disk and the lock
 * released): the lock hold, exactly, but for the scan of new records before the plan. {@link
 * Storage#read} also holds the lock, for its scan only; its whole duration, waiting for the lock
 * included, is reported apart as an upper bound.
 *
 * <p>Arguments (all optional): {@code workers=1,2,4 trials=80 function=hartmann6 sampler=gp
 * objectiveMillis=0 dir=<directory for journals>}; {@code trials} is the study's total, split
 * evenly between the workers.
 */
public final class LockHoldBenchmark {
  private LockHoldBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("worker")) {
      worker(Path.of(args[1]), Integer.parseInt(args[2]), args[3], args[4], Long.parseLong(args[5]),
          Long.parseLong(args[6]));
      return;
    }
    int[] workerCounts = {1, 2, 4};
    int trials = 80;
    String function = "hartmann6";
    String sampler = "gp";
    long objectiveMillis = 0;
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      }
      String value = arg.substring(arg.indexOf('=') + 1);
      if (arg.startsWith("workers=")) {
        workerCounts = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
      } else if (arg.startsWith("trials=")) {
        trials = Integer.parseInt(value);
      } else if (arg.startsWith("function=")) {
        function = value;
      } else if (arg.startsWith("sampler=")) {
        sampler = value;
      } else if (arg.startsWith("objectiveMillis=")) {
        objectiveMillis = Long.parseLong(value);
      } else if (arg.startsWith("dir=")) {
        directory = Path.of(value);
      } else {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; use workers=1,2,4"
            + " trials=N function=NAME sampler=gp|tpe|random objectiveMillis=MS dir=PATH");
      }
    }
    Path scratch = Files.createTempDirectory(directory, "tunable-lock");
    System.out.printf("java %s, %d processors, %s with %s, %d trials in all, objective %d ms,"
            + " journals in %s%n%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), function, sampler, trials, objectiveMillis,
        scratch);
    System.out.println("workers  trials   wall s   lock held per trial: mean ms   max ms"
        + "   appends/trial   read() per trial ms (upper bound)");
    for (int workers : workerCounts) {
      Path journal = scratch.resolve(workers + "-workers.journal");
      List<Process> processes = new ArrayList<>();
      long start = System.nanoTime();
      for (int w = 0; w < workers; w++) {
        processes.add(new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), LockHoldBenchmark.class.getName(),
            "worker", journal.toString(), Integer.toString(trials / workers), function, sampler,
            Long.toString(w), Long.toString(objectiveMillis))
            .redirectError(ProcessBuilder.Redirect.INHERIT).start());
      }
      Stats total = new Stats();
      for (Process process : processes) {
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = out.readLine()) != null) {
            if (line.startsWith("stats ")) {
              total.add(Stats.parse(line));
            }
          }
        }
        if (process.waitFor() != 0) {
          throw new IllegalStateException("a worker failed with exit code " + process.exitValue());
        }
      }
      double wall = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%7d  %6d  %7.1f   %26.2f  %7.1f   %13.1f   %8.2f%n",
          workers, total.trials, wall, total.holdNanos / 1e6 / total.trials,
          total.maxHoldNanos / 1e6, (double) total.appends / total.trials,
          total.readNanos / 1e6 / total.trials);
    }
  }

  private static void worker(Path journal, int trials, String functionName, String samplerName,
      long seed, long objectiveMillis) throws Exception {
    TestFunction function = TestFunction.byName(functionName);
    Stats stats = new Stats();
    try (TimedStorage storage = new TimedStorage(Storages.file(journal), stats)) {
      Study study = Study.builder()
          .name("lock")
          .storage(storage)
          .loadIfExists(true)
          .sampler(switch (samplerName) {
            case "gp" -> Samplers.gp(seed);
            case "tpe" -> Samplers.tpe(seed);
            case "random" -> Samplers.random(seed);
            default -> throw new IllegalArgumentException("no sampler '" + samplerName + "'");
          })
          .progress(false)
          .build();
      study.optimize(function.space(), trials, trial -> {
        if (objectiveMillis > 0) {
          Thread.sleep(objectiveMillis);
        }
        return function.apply(trial.params());
      });
    }
    stats.trials = trials;
    System.out.println(stats);
  }

  /** What one worker measured. */
  private static final class Stats {
    long trials;
    long appends;
    long holdNanos;
    long maxHoldNanos;
    long readNanos;

    void add(Stats other) {
      trials += other.trials;
      appends += other.appends;
      holdNanos += other.holdNanos;
      maxHoldNanos = Math.max(maxHoldNanos, other.maxHoldNanos);
      readNanos += other.readNanos;
    }

    static Stats parse(String line) {
      String[] parts = line.split(" ");
      Stats stats = new Stats();
      stats.trials = Long.parseLong(parts[1]);
      stats.appends = Long.parseLong(parts[2]);
      stats.holdNanos = Long.parseLong(parts[3]);
      stats.maxHoldNanos = Long.parseLong(parts[4]);
      stats.readNanos = Long.parseLong(parts[5]);
      return stats;
    }

    @Override
    public String toString() {
      return "stats " + trials + " " + appends + " " + holdNanos + " " + maxHoldNanos + " "
          + readNanos;
    }
  }

  /** A storage that times how long its appends hold the lock, and how long its reads take. */
  private static final class TimedStorage extends ForwardingStorage {
    private final Stats stats;

    TimedStorage(Storage delegate, Stats stats) {
      super(delegate);
      this.stats = stats;
    }

    @Override
    public Batch read(long cursor) {
      long start = System.nanoTime();
      Batch batch = super.read(cursor);
      synchronized (stats) {
        stats.readNanos += System.nanoTime() - start;
      }
      return batch;
    }

    @Override
    public long append(long cursor, Function<Batch, List<Event>> plan) {
      long[] locked = new long[1];
      long after = super.append(cursor, batch -> {
        locked[0] = System.nanoTime();
        return plan.apply(batch);
      });
      long held = System.nanoTime() - locked[0];
      synchronized (stats) {
        stats.appends++;
        stats.holdNanos += held;
        stats.maxHoldNanos = Math.max(stats.maxHoldNanos, held);
      }
      return after;
    }
  }
}
