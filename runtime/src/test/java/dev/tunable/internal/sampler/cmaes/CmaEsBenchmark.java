package dev.tunable.internal.sampler.cmaes;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

/**
 * The CMA-ES sampler's figures, until the shared sampler benchmark exists: median and
 * interquartile range over seeds of log10 simple regret (best found minus the optimum, floored at
 * 1e-12) after each budget, and the sampler's time per trial. A benchmark, not a test.
 *
 * <pre>{@code
 * java -cp <runtime test classpath> dev.tunable.internal.sampler.cmaes.CmaEsBenchmark \
 *     samplers=cmaes,random seeds=30 budgets=50,100,200
 * }</pre>
 */
public final class CmaEsBenchmark {
  private CmaEsBenchmark() {}

  private record Function(SearchSpace<Config> space, ToDoubleFunction<Config> f, double optimum) {}

  public static void main(String[] args) {
    Map<String, String> options = new LinkedHashMap<>(Map.of(
        "samplers", "cmaes,random", "seeds", "30", "budgets", "50,100,200",
        "functions", String.join(",", functions().keySet())));
    for (String arg : args) {
      String[] pair = arg.split("=", 2);
      if (pair.length != 2 || !options.containsKey(pair[0])) {
        throw new IllegalArgumentException("expected key=value with a key among "
            + options.keySet() + ", got '" + arg + "'");
      }
      options.put(pair[0], pair[1]);
    }
    int seeds = Integer.parseInt(options.get("seeds"));
    int[] budgets = Arrays.stream(options.get("budgets").split(",")).mapToInt(Integer::parseInt)
        .toArray();
    int largest = Arrays.stream(budgets).max().orElseThrow();
    for (String samplerName : options.get("samplers").split(",")) {
      LongFunction<Sampler> sampler = switch (samplerName) {
        case "cmaes" -> Samplers::cmaEs;
        case "random" -> Samplers::random;
        case "sobol" -> Samplers::sobol;
        default -> throw new IllegalArgumentException("unknown sampler '" + samplerName
            + "'; known: cmaes, random, sobol");
      };
      for (String name : options.get("functions").split(",")) {
        Function function = functions().get(name);
        if (function == null) {
          throw new IllegalArgumentException(
              "unknown function '" + name + "'; known: " + functions().keySet());
        }
        double[][] regrets = new double[budgets.length][seeds];
        long nanos = 0;
        for (int seed = 0; seed < seeds; seed++) {
          double[] bestAfter = new double[largest];
          long start = System.nanoTime();
          List<FrozenTrial> history = new ArrayList<>();
          double best = Double.POSITIVE_INFINITY;
          Sampler s = sampler.apply(seed);
          for (int n = 0; n < largest; n++) {
            long before = System.nanoTime();
            Config config = s.sample(new SamplerContext(
                function.space(), n, List.of(Direction.MINIMIZE), List.copyOf(history)));
            nanos += System.nanoTime() - before;
            double value = function.f().applyAsDouble(config);
            best = Math.min(best, value);
            bestAfter[n] = best;
            history.add(FrozenTrial.complete(n, config, value, Instant.EPOCH));
          }
          start = System.nanoTime() - start;
          for (int b = 0; b < budgets.length; b++) {
            regrets[b][seed] =
                Math.log10(Math.max(1e-12, bestAfter[budgets[b] - 1] - function.optimum()));
          }
        }
        for (int b = 0; b < budgets.length; b++) {
          double[] sorted = regrets[b].clone();
          Arrays.sort(sorted);
          System.out.printf(Locale.ROOT,
              "%-7s %-12s budget %4d  median %6.2f  IQR [%6.2f, %6.2f]  %.3f ms/trial%n",
              samplerName, name, budgets[b], quantile(sorted, 0.5), quantile(sorted, 0.25),
              quantile(sorted, 0.75), nanos / 1e6 / ((double) seeds * largest));
        }
      }
    }
  }

