package dev.tunable.benchmarks;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.TrialState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Compares samplers on the {@link TestFunction}s: for each sampler, function and budget, the
 * median and interquartile range over seeds of log10 simple regret (best value found minus the
 * optimum, floored at 1e-12) and the sampler's CPU time per trial. Not a unit test: run it by hand
 * (see BENCHMARKS.md), e.g.
 *
 * <pre>
 * mvn -q -B -pl runtime -am -Pbenchmarks test-compile exec:exec \
 *   -Dbenchmark.main=dev.tunable.benchmarks.SamplerBenchmark \
 *   -Dbenchmark.args="samplers=tpe,random functions=branin,hartmann6 seeds=30 budgets=50,100"
 * </pre>
 *
 * <p>Arguments: {@code samplers=} names of {@link Samplers} factories taking a seed ({@code
 * tpe, multivariateTpe, gp, cmaes, random, sobol}; {@code cmaes} stands for {@code cmaEs});
 * {@code functions=} test function names, or {@code all}; {@code seeds=} (30) seeds from {@code
 * seedStart=} (0) on; {@code budgets=} (100; the study runs to the largest, smaller ones read its
 * prefix); {@code escape=hartmann6:-3.21,...} (none): per named function, a last column counts
 * the seeds whose best value is below that threshold at each budget, and a comment line lists the
 * seeds that did not get there by the largest budget (Hartmann6's local minimum is -3.2031619, so
 * below -3.21 means the seed found the global minimum's basin); {@code workers=} (1): with
 * w workers, each proposal is made while the w - 1 before it are still running, as in a parallel
 * study whose trials take equal time. {@code timing=tpe:1000:10,gp:200:5} instead measures the
 * time one {@code sample} call takes with a history of n trials (random points of the
 * n-dimensional sphere): sampler:trials:dimensions.
 *
 * <p>Trials run through {@link Sampler#sample} with a growing history, as a study would, without
 * a study's storage overhead.
 */
public final class SamplerBenchmark {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private SamplerBenchmark() {}

  public static void main(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("samplers", "tpe,random");
    options.put("functions", "branin,hartmann6,rosenbrock5");
    options.put("seeds", "30");
    options.put("seedStart", "0");
    options.put("budgets", "100");
    options.put("workers", "1");
    options.put("escape", "");
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq < 0 || !options.containsKey(arg.substring(0, eq)) && !arg.startsWith("timing=")) {
        throw new IllegalArgumentException(
            "unknown argument '" + arg + "'; expected samplers=, functions=, seeds=, seedStart=,"
                + " budgets=, escape=, workers= or timing=");
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    System.out.printf(
        Locale.ROOT, "# %s, %d processors, %s%n",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"));
    if (options.containsKey("timing")) {
      for (String spec : options.get("timing").split(",")) {
        String[] parts = spec.split(":");
        timing(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      }
      return;
    }
    int seeds = Integer.parseInt(options.get("seeds"));
    long seedStart = Long.parseLong(options.get("seedStart"));
    Map<String, Double> escapes = new LinkedHashMap<>();
    for (String spec : options.get("escape").split(",")) {
      if (!spec.isEmpty()) {
        int colon = spec.lastIndexOf(':');
        if (colon < 0) {
          throw new IllegalArgumentException(
              "escape entry '" + spec + "' has no threshold; expected function:threshold, e.g."
                  + " hartmann6:-3.20316");
        }
        escapes.put(
            TestFunction.byName(spec.substring(0, colon)).name(),
            Double.parseDouble(spec.substring(colon + 1)));
      }
    }
    int workers = Integer.parseInt(options.get("workers"));
    int[] budgets =
        Arrays.stream(options.get("budgets").split(",")).mapToInt(Integer::parseInt).toArray();
    List<TestFunction> functions = new ArrayList<>();
    for (String name : options.get("functions").split(",")) {
      if (name.equals("all")) {
        functions.addAll(TestFunction.all());
      } else {
        functions.add(TestFunction.byName(name));
      }
    }
    System.out.printf(
        Locale.ROOT, "%-14s %-12s %6s %8s %8s %8s %12s %8s%n",
        "function", "sampler", "budget", "median", "q25", "q75", "ms/trial", "escaped");
    for (TestFunction function : functions) {
      for (String name : options.get("samplers").split(",")) {
        run(function, name, factory(name), seedStart, seeds, budgets, workers,
            escapes.get(function.name()));
      }
    }
  }

  private static void run(
      TestFunction function,
      String name,
      LongFunction<Sampler> factory,
      long seedStart,
      int seeds,
      int[] budgets,
      int workers,
      Double escape) {
    int largest = Arrays.stream(budgets).max().orElseThrow();
    double[][] regrets = new double[budgets.length][seeds];
    int[] escaped = new int[budgets.length];
    List<Long> trapped = new ArrayList<>();
    long cpu = 0;
    for (int s = 0; s < seeds; s++) {
      Run run = study(function, factory.apply(seedStart + s), largest, workers);
      cpu += run.cpuNanos();
      for (int b = 0; b < budgets.length; b++) {
        double best = run.values()[bestAmong(run.values(), budgets[b])];
        regrets[b][s] = Math.log10(function.regret(best));
        if (escape != null && best < escape) {
          escaped[b]++;
        } else if (escape != null && budgets[b] == largest) {
          trapped.add(seedStart + s);
        }
      }
    }
    double msPerTrial = cpu / 1e6 / seeds / largest;
    for (int b = 0; b < budgets.length; b++) {
      double[] sorted = regrets[b].clone();
      Arrays.sort(sorted);
      System.out.printf(
          Locale.ROOT, "%-14s %-12s %6d %8.2f %8.2f %8.2f %12.3f %8s%n",
          function.name(), name, budgets[b], quantile(sorted, 0.5), quantile(sorted, 0.25),
          quantile(sorted, 0.75), msPerTrial, escape == null ? "-" : escaped[b] + "/" + seeds);
    }
    if (!trapped.isEmpty()) {
      System.out.printf(
          Locale.ROOT, "# %s %s: seeds not below %s after %d trials: %s%n",
          function.name(), name, escape, largest, trapped);
    }
  }

  /**
   * One seeded study of {@code function}: each trial's parameters and value, and the CPU time the
   * sampler's {@code sample} calls took.
   */
  record Run(List<Config> proposed, double[] values, long cpuNanos) {}

  /** The index of the lowest of the first {@code trials} values (the first, on a tie). */
  static int bestAmong(double[] values, int trials) {
    int best = 0;
    for (int n = 1; n < trials; n++) {
      best = values[n] < values[best] ? n : best;
    }
    return best;
  }

  /** Runs {@code trials} trials of {@code sampler} on {@code function} with {@code workers}. */
  static Run study(TestFunction function, Sampler sampler, int trials, int workers) {
    List<FrozenTrial> complete = new ArrayList<>();
    List<Config> proposed = new ArrayList<>();
    double[] values = new double[trials];
    long cpu = 0;
    for (int n = 0; n < trials; n++) {
      // With w workers, the last w - 1 proposals are still being evaluated.
      int told = Math.max(0, n - workers + 1);
      while (complete.size() < told) {
        int i = complete.size();
        complete.add(Snapshots.complete(i, proposed.get(i), values[i]));
      }
      List<FrozenTrial> history = new ArrayList<>(complete);
      for (int i = told; i < n; i++) {
        history.add(Snapshots.running(i, proposed.get(i)));
      }
      SamplerContext context = new SamplerContext(
          function.space(), n, List.of(Direction.MINIMIZE), List.copyOf(history));
      long start = THREADS.getCurrentThreadCpuTime();
      Config config = sampler.sample(context);
      cpu += THREADS.getCurrentThreadCpuTime() - start;
      values[n] = function.apply(config);
      proposed.add(stored(function.space(), config));
    }
    return new Run(List.copyOf(proposed), values, cpu);
  }

  /** Time per sample call with a history of {@code trials} random trials on a d-D sphere. */
  private static void timing(String name, int trials, int dimensions) {
    TestFunction sphere = TestFunction.sphere(dimensions);
    Sampler sampler = factory(name).apply(1);
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    List<FrozenTrial> history = new ArrayList<>();
    for (int n = 0; n < trials; n++) {
      Config config = sphere.space().fromUnit(random.doubles(dimensions).toArray());
      history.add(Snapshots.complete(n, config, sphere.apply(config)));
    }
    List<FrozenTrial> frozen = List.copyOf(history);
    // Warm up the JIT (at least 200 calls and 3 s: 200 calls of a fast sampler leave the JIT
    // unfinished on 2 cores), then measure calls for successive trial numbers on the same history.
    int repeats = 100;
    long warmUpEnd = System.nanoTime() + 3_000_000_000L;
    int warmUps = 0;
    while (warmUps < 200 || System.nanoTime() < warmUpEnd) {
      sampler.sample(new SamplerContext(
          sphere.space(), trials + warmUps, List.of(Direction.MINIMIZE), frozen));
      warmUps++;
    }
    long[] times = new long[repeats];
    for (int i = 0; i < repeats; i++) {
      SamplerContext context = new SamplerContext(
          sphere.space(), trials + warmUps + i, List.of(Direction.MINIMIZE), frozen);
      long start = THREADS.getCurrentThreadCpuTime();
      sampler.sample(context);
      times[i] = THREADS.getCurrentThreadCpuTime() - start;
    }
    Arrays.sort(times);
    System.out.printf(
        Locale.ROOT, "timing %-10s %5d trials %3d-D: median %.3f ms, q75 %.3f ms per trial%n",
        name, trials, dimensions, times[repeats / 2] / 1e6, times[repeats * 3 / 4] / 1e6);
  }

  /** The factory {@code Samplers.<name>(long)}, found by name: new samplers need no edit here. */
  static LongFunction<Sampler> factory(String name) {
    String method = name.equalsIgnoreCase("cmaes") ? "cmaEs" : name;
    try {
      Method factory = Samplers.class.getMethod(method, long.class);
      return seed -> {
        try {
          return (Sampler) factory.invoke(null, seed);
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      };
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          "no sampler '" + name + "': Samplers has no method " + method + "(long)");
    }
  }

  /** {@code config} as a study stores it: categorical choices by label. */
  private static Config stored(SearchSpace<Config> space, Config config) {
    Config.Builder stored = Config.builder();
    for (String name : config.names()) {
      Object value = config.get(name);
      stored.set(space.dimension(name), value instanceof Enum<?> e ? e.name() : value);
    }
    return stored.build();
  }

  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int low = (int) Math.floor(position);
    int high = Math.min(sorted.length - 1, low + 1);
    return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
  }
}
