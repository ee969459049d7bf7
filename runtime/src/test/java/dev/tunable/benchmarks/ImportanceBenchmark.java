package dev.tunable.benchmarks;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.FrozenTrial;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.annotations.Scale;
import dev.tunable.internal.Json;
import dev.tunable.internal.importance.FanovaImportance;
import dev.tunable.internal.sampler.SpaceEncoding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Tunable's fANOVA importance side by side with Optuna's {@code FanovaImportanceEvaluator} on the
 * very same trials: for each synthetic function, a study of random trials (seeded), whose trials
 * are written to a JSON file that {@code importance_optuna.py} (a test resource) reads with
 * Debian's {@code python3-optuna} and {@code python3-sklearn}. Prints, per hyperparameter,
 * Tunable's importance for forest seeds 0.., Optuna's on the same unit coordinates for the same
 * seeds, and Optuna's on the space as it declares it (seed 0); then the largest absolute
 * differences, next to how far each implementation moves with its own forest seed. Not a unit
 * test: Python is no part of the build. Run it by hand, e.g.
 *
 * <pre>
 * mvn -q -B -pl runtime -am -Pbenchmarks test-compile exec:exec \
 *   -Dbenchmark.main=dev.tunable.benchmarks.ImportanceBenchmark \
 *   -Dbenchmark.args="trials=200 seeds=5 python=/usr/bin/python3"
 * </pre>
 */
public final class ImportanceBenchmark {
  private ImportanceBenchmark() {}