  private static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }

  private static Map<String, Function> functions() {
    Map<String, Function> functions = new LinkedHashMap<>();
    functions.put("branin", new Function(
        SearchSpace.builder().real("x0", -5, 10).real("x1", 0, 15).build(), c -> {
          double x1 = c.getDouble("x0");
          double x2 = c.getDouble("x1");
          double inner = x2 - 5.1 / (4 * Math.PI * Math.PI) * x1 * x1 + 5 / Math.PI * x1 - 6;
          return inner * inner + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
        }, 0.397887));
    functions.put("hartmann6", new Function(box(6, 0, 1), CmaEsBenchmark::hartmann6, -3.32237));
    functions.put("rosenbrock5", new Function(box(5, -5, 10), c -> {
      double[] x = xs(c, 5);
      double sum = 0;
      for (int i = 0; i < 4; i++) {
        sum += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
      }
      return sum;
    }, 0));
    functions.put("ackley5", new Function(box(5, -32.768, 32.768), c -> {
      double squares = 0;
      double cosines = 0;
      for (double v : xs(c, 5)) {
        squares += v * v;
        cosines += Math.cos(2 * Math.PI * v);
      }
      return -20 * Math.exp(-0.2 * Math.sqrt(squares / 5)) - Math.exp(cosines / 5) + 20 + Math.E;
    }, 0));
    functions.put("rastrigin5", new Function(box(5, -5.12, 5.12), c -> {
      double sum = 50;
      for (double v : xs(c, 5)) {
        sum += v * v - 10 * Math.cos(2 * Math.PI * v);
      }
      return sum;
    }, 0));
    functions.put("styblinski5", new Function(box(5, -5, 5), c -> {
      double sum = 0;
      for (double v : xs(c, 5)) {
        sum += (Math.pow(v, 4) - 16 * v * v + 5 * v) / 2;
      }
      return sum;
    }, -39.16599 * 5));
    functions.put("camel", new Function(
        SearchSpace.builder().real("x0", -3, 3).real("x1", -2, 2).build(), c -> {
          double x = c.getDouble("x0");
          double y = c.getDouble("x1");
          return (4 - 2.1 * x * x + Math.pow(x, 4) / 3) * x * x + x * y + (-4 + 4 * y * y) * y * y;
        }, -1.031628));
    functions.put("mixed", new Function(SearchSpace.builder().real("x", -5, 5)
        .integer("k", -10, 10).categorical("c", "a", "b", "c", "d").bool("flag").build(), c -> {
          double x = c.getDouble("x") - 1.3;
          long k = c.getLong("k") - 3;
          return x * x + k * k + (c.get("c").equals("c") ? 0 : 2) + (c.getBoolean("flag") ? 0 : 1);
        }, 0));
    // The mixed-integer ellipsoid of Hamano et al. (2022): half the coordinates integers in
    // [-10, 10], weights 1000^(i/(n-1)), so the heavy integer coordinates are the ones a CMA-ES
    // without margin freezes on a wrong value.
    SearchSpace.Builder ellipsoid = SearchSpace.builder();
    for (int i = 0; i < 10; i++) {
      if (i % 2 == 0) {
        ellipsoid.real("x" + i, -10, 10);
      } else {
        ellipsoid.integer("x" + i, -10, 10);
      }
    }
    functions.put("ellipsoidint10", new Function(ellipsoid.build(), c -> {
      double sum = 0;
      for (int i = 0; i < 10; i++) {
        double x = i % 2 == 0 ? c.getDouble("x" + i) - 0.5 : c.getLong("x" + i) - 2;
        sum += Math.pow(1000, i / 9.0) * x * x;
      }
      return sum;
    }, 0));
    return functions;
  }

  private static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] A = {
      {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
      {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
  private static final double[][] P = {
      {1312, 1696, 5569, 124, 8283, 5886}, {2329, 4135, 8307, 3736, 1004, 9991},
      {2348, 1451, 3522, 2883, 3047, 6650}, {4047, 8828, 8732, 5743, 1091, 381}};

  private static double hartmann6(Config c) {
    double[] x = xs(c, 6);
    double sum = 0;
    for (int i = 0; i < 4; i++) {
      double inner = 0;
      for (int j = 0; j < 6; j++) {
        inner += A[i][j] * Math.pow(x[j] - P[i][j] * 1e-4, 2);
      }
      sum += ALPHA[i] * Math.exp(-inner);
    }
    return -sum;
  }

  private static SearchSpace<Config> box(int d, double low, double high) {
    SearchSpace.Builder builder = SearchSpace.builder();
    for (int i = 0; i < d; i++) {
      builder.real("x" + i, low, high);
    }
    return builder.build();
  }

  private static double[] xs(Config c, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = c.getDouble("x" + i);
    }
    return x;
  }
}
