package dev.tunable.benchmarks;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.Samplers;
import dev.tunable.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * Our samplers against Optuna 3.1's define-by-run TPE on one conditional function, {@link
 * TestFunction#branches()} (a choice among four branches with different minima), side by side in
 * one run: for each sampler and budget, the median and interquartile range over seeds of the log10
 * regret, how many seeds' best trial is in the best branch ({@code branin}), and the CPU time per
 * trial. Optuna runs in {@code conditional_optuna.py} (a test resource), with Debian's {@code
 * python3-optuna}, at the same time as our samplers; before trusting it the harness checks that
 * the script computes the same function at 500 random points. Not a unit test: run it by hand
 * (see BENCHMARKS.md), e.g.
 *
 * <pre>
 * mvn -q -B -pl runtime -am -Pbenchmarks test-compile exec:exec \
 *   -Dbenchmark.main=dev.tunable.benchmarks.ConditionalBenchmark \
 *   -Dbenchmark.args="seeds=30 budgets=50,100,200"
 * </pre>
 *
 * <p>Arguments: {@code samplers=} names of {@link Samplers} factories taking a seed, as for
 * {@link SamplerBenchmark}, and {@code default}, the sampler of a study that names none
 * ({@code Samplers.auto} where it exists, else CMA-ES); {@code seeds=} (30) seeds from {@code
 * seedStart=} (0) on, for ours and Optuna's alike; {@code budgets=} (50,100,200); {@code
 * python=} (/usr/bin/python3); {@code optuna=false} runs ours only.
 */
public final class ConditionalBenchmark {
  /** The branch that holds the minimum. */
  private static final String BEST_BRANCH = "branin";

  private ConditionalBenchmark() {}

  /** The trials of one seed: values and branches, in order. */
  private record Seed(double[] values, List<String> branches) {
    double bestAmong(int trials) {
      return values[SamplerBenchmark.bestAmong(values, trials)];
    }

    String bestBranchAmong(int trials) {
      return branches.get(SamplerBenchmark.bestAmong(values, trials));
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("samplers", "tpe,multivariateTpe,gp,cmaes,random,default");
    options.put("seeds", "30");
    options.put("seedStart", "0");
    options.put("budgets", "50,100,200");
    options.put("python", "/usr/bin/python3");
    options.put("optuna", "true");
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      }
      int eq = arg.indexOf('=');
      if (eq < 0 || !options.containsKey(arg.substring(0, eq))) {
        throw new IllegalArgumentException("unknown argument '" + arg + "'; expected "
            + String.join("=, ", options.keySet()) + "=");
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int seeds = Integer.parseInt(options.get("seeds"));
    long seedStart = Long.parseLong(options.get("seedStart"));
    int[] budgets =
        Arrays.stream(options.get("budgets").split(",")).mapToInt(Integer::parseInt).toArray();
    int largest = Arrays.stream(budgets).max().orElseThrow();
    TestFunction function = TestFunction.branches();
    System.out.printf(Locale.ROOT, "# %s, %d processors; %s, minimum %s, seeds %d-%d%n",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), function.name(), function.optimum(),
        seedStart, seedStart + seeds - 1);

    // Optuna runs in its own process meanwhile; CPU times, not wall times, are compared.
    List<Config> points = randomPoints(function, 500);
    Process optuna = Boolean.parseBoolean(options.get("optuna"))
        ? startOptuna(options.get("python"), seedStart, seeds, largest, points) : null;

    Map<String, List<Seed>> runs = new LinkedHashMap<>();
    Map<String, Double> cpuMsPerTrial = new LinkedHashMap<>();
    for (String name : options.get("samplers").split(",")) {
      String factoryName = name.equals("default") ? defaultSampler() : name;
      LongFunction<Sampler> factory = SamplerBenchmark.factory(factoryName);
      List<Seed> results = new ArrayList<>();
      long cpu = 0;
      for (int s = 0; s < seeds; s++) {
        SamplerBenchmark.Run run =
            SamplerBenchmark.study(
                function, factory.apply(seedStart + s), largest, 1, seedStart + s);
        cpu += run.cpuNanos();
        results.add(new Seed(run.values(),
            run.proposed().stream().map(c -> c.getString("branch")).toList()));
      }
      String label = name.equals("default") ? "default (" + factoryName + ")" : "ours " + name;
      runs.put(label, results);
      cpuMsPerTrial.put(label, cpu / 1e6 / seeds / largest);
    }

