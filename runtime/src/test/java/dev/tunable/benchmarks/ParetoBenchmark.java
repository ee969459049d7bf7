package dev.tunable.benchmarks;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.Study;
import dev.tunable.TrialState;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares samplers on two-objective test problems by the hypervolume of the Pareto front they
 * find, up to the reference point (1.1, 1.1): ZDT1 (front f2 = 1 − √f1, hypervolume 0.1 + 2/3 +
 * 0.11 = 0.87667) and ZDT2 (front f2 = 1 − f1², hypervolume 0.1 + 1/3 + 0.11 = 0.54333), on
 * [0, 1]^d. Prints, per problem, dimension and budget, the median and interquartile range over
 * seeds of the hypervolume and the time per trial. Not a unit test: run it by hand, e.g.
 *
 * <pre>
 * mvn -q -B -pl runtime -am -Pbenchmarks test-compile exec:exec \
 *   -Dbenchmark.main=dev.tunable.benchmarks.ParetoBenchmark \
 *   -Dbenchmark.args="samplers=nsga2,random problems=zdt1,zdt2 dims=5,30 seeds=10 budgets=300,1000"
 * </pre>
 *
 * <p>Samplers: {@code nsga2} (population 50), {@code nsga2-<population>}, {@code random}.
 *
 * <p>{@code timing=nsga2:1000:5,nsga2-20:1000:30} instead measures the sampler's own CPU time per
 * {@code sample} call (sampler:trials:dimensions) on ZDT1: the sampler runs a study of that many
 * trials through {@link Sampler#sample} with a growing history, one sampler across the calls, as
 * a study would; after at least 3 s of such runs to warm up the JIT, one more run is timed. It
 * prints the mean over all its calls, and the mean and median over its last 100 calls (which
 * include the first calls of their generations).
 */
public final class ParetoBenchmark {
  private static final double REFERENCE = 1.1;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private ParetoBenchmark() {}

  public static void main(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("samplers", "nsga2,random");
    options.put("problems", "zdt1,zdt2");
    options.put("dims", "5");
    options.put("seeds", "10");
    options.put("budgets", "300,1000");
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq < 0 || !options.containsKey(arg.substring(0, eq)) && !arg.startsWith("timing=")) {
        throw new IllegalArgumentException("unknown argument '" + arg
            + "'; expected samplers=, problems=, dims=, seeds=, budgets= or timing=");
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    if (options.containsKey("timing")) {
      for (String spec : options.get("timing").split(",")) {
        String[] parts = spec.split(":");
        if (parts.length != 3) {
          throw new IllegalArgumentException("timing spec '" + spec
              + "' is not sampler:trials:dimensions, e.g. nsga2:1000:5");
        }
        timing(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
      }
      return;
    }
    int seeds = Integer.parseInt(options.get("seeds"));
    int[] budgets = Arrays.stream(options.get("budgets").split(",")).mapToInt(Integer::parseInt)
        .sorted().toArray();
    System.out.printf(Locale.ROOT, "# %s, %d processors; hypervolume up to (1.1, 1.1)%n",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors());
    System.out.printf(Locale.ROOT, "%-8s %4s %-10s %7s %9s %9s %9s %12s%n",
        "problem", "d", "sampler", "trials", "median", "IQR", "true", "ms/trial");
    for (String problem : options.get("problems").split(",")) {
      for (String dims : options.get("dims").split(",")) {
        int d = Integer.parseInt(dims);
        for (String sampler : options.get("samplers").split(",")) {
          run(problem, d, sampler, seeds, budgets);
        }
      }
    }
  }

  private static void run(String problem, int d, String sampler, int seeds, int[] budgets) {
    double[][] volumes = new double[budgets.length][seeds];
    long nanos = 0;
    int largest = budgets[budgets.length - 1];
    for (int seed = 0; seed < seeds; seed++) {
      Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
          .sampler(sampler(sampler, seed)).progress(false).build();
      SearchSpace<Config> space = cube(d);
      long start = System.nanoTime();
      study.optimizeMulti(space, largest, t -> evaluate(problem, t.params(), d));
      nanos += System.nanoTime() - start;
      List<FrozenTrial> trials = study.trials();
      for (int b = 0; b < budgets.length; b++) {
        List<double[]> points = new ArrayList<>();
        for (FrozenTrial trial : trials.subList(0, budgets[b])) {
          if (trial.hasValue()) {
            points.add(trial.values());
          }
        }
        volumes[b][seed] = hypervolume(points);
      }
    }
    double truth = problem.equals("zdt1") ? 0.1 + 2.0 / 3 + 0.11 : 0.1 + 1.0 / 3 + 0.11;
    for (int b = 0; b < budgets.length; b++) {
      double[] sorted = volumes[b].clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "%-8s %4d %-10s %7d %9.4f %9.4f %9.4f %12.3f%n",
          problem, d, sampler, budgets[b], quantile(sorted, 0.5),
          quantile(sorted, 0.75) - quantile(sorted, 0.25), truth,
          nanos / 1e6 / seeds / largest);
    }
  }

  /** The sampler's CPU time per call over a run of {@code trials} trials of d-D ZDT1. */
  private static void timing(String name, int trials, int d) {
    long warmUpEnd = System.nanoTime() + 3_000_000_000L;
    long seed = 100;
    while (System.nanoTime() < warmUpEnd) {
      timedRun(sampler(name, seed++), trials, d);
    }
    long[] times = timedRun(sampler(name, seed), trials, d);
    long total = 0;
    for (long t : times) {
      total += t;
    }
    int last = Math.min(100, trials);
    long[] tail = Arrays.copyOfRange(times, trials - last, trials);
    long tailTotal = 0;
    for (long t : tail) {
      tailTotal += t;
    }
    Arrays.sort(tail);
    System.out.printf(Locale.ROOT, "timing %-10s %5d trials %3d-D zdt1: mean %.3f ms per call;"
        + " last %d calls: mean %.3f ms, median %.3f ms%n", name, trials, d,
        total / 1e6 / trials, last, tailTotal / 1e6 / last, tail[last / 2] / 1e6);
  }

  /** The CPU time of each sample call of one ask-and-tell run of {@code sampler} on ZDT1. */
  private static long[] timedRun(Sampler sampler, int trials, int d) {
    SearchSpace<Config> space = cube(d);
    List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
    List<FrozenTrial> history = new ArrayList<>();
    long[] times = new long[trials];
    for (int n = 0; n < trials; n++) {
      SamplerContext context = new SamplerContext(space, n, directions, List.copyOf(history));
      long start = THREADS.getCurrentThreadCpuTime();
      Config params = sampler.sample(context);
      times[n] = THREADS.getCurrentThreadCpuTime() - start;
      history.add(Snapshots.complete(n, params, evaluate("zdt1", params, d)));
    }
    return times;
  }

  private static Sampler sampler(String name, long seed) {
    if (name.equals("random")) {
      return Samplers.random(seed);
    }
    if (name.equals("nsga2")) {
      return Samplers.nsga2(seed);
    }
    if (name.startsWith("nsga2-")) {
      int populationSize = Integer.parseInt(name.substring("nsga2-".length()));
      return Samplers.nsga2(seed).withPopulationSize(populationSize);
    }
    throw new IllegalArgumentException(
        "unknown sampler '" + name + "'; expected nsga2, nsga2-<population> or random");
  }

  private static SearchSpace<Config> cube(int d) {
    SearchSpace.Builder builder = SearchSpace.builder();
    for (int i = 0; i < d; i++) {
      builder.real("x" + i, 0, 1);
    }
    return builder.build();
  }

  /** ZDT1 or ZDT2 (Zitzler, Deb and Thiele 2000). */
  static double[] evaluate(String problem, Config x, int d) {
    double f1 = x.getDouble("x0");
    double sum = 0;
    for (int i = 1; i < d; i++) {
      sum += x.getDouble("x" + i);
    }
    double g = 1 + 9 * sum / Math.max(1, d - 1);
    double ratio = f1 / g;
    switch (problem) {
      case "zdt1":
        return new double[] {f1, g * (1 - Math.sqrt(ratio))};
      case "zdt2":
        return new double[] {f1, g * (1 - ratio * ratio)};
      default:
        throw new IllegalArgumentException(
            "unknown problem '" + problem + "'; expected zdt1, zdt2");
    }
  }

  /** The area the points dominate up to (1.1, 1.1), both objectives minimized. */
  static double hypervolume(List<double[]> points) {
    List<double[]> sorted = new ArrayList<>(points);
    sorted.removeIf(p -> p[0] >= REFERENCE || p[1] >= REFERENCE);
    sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
    double volume = 0;
    double ceiling = REFERENCE;
    for (double[] p : sorted) {
      if (p[1] < ceiling) {
        volume += (REFERENCE - p[0]) * (ceiling - p[1]);
        ceiling = p[1];
      }
    }
    return volume;
  }

  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int low = (int) Math.floor(position);
    int high = Math.min(sorted.length - 1, low + 1);
    return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
  }
}
