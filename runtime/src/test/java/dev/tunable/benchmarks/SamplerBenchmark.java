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
import dev.tunable.internal.Seeds;
import dev.tunable.sampler.AutoSampler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
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
 * n-dimensional sphere): sampler:trials:dimensions; with a fourth field, {@code gp:200:5:growing},
 * each measured call has one more trial than the one before (n + 1 to n + 100), as in a study,
 * so that a sampler that keeps work between calls is charged for what each new trial costs.
 * {@code timeline=auto:2000:10} instead runs one
 * study of that many trials on the sphere and prints the CPU time of its proposals, median and
 * maximum per stretch of trials (what the automatic sampler chose there in braces); with a fourth
 * field, {@code timeline=auto:2000:10:warm}, after a 150-trial study on another seed in the same
 * JVM, so that the figures leave out the JIT's first compilations.
 *
 * <p>Beside our samplers, {@code samplers_optuna.py} (a test resource) runs Optuna 3.1's TPE,
 * CMA-ES and random on the same functions, seeds and budgets with {@code python=} (default
 * /usr/bin/python3), in a process of its own while ours run; a last table gives, per function and
 * budget, each of our samplers' median beside Optuna's and whether it is at most the best of them.
 * {@code optunaProcesses=} (1) runs the script in that many processes, each on a block of the
 * seeds (Optuna's TPE takes most of a full run's time; ours take minutes).
 * {@code optuna=FILE,...} reads the script's output from an earlier run instead (Optuna is slow:
 * about 10 s per 300-trial TPE study on 5-D, 90 s on 30-D), {@code optuna=none} leaves it out.
 * A noisy function's regret is its noiseless value at the trial that looked best.
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
    options.put("optuna", "");
    options.put("python", "/usr/bin/python3");
    options.put("optunaProcesses", "1");
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq < 0 || !options.containsKey(arg.substring(0, eq)) && !arg.startsWith("timing=")
          && !arg.startsWith("timeline=")) {
        throw new IllegalArgumentException(
            "unknown argument '" + arg + "'; expected samplers=, functions=, seeds=, seedStart=,"
                + " budgets=, escape=, workers=, optuna=, optunaProcesses=, python=, timing= or"
                + " timeline=");
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
        timing(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
            parts.length > 3 && parts[3].equals("growing"));
      }
      return;
    }
    if (options.containsKey("timeline")) {
      for (String spec : options.get("timeline").split(",")) {
        String[] parts = spec.split(":");
        timeline(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
            parts.length > 3 && parts[3].equals("warm"));
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
    // Optuna runs in its own process while ours run here, unless its output is given.
    OptunaPeers peers = OptunaPeers.start(options.get("optuna"), options.get("python"), functions,
        seeds, seedStart, budgets, Integer.parseInt(options.get("optunaProcesses")));
    System.out.printf(
        Locale.ROOT, "%-16s %-12s %6s %8s %8s %8s %12s %8s%n",
        "function", "sampler", "budget", "median", "q25", "q75", "ms/trial", "escaped");
    Map<String, double[][]> ours = new LinkedHashMap<>();
    for (TestFunction function : functions) {
      for (String name : options.get("samplers").split(",")) {
        ours.put(function.name() + " " + name, run(function, name, factory(name), seedStart,
            seeds, budgets, workers, escapes.get(function.name())));
      }
    }
    if (peers != null) {
      compare(functions, options.get("samplers").split(","), budgets, ours, peers.results());
    }
  }

  /**
   * For each function and budget, the median log10 regret of each of our samplers beside Optuna's
   * TPE, CMA-ES and random (with how many seeds each had), and whether ours is at most the best
   * of Optuna's.
   */
  private static void compare(List<TestFunction> functions, String[] samplers, int[] budgets,
      Map<String, double[][]> ours, Map<String, List<double[]>> peers) {
    System.out.println();
    System.out.println("# median log10 regret against Optuna " + OptunaPeers.SAMPLERS
        + " (seeds in brackets); 'meets' when ours <= the best of Optuna's");
    for (String name : samplers) {
      int met = 0;
      int cases = 0;
      System.out.printf(Locale.ROOT, "%-16s %6s %8s %13s %13s %13s %6s%n", "function", "budget",
          name, "optuna-tpe", "optuna-cmaes", "optuna-random", "meets");
      for (TestFunction function : functions) {
        double[][] mine = ours.get(function.name() + " " + name);
        for (int b = 0; b < budgets.length; b++) {
          double our = median(mine[b]);
          double best = Double.POSITIVE_INFINITY;
          StringBuilder line = new StringBuilder(String.format(
              Locale.ROOT, "%-16s %6d %8.2f", function.name(), budgets[b], our));
          for (String peer : OptunaPeers.SAMPLERS) {
            List<double[]> runs = peers.getOrDefault(function.name() + " " + peer, List.of());
            int budget = b;
            double[] regrets = runs.stream().mapToDouble(r -> r[budget]).toArray();
            if (regrets.length == 0) {
              line.append(String.format(Locale.ROOT, " %13s", "-"));
              continue;
            }
            double median = median(regrets);
            best = Math.min(best, median);
            line.append(String.format(Locale.ROOT, " %8.2f (%2d)", median, regrets.length));
          }
          boolean meets = our <= best;
          if (best < Double.POSITIVE_INFINITY) {
            cases++;
            met += meets ? 1 : 0;
          }
          line.append(String.format(Locale.ROOT, " %6s",
              best == Double.POSITIVE_INFINITY ? "-" : meets ? "yes" : "NO"));
          System.out.println(line);
        }
      }
      System.out.printf(Locale.ROOT, "# %s: at most the best of Optuna's in %d of %d cases%n",
          name, met, cases);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantile(sorted, 0.5);
  }

  /** Runs one sampler on one function for every seed; its log10 regrets by budget and seed. */
  private static double[][] run(
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
    Sampler sampler0 = factory.apply(seedStart);
    int[] escaped = new int[budgets.length];
    List<Long> trapped = new ArrayList<>();
    int[] gpTrials = new int[seeds];
    long cpu = 0;
    for (int s = 0; s < seeds; s++) {
      Run run = study(function, factory.apply(seedStart + s), largest, workers, seedStart + s);
      cpu += run.cpuNanos();
      gpTrials[s] = run.gpTrials();
      for (int b = 0; b < budgets.length; b++) {
        double best = run.noiseless()[bestAmong(run.values(), budgets[b])];
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
          Locale.ROOT, "%-16s %-12s %6d %8.2f %8.2f %8.2f %12.3f %8s%n",
          function.name(), name, budgets[b], quantile(sorted, 0.5), quantile(sorted, 0.25),
          quantile(sorted, 0.75), msPerTrial, escape == null ? "-" : escaped[b] + "/" + seeds);
    }
    if (sampler0 instanceof AutoSampler) {
      Arrays.sort(gpTrials);
      System.out.printf(Locale.ROOT, "# %s %s: GP proposals per seed: median %d, min %d, max %d%n",
          function.name(), name, gpTrials[seeds / 2], gpTrials[0], gpTrials[seeds - 1]);
    }
    if (!trapped.isEmpty()) {
      System.out.printf(
          Locale.ROOT, "# %s %s: seeds not below %s after %d trials: %s%n",
          function.name(), name, escape, largest, trapped);
    }
    return regrets;
  }

  /**
   * A study's life on a {@code dimensions}-D sphere to {@code trials} trials, as {@link #run}
   * runs one: the CPU time of each proposal, printed as the median and maximum per stretch of
   * trials, with the sampler the automatic one chose there.
   */
  private static void timeline(String name, int trials, int dimensions, boolean warm) {
    if (warm) {
      // The same code paths once before, on another seed: what a proposal costs once the JIT
      // has compiled them, as in any JVM after its first study's first proposals.
      timelineStudy(name, 2, Math.min(trials, 150), dimensions, new String[trials]);
    }
    String[] chosen = new String[trials];
    long[] times = timelineStudy(name, 1, trials, dimensions, chosen);
    long worst = 0;
    for (int from = 0; from < trials; from = Math.min(trials, from < 100 ? 100 : from * 2)) {
      int to = Math.min(trials, from < 100 ? 100 : from * 2);
      long[] stretch = Arrays.copyOfRange(times, from, to);
      Arrays.sort(stretch);
      Map<String, Integer> by = new LinkedHashMap<>();
      for (int n = from; n < to; n++) {
        by.merge(chosen[n], 1, Integer::sum);
      }
      worst = Math.max(worst, stretch[stretch.length - 1]);
      System.out.printf(Locale.ROOT,
          "timeline %-6s %2d-D trials %5d-%5d: median %7.3f ms, max %7.3f ms  %s%n", name,
          dimensions, from, to - 1, stretch[stretch.length / 2] / 1e6,
          stretch[stretch.length - 1] / 1e6, by);
    }
    System.out.printf(Locale.ROOT, "timeline %s %d-D: the costliest proposal took %.3f ms%n",
        name, dimensions, worst / 1e6);
    Integer[] order = new Integer[trials];
    Arrays.setAll(order, n -> n);
    Arrays.sort(order, (a, b) -> Long.compare(times[b], times[a]));
    StringBuilder costliest = new StringBuilder();
    for (int k = 0; k < Math.min(5, trials); k++) {
      costliest.append(String.format(Locale.ROOT, " trial %d %.1f ms (%s);", order[k],
          times[order[k]] / 1e6, chosen[order[k]]));
    }
    System.out.println("timeline " + name + " costliest:" + costliest);
  }

  /**
   * One timeline study with {@code seed}: each proposal's CPU time, and in {@code chosen} the
   * sampler that made it.
   */
  private static long[] timelineStudy(String name, long seed, int trials, int dimensions,
      String[] chosen) {
    TestFunction sphere = TestFunction.sphere(dimensions);
    Sampler sampler = factory(name).apply(seed);
    List<FrozenTrial> history = new ArrayList<>();
    long[] times = new long[trials];
    for (int n = 0; n < trials; n++) {
      SamplerContext context = new SamplerContext(
          sphere.space(), n, List.of(Direction.MINIMIZE), List.copyOf(history));
      long start = THREADS.getCurrentThreadCpuTime();
      Config config = sampler.sample(context);
      times[n] = THREADS.getCurrentThreadCpuTime() - start;
      Map<String, Object> attributes = Snapshots.proposalAttributes(sampler, context, times[n]);
      chosen[n] = (String) attributes.getOrDefault(AutoSampler.SAMPLER_ATTRIBUTE, name);
      history.add(Snapshots.withAttributes(
          Snapshots.complete(n, stored(sphere.space(), config), sphere.apply(config)),
          attributes));
    }
    return times;
  }

  /**
   * One study of the benchmark: the configurations proposed, the values the sampler saw (with the
   * function's noise), the noiseless value of each trial, the sampling CPU time and how many
   * proposals the automatic sampler made with its GP.
   */
  record Run(List<Config> proposed, double[] values, double[] noiseless, long cpuNanos,
      int gpTrials) {}

  /** The index of the lowest of the first {@code trials} values (the first, on a tie). */
  static int bestAmong(double[] values, int trials) {
    int best = 0;
    for (int n = 1; n < trials; n++) {
      best = values[n] < values[best] ? n : best;
    }
    return best;
  }

  /**
   * Runs {@code trials} trials of {@code sampler} on {@code function} with {@code workers}; the
   * noise a sampler sees has its own stream per {@code noiseSeed}.
   */
  static Run study(TestFunction function, Sampler sampler, int trials, int workers,
      long noiseSeed) {
    List<FrozenTrial> complete = new ArrayList<>();
    List<Config> proposed = new ArrayList<>();
    List<Map<String, Object>> attributes = new ArrayList<>();
    double[] values = new double[trials];
    double[] noiseless = new double[trials];
    SplittableRandom noise = new SplittableRandom(Seeds.mix(noiseSeed));
    long cpu = 0;
    int gpTrials = 0;
    for (int n = 0; n < trials; n++) {
      // With w workers, the last w - 1 proposals are still being evaluated.
      int told = Math.max(0, n - workers + 1);
      while (complete.size() < told) {
        int i = complete.size();
        complete.add(Snapshots.withAttributes(
            Snapshots.complete(i, proposed.get(i), values[i]), attributes.get(i)));
      }
      List<FrozenTrial> history = new ArrayList<>(complete);
      for (int i = told; i < n; i++) {
        history.add(
            Snapshots.withAttributes(Snapshots.running(i, proposed.get(i)), attributes.get(i)));
      }
      SamplerContext context = new SamplerContext(
          function.space(), n, List.of(Direction.MINIMIZE), List.copyOf(history));
      long start = THREADS.getCurrentThreadCpuTime();
      Config config = sampler.sample(context);
      long took = THREADS.getCurrentThreadCpuTime() - start;
      cpu += took;
      attributes.add(Snapshots.proposalAttributes(sampler, context, took));
      if (AutoSampler.GP.equals(attributes.get(n).get(AutoSampler.SAMPLER_ATTRIBUTE))) {
        gpTrials++;
      }
      values[n] = function.observe(config, noise);
      noiseless[n] = function.noise() > 0 ? function.apply(config) : values[n];
      proposed.add(stored(function.space(), config));
    }
    return new Run(List.copyOf(proposed), values, noiseless, cpu, gpTrials);
  }

  /** Time per sample call with a history of {@code trials} random trials on a d-D sphere. */
  private static void timing(String name, int trials, int dimensions, boolean growing) {
    TestFunction sphere = TestFunction.sphere(dimensions);
    Sampler sampler = factory(name).apply(1);
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    int repeats = 100;
    List<FrozenTrial> history = new ArrayList<>();
    for (int n = 0; n < trials + repeats; n++) {
      Config config = sphere.space().fromUnit(random.doubles(dimensions).toArray());
      history.add(Snapshots.complete(n, config, sphere.apply(config)));
    }
    List<FrozenTrial> frozen = List.copyOf(history.subList(0, trials));
    // Warm up the JIT (at least 200 calls and 3 s: 200 calls of a fast sampler leave the JIT
    // unfinished on 2 cores), then measure calls for successive trial numbers on the same history.
    long warmUpEnd = System.nanoTime() + 3_000_000_000L;
    int warmUps = 0;
    while (warmUps < 200 || System.nanoTime() < warmUpEnd) {
      sampler.sample(new SamplerContext(
          sphere.space(), trials + warmUps, List.of(Direction.MINIMIZE), frozen));
      warmUps++;
    }
    long[] times = new long[repeats];
    for (int i = 0; i < repeats; i++) {
      List<FrozenTrial> told = growing ? List.copyOf(history.subList(0, trials + 1 + i)) : frozen;
      SamplerContext context = new SamplerContext(
          sphere.space(), trials + warmUps + i, List.of(Direction.MINIMIZE), told);
      long start = THREADS.getCurrentThreadCpuTime();
      sampler.sample(context);
      times[i] = THREADS.getCurrentThreadCpuTime() - start;
    }
    double mean = Arrays.stream(times).average().orElseThrow() / 1e6;
    Arrays.sort(times);
    System.out.printf(
        Locale.ROOT,
        "timing %-10s %5d trials %3d-D%s: median %.3f ms, q75 %.3f ms, mean %.3f ms per trial%n",
        name, trials, dimensions, growing ? " growing" : "", times[repeats / 2] / 1e6,
        times[repeats * 3 / 4] / 1e6, mean);
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
