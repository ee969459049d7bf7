package dev.tunable.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Optuna's samplers on the same functions, seeds and budgets, for {@link SamplerBenchmark}:
 * {@code samplers_optuna.py} (a test resource) run with Debian's {@code python3-optuna} in a
 * process of its own, side by side with ours, or its output from an earlier run read back.
 */
final class OptunaPeers {
  /** Optuna's samplers compared, by the script's names. */
  static final List<String> SAMPLERS = List.of("tpe", "cmaes", "random");

  private final List<Process> processes;
  private final List<Path> outputs;
  private final int budgets;

  private OptunaPeers(List<Process> processes, List<Path> outputs, int budgets) {
    this.processes = processes;
    this.outputs = outputs;
    this.budgets = budgets;
  }

  /**
   * Starts the script on {@code functions} in {@code processes} processes, each on its own block
   * of the seeds, or with {@code given} (comma-separated files the script wrote) reads those
   * instead; null if {@code given} is {@code none}.
   */
  static OptunaPeers start(String given, String python, List<TestFunction> functions, int seeds,
      long seedStart, int[] budgets, int processes) {
    if (given.equals("none")) {
      return null;
    }
    if (!given.isEmpty()) {
      List<Path> files = Arrays.stream(given.split(",")).map(Path::of).toList();
      return new OptunaPeers(List.of(), files, budgets.length);
    }
    try {
      Path script = Files.createTempFile("samplers_optuna", ".py");
      script.toFile().deleteOnExit();
      try (InputStream in = OptunaPeers.class.getResourceAsStream("samplers_optuna.py")) {
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
      List<Process> started = new ArrayList<>();
      List<Path> outputs = new ArrayList<>();
      int parts = Math.max(1, Math.min(processes, seeds));
      for (int part = 0; part < parts; part++) {
        // Seeds [from, to) of this process: blocks as equal as the count allows.
        int from = seeds * part / parts;
        int to = seeds * (part + 1) / parts;
        Path output = Files.createTempFile("samplers_optuna", ".txt");
        System.out.printf("# Optuna runs alongside on seeds %d-%d, writing to %s%n",
            seedStart + from, seedStart + to - 1, output);
        started.add(new ProcessBuilder(python, script.toString(),
            functions.stream().map(TestFunction::name).collect(Collectors.joining(",")),
            String.join(",", SAMPLERS), Integer.toString(to - from),
            Long.toString(seedStart + from),
            Arrays.stream(budgets).mapToObj(Integer::toString).collect(Collectors.joining(",")))
            .redirectOutput(output.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start());
        outputs.add(output);
      }
      return new OptunaPeers(started, outputs, budgets.length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + python + " on samplers_optuna.py", e);
    }
  }

  /**
   * Each Optuna sampler's log10 regrets by "function sampler", one array (by budget) per seed;
   * waits for the script if it is running. The first line of a function, sampler and seed counts.
   * Files given may hold other seeds than the benchmark's own (a run of the script split by seeds
   * and cut short): Optuna's seeds do not pair with ours anyway, only their medians compare.
   */
  Map<String, List<double[]>> results() {
    try {
      for (Process process : processes) {
        if (process.waitFor() != 0) {
          throw new IllegalStateException(
              "samplers_optuna.py exited with " + process.exitValue());
        }
      }
      Map<String, List<double[]>> results = new LinkedHashMap<>();
      Set<String> seen = new HashSet<>();
      for (Path output : outputs) {
        for (String line : Files.readAllLines(output)) {
          String[] fields = line.trim().split("\\s+");
          if (fields.length < 3 + budgets || !seen.add(fields[0] + " " + fields[1] + " "
              + fields[2])) {
            continue;
          }

          double[] regrets = new double[budgets];
          for (int b = 0; b < budgets; b++) {
            regrets[b] = Double.parseDouble(fields[3 + b]);
          }
          results.computeIfAbsent(fields[0] + " " + fields[1], k -> new ArrayList<>())
              .add(regrets);
        }
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for samplers_optuna.py", e);
    }
  }
}