  /** A synthetic function over a space. */
  private record Case(String name, SearchSpace<Config> space, ToDoubleFunction<Config> f) {}

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("half-ignored",
        SearchSpace.builder().real("x1", 0, 1).real("x2", 0, 1).real("noise1", 0, 1)
            .integer("noise2", 0, 10).build(),
        c -> c.getDouble("x1") + 2 * c.getDouble("x2")));
    cases.add(new Case("interaction",
        SearchSpace.builder().real("x1", 0, 1).real("x2", 0, 1).real("x3", 0, 1).build(),
        c -> 10 * c.getDouble("x1") * c.getDouble("x2") + 2 * c.getDouble("x3")));
    cases.add(new Case("mixed",
        SearchSpace.builder().real("lr", 1e-4, 1, Scale.LOG).integer("units", 16, 256, Scale.LOG)
            .categorical("activation", "relu", "tanh", "sigmoid").real("dropout", 0, 0.5)
            .integer("layers", 1, 4).bool("bias").build(),
        c -> {
          double lr = Math.log10(c.getDouble("lr")) + 2;
          double activation = switch (c.getString("activation")) {
            case "relu" -> 0;
            case "tanh" -> 0.5;
            default -> 1.5;
          };
          return lr * lr + activation + 0.4 * Math.log(c.getLong("units"))
              + c.getDouble("dropout") * c.getLong("layers");
        }));
    TestFunction branin = TestFunction.branin();
    cases.add(new Case("branin", branin.space(), branin::apply));
    return cases;
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("trials", "200");
    options.put("seeds", "5");
    options.put("python", "/usr/bin/python3");
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      int eq = arg.indexOf('=');
      if (arg.isEmpty()) {
        continue;
      }
      if (eq < 0 || !options.containsKey(arg.substring(0, eq))) {
        throw new IllegalArgumentException(
            "unknown argument '" + arg + "'; expected trials=, seeds= or python=");
      }
      options.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    int trials = Integer.parseInt(options.get("trials"));
    int seeds = Integer.parseInt(options.get("seeds"));

    List<Case> cases = cases();
    List<List<FrozenTrial>> studies = new ArrayList<>();
    List<Object> request = new ArrayList<>();
    for (Case c : cases) {
      Study study = Study.builder().name(c.name).sampler(Samplers.random(2026)).progress(false)
          .build();
      study.optimize(c.space, trials, trial -> c.f.applyAsDouble(trial.params()));
      studies.add(study.trials());
      request.add(caseJson(c, study.trials()));
    }
    List<Integer> seedList = new ArrayList<>();
    for (int s = 0; s < seeds; s++) {
      seedList.add(s);
    }
    Path file = Files.createTempFile("importance-trials", ".json");
    Files.writeString(file, Json.write(Map.of("cases", request, "seeds", seedList)));
    Map<?, ?> optuna = runOptuna(options.get("python"), file);
    Files.delete(file);

    System.out.printf(Locale.ROOT, "fANOVA importance, %d random trials per function, forest"
        + " seeds 0-%d; Optuna %s%n", trials, seeds - 1, optuna.get("optuna"));
    double worstSeedZero = 0;
    double worstMean = 0;
    double tunableSpread = 0;
    double optunaSpread = 0;
    for (int k = 0; k < cases.size(); k++) {
      Case c = cases.get(k);
      Map<?, ?> reference = (Map<?, ?>) ((List<?>) optuna.get("cases")).get(k);
      List<Map<String, Double>> ours = new ArrayList<>();
      long start = System.nanoTime();
      for (int s = 0; s < seeds; s++) {
        ours.add(FanovaImportance.of(c.space, studies.get(k), s));
      }
      double msPerEvaluation = (System.nanoTime() - start) / 1e6 / seeds;
      List<?> theirs = (List<?>) reference.get("unit");
      Map<?, ?> declared = (Map<?, ?>) reference.get("declared");
      System.out.printf(Locale.ROOT, "%n%s: Tunable %.0f ms, Optuna %.1f s per evaluation%n",
          c.name, msPerEvaluation, Json.toDouble(reference.get("secondsPerEvaluation")));
      System.out.printf(Locale.ROOT, "  %-11s %-23s %-23s %s%n", "", "Tunable seed 0 [range]",
          "Optuna seed 0 [range]", "Optuna as declared");
      for (Dimension<?> dimension : c.space.dimensions()) {
        String name = dimension.name();
        double[] mine = new double[seeds];
        double[] other = new double[seeds];
        for (int s = 0; s < seeds; s++) {
          mine[s] = ours.get(s).get(name);
          other[s] = Json.toDouble(((Map<?, ?>) theirs.get(s)).get(name));
        }
        System.out.printf(Locale.ROOT, "  %-11s %.3f [%.3f, %.3f]   %.3f [%.3f, %.3f]   %.3f%n",
            name, mine[0], min(mine), max(mine), other[0], min(other), max(other),
            Json.toDouble(declared.get(name)));
        worstSeedZero = Math.max(worstSeedZero, Math.abs(mine[0] - other[0]));
        worstMean = Math.max(worstMean, Math.abs(mean(mine) - mean(other)));
        tunableSpread = Math.max(tunableSpread, max(mine) - min(mine));
        optunaSpread = Math.max(optunaSpread, max(other) - min(other));
      }
    }
    System.out.printf(Locale.ROOT, "%nLargest absolute difference, Tunable against Optuna on the"
        + " same coordinates: %.3f with seed 0 in both, %.3f between the means over %d seeds%n",
        worstSeedZero, worstMean, seeds);
    System.out.printf(Locale.ROOT, "Largest range over forest seeds of one importance: Tunable"
        + " %.3f, Optuna %.3f%n", tunableSpread, optunaSpread);
  }

  /** A case as the Python script reads it: dimensions, and trials with values and coordinates. */
  private static Map<String, Object> caseJson(Case c, List<FrozenTrial> trials) {
    SpaceEncoding encoding = SpaceEncoding.of(c.space);
    List<Object> dimensions = new ArrayList<>();
    for (Dimension<?> dimension : c.space.dimensions()) {
      dimensions.add(dimension.accept(DESCRIBE));
    }
    List<Object> rows = new ArrayList<>();
    for (FrozenTrial trial : trials) {
      double[] unit = encoding.encode(trial.params());
      Map<String, Object> params = new LinkedHashMap<>();
      Map<String, Object> coordinates = new LinkedHashMap<>();
      for (int d = 0; d < unit.length; d++) {
        String name = c.space.dimensions().get(d).name();
        Object value = trial.params().get(name);
        params.put(name, value);
        coordinates.put(name,
            encoding.kind(d) == SpaceEncoding.Kind.CATEGORICAL ? value : (Object) unit[d]);
      }
      rows.add(Map.of("params", params, "unit", coordinates, "value", trial.value()));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("name", c.name);
    json.put("dimensions", dimensions);
    json.put("trials", rows);
    return json;
  }

  /** A dimension as Optuna declares it. */
  private static final Dimension.Visitor<Map<String, Object>> DESCRIBE = new Dimension.Visitor<>() {
    @Override
    public Map<String, Object> visitReal(RealDimension real) {
      return numeric(real.name(), "float", real.low(), real.high(), real.scale());
    }

    @Override
    public Map<String, Object> visitInteger(IntegerDimension integer) {
      return numeric(integer.name(), "int", integer.low(), integer.high(), integer.scale());
    }

    @Override
    public Map<String, Object> visitCategorical(CategoricalDimension<?> categorical) {
      return Map.of("name", categorical.name(), "kind", "categorical",
          "choices", categorical.choices());
    }

    @Override
    public Map<String, Object> visitBoolean(BooleanDimension bool) {
      return Map.of("name", bool.name(), "kind", "categorical", "choices", List.of(false, true));
    }

    private Map<String, Object> numeric(String name, String kind, Object low, Object high,
        Scale scale) {
      return Map.of("name", name, "kind", kind, "low", low, "high", high,
          "log", scale == Scale.LOG);
    }
  };

  private static Map<?, ?> runOptuna(String python, Path trials)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("importance_optuna", ".py");
    try (InputStream in = ImportanceBenchmark.class.getResourceAsStream("importance_optuna.py")) {
      Files.write(script, in.readAllBytes());
    }
    Process process = new ProcessBuilder(python, script.toString(), trials.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    Files.delete(script);
    if (exit != 0) {
      throw new IllegalStateException(python + " " + script + " exited with " + exit);
    }
    return (Map<?, ?>) Json.parse(out);
  }

  private static double min(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
    }
    return min;
  }

  private static double max(double[] values) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }
}