    if (optuna != null) {
      Map<?, ?> reference = finish(optuna);
      checkSameFunction(function, points, (List<?>) reference.get("check"));
      System.out.printf(Locale.ROOT, "# Optuna %s; its function agrees with ours at %d points%n",
          reference.get("optuna"), points.size());
      ((Map<?, ?>) reference.get("runs")).forEach((name, run) -> {
        List<Seed> results = new ArrayList<>();
        for (Object seed : (List<?>) ((Map<?, ?>) run).get("seeds")) {
          Map<?, ?> trials = (Map<?, ?>) seed;
          double[] values = ((List<?>) trials.get("values")).stream()
              .mapToDouble(Json::toDouble).toArray();
          List<String> branches =
              ((List<?>) trials.get("branches")).stream().map(String::valueOf).toList();
          results.add(new Seed(values, branches));
        }
        String label = "Optuna " + name;
        runs.put(label, results);
        cpuMsPerTrial.put(label, Json.toDouble(((Map<?, ?>) run).get("cpuSeconds")) * 1e3
            / seeds / largest);
      });
    }

    System.out.printf(Locale.ROOT, "%-30s %6s %8s %8s %8s %12s %14s%n", "sampler", "budget",
        "median", "q25", "q75", "in " + BEST_BRANCH, "cpu ms/trial");
    runs.forEach((label, results) -> {
      for (int budget : budgets) {
        double[] regrets = results.stream()
            .mapToDouble(r -> Math.log10(function.regret(r.bestAmong(budget)))).sorted().toArray();
        long inBest = results.stream()
            .filter(r -> r.bestBranchAmong(budget).equals(BEST_BRANCH)).count();
        System.out.printf(Locale.ROOT, "%-30s %6d %8.2f %8.2f %8.2f %12s %14.3f%n", label, budget,
            SamplerBenchmark.quantile(regrets, 0.5), SamplerBenchmark.quantile(regrets, 0.25),
            SamplerBenchmark.quantile(regrets, 0.75), inBest + "/" + results.size(),
            cpuMsPerTrial.get(label));
      }
    });
  }

  /**
   * The factory of the sampler a study that names none uses: {@code Samplers.auto} where there is
   * one, else CMA-ES.
   */
  private static String defaultSampler() {
    try {
      Samplers.class.getMethod("auto", long.class);
      return "auto";
    } catch (NoSuchMethodException e) {
      return "cmaes";
    }
  }

  /** Points drawn uniformly from the function's space, every branch among them. */
  private static List<Config> randomPoints(TestFunction function, int count) {
    SplittableRandom random = new SplittableRandom(11);
    List<Config> points = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      points.add(function.space().fromUnit(random.doubles(function.space().size()).toArray()));
    }
    return points;
  }

  private static Process startOptuna(String python, long seedStart, int seeds, int trials,
      List<Config> points) throws IOException {
    List<Long> seedList = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      seedList.add(seedStart + s);
    }
    Path request = Files.createTempFile("conditional-request", ".json");
    request.toFile().deleteOnExit();
    Files.writeString(request, Json.write(Map.of("seeds", seedList, "trials", trials,
        "points", points.stream().map(Config::asMap).toList())));
    Path script = Files.createTempFile("conditional_optuna", ".py");
    script.toFile().deleteOnExit();
    try (InputStream in = ConditionalBenchmark.class.getResourceAsStream("conditional_optuna.py")) {
      Files.write(script, in.readAllBytes());
    }
    return new ProcessBuilder(python, script.toString(), request.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static Map<?, ?> finish(Process optuna) throws IOException, InterruptedException {
    String out = new String(optuna.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = optuna.waitFor();
    if (exit != 0) {
      throw new IllegalStateException("conditional_optuna.py exited with " + exit);
    }
    return (Map<?, ?>) Json.parse(out);
  }

  /** Fails unless the script's function takes our values at {@code points}. */
  private static void checkSameFunction(TestFunction function, List<Config> points,
      List<?> theirs) {
    for (int i = 0; i < points.size(); i++) {
      double ours = function.apply(points.get(i));
      double other = Json.toDouble(theirs.get(i));
      if (Math.abs(ours - other) > 1e-9 * Math.max(1, Math.abs(ours))) {
        throw new IllegalStateException("conditional_optuna.py computes " + other + " at "
            + points.get(i) + " where TestFunction.branches() gives " + ours);
      }
    }
  }
}
