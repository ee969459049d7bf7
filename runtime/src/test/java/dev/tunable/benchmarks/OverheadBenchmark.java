package dev.tunable.benchmarks;

import dev.tunable.Budget;
import dev.tunable.Config;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.annotations.Scale;
import dev.tunable.storage.Durability;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Per-trial overhead of {@link Study#optimize} with a trivial objective and the random sampler, in
 * memory and with the file storage, and the cost of forcing a journal record to disk. Not a unit
 * test: run it by hand (see BENCHMARKS.md) on an otherwise idle machine.
 *
 * <p>Arguments (all optional): {@code repeats=3 dir=<directory for journals>}. Each figure is the
 * median of the repeats. "process cpu" is the CPU time of the whole process per trial (all
 * threads: JIT compiler and GC included, 10 ms resolution); "thread cpu", for one worker, is the
 * CPU time of the thread that runs optimize, which is the study's own overhead and what other
 * processes on a shared machine disturb least.
 */
public final class OverheadBenchmark {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", -5, 10)
      .real("lr", 1e-5, 1e-1, Scale.LOG)
      .integer("units", 16, 256, Scale.LOG)
      .categorical("activation", "relu", "tanh")
      .build();

  private static final com.sun.management.OperatingSystemMXBean SYSTEM =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private OverheadBenchmark() {}

  public static void main(String[] args) throws IOException {
    int repeats = 3;
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      } else if (arg.startsWith("repeats=")) {
        repeats = Integer.parseInt(arg.substring(8));
      } else if (arg.startsWith("dir=")) {
        directory = Path.of(arg.substring(4));
      } else {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; use repeats=N dir=PATH");
      }
    }
    Path scratch = Files.createTempDirectory(directory, "tunable-bench");
    System.out.printf("java %s (%s), %d processors, load average %.2f, journals in %s%n",
        System.getProperty("java.version"), System.getProperty("java.vm.name"),
        Runtime.getRuntime().availableProcessors(), SYSTEM.getSystemLoadAverage(), scratch);

    // Warm-up: let the JIT compile the hot paths before anything is timed.
    for (int i = 0; i < 3; i++) {
      perTrial(Storages::inMemory, 5_000, 1);
      perTrial(() -> Storages.file(fresh(scratch), Durability.WRITE), 2_000, 1);
    }

    System.out.println();
    System.out.println("storage          trials workers   wall us/trial  (min .. max)"
        + "      process cpu  thread cpu");
    List<String[]> storages = List.of(
        new String[] {"memory", ""}, new String[] {"file, WRITE", "WRITE"},
        new String[] {"file, SYNC", "SYNC"});
    for (String[] storage : storages) {
      for (int trials : new int[] {1_000, 10_000}) {
        for (int workers : new int[] {1, 2}) {
          Supplier<Storage> make = storage[1].isEmpty()
              ? Storages::inMemory
              : () -> Storages.file(fresh(scratch), Durability.valueOf(storage[1]));
          double[] micros = new double[repeats];
          double[] cpu = new double[repeats];
          double[] threadCpu = new double[repeats];
          for (int r = 0; r < repeats; r++) {
            double[] measured = perTrial(make, trials, workers);
            micros[r] = measured[0];
            cpu[r] = measured[1];
            threadCpu[r] = measured[2];
          }
          Arrays.sort(micros);
          Arrays.sort(cpu);
          Arrays.sort(threadCpu);
          System.out.printf(Locale.ROOT, "%-16s %6d %7d  %14.2f  (%.2f .. %.2f)  %12.2f  %10s%n",
              storage[0], trials, workers, micros[repeats / 2], micros[0], micros[repeats - 1],
              cpu[repeats / 2],
              workers == 1 ? String.format(Locale.ROOT, "%.2f", threadCpu[repeats / 2]) : "-");
        }
      }
    }

    System.out.println();
    System.out.println("raw journal appends of 200-byte records, 2000 each:");
    System.out.printf(Locale.ROOT, "  write only:          %8.2f us/append%n",
        appendCost(fresh(scratch), false));
    System.out.printf(Locale.ROOT, "  write + force:       %8.2f us/append%n",
        appendCost(fresh(scratch), true));
    System.out.printf("load average at the end %.2f%n", SYSTEM.getSystemLoadAverage());
  }

  private static int files;

  private static Path fresh(Path scratch) {
    return scratch.resolve("bench-" + files++ + ".tunable");
  }

  /** Wall-clock, process CPU and thread CPU microseconds per trial of one optimize call. */
  private static double[] perTrial(Supplier<Storage> storage, int trials, int workers) {
    try (Storage opened = storage.get()) {
      Study study = Study.builder().storage(opened).sampler(Samplers.random(42)).progress(false)
          .build();
      long start = System.nanoTime();
      long cpuStart = SYSTEM.getProcessCpuTime();
      long threadStart = THREADS.getCurrentThreadCpuTime();
      study.optimize(SPACE, Budget.trials(trials).withWorkers(workers),
          trial -> trial.params().getDouble("x"));
      long elapsed = System.nanoTime() - start;
      long cpu = SYSTEM.getProcessCpuTime() - cpuStart;
      long thread = THREADS.getCurrentThreadCpuTime() - threadStart;
      if (study.trials().size() != trials) {
        throw new AssertionError("ran " + study.trials().size() + " trials, not " + trials);
      }
      return new double[] {
          elapsed / 1_000.0 / trials, cpu / 1_000.0 / trials, thread / 1_000.0 / trials};
    }
  }

  private static double appendCost(Path file, boolean force) throws IOException {
    byte[] record = new byte[200];
    Arrays.fill(record, (byte) 'x');
    record[199] = '\n';
    int count = 2_000;
    try (FileChannel channel = FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      long start = System.nanoTime();
      for (int i = 0; i < count; i++) {
        channel.write(ByteBuffer.wrap(record));
        if (force) {
          channel.force(false);
        }
      }
      return (System.nanoTime() - start) / 1_000.0 / count;
    }
  }

}
