package dev.tunable.examples;

import dev.tunable.Condition;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.Sampler;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.evaluation.CrossValidation;
import dev.tunable.evaluation.Fold;
import dev.tunable.evaluation.Metrics;
import dev.tunable.evaluation.Splitter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reproduces issue 4's protocol, which a scikit-learn and Optuna reference was measured with: the
 * best mean cross-validated accuracy that 30 trials reach, for each of 3 seeds, with wall time.
 *
 * <ul>
 *   <li>logistic: {@link LogisticRegression} (every hyperparameter tuned) on all 569 rows of
 *       breast_cancer.csv, stratified 5-fold accuracy;
 *   <li>mlp: {@link MultilayerPerceptron} with one hidden layer and 50 epochs, tuning units, weight
 *       decay and learning rate (and with {@code --tune-optimizer} the optimizer), on all 1797
 *       rows of digits.csv, stratified 3-fold accuracy.
 * </ul>
 *
 * <p>The seed drives the sampler, the folds and the models' training. Run with {@code Main
 * benchmark [logistic|mlp|all] [--trials N] [--seeds 0,1,2]
 * [--sampler tpe|cmaes|gp|sobol|random] [--tune-optimizer]}; TPE by default, as in the
 * reference.
 */
final class Benchmark {
  private Benchmark() {}

  static void main(String[] args) {
    String which = "all";
    int trials = 30;
    long[] seeds = {0, 1, 2};
    String sampler = "tpe";
    boolean tuneOptimizer = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "logistic", "mlp", "all" -> which = args[i];
        case "--trials" -> trials = Integer.parseInt(args[++i]);
        case "--sampler" -> sampler = args[++i];
        case "--tune-optimizer" -> tuneOptimizer = true;
        case "--seeds" ->
            seeds = Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
        default -> throw new IllegalArgumentException(
            "unknown argument '" + args[i] + "'; usage: benchmark [logistic|mlp|all] [--trials N]"
                + " [--seeds 0,1,2] [--sampler tpe|cmaes|gp|sobol|random] [--tune-optimizer]");
      }
    }
    System.out.printf(Locale.ROOT,
        "Sampler: %s (seeded); %d trials per seed; %d cores available%n",
        sampler, trials, Runtime.getRuntime().availableProcessors());
    if (!which.equals("mlp")) {
      run("logistic regression, breast_cancer, stratified 5-fold CV accuracy", sampler, seeds,
          trials,
          Dataset.breastCancer(), 5, LogisticRegressionHyperparameters.SPACE,
          (h, data, fold, seed) -> {
            LogisticRegression model = h.applyTo(new LogisticRegression(seed));
            model.fit(data.features(fold.train()), data.labels(fold.train()));
            return Metrics.accuracy(
                data.labels(fold.test()), model.predict(data.features(fold.test())));
          });
    }
    if (!which.equals("logistic")) {
      MultilayerPerceptron fixed = new MultilayerPerceptron();
      fixed.hiddenLayers = 1;
      fixed.epochs = 50;
      String[] tuned = tuneOptimizer
          ? new String[] {"units", "weightDecay", "learningRate", "optimizer"}
          : new String[] {"units", "weightDecay", "learningRate"};
      run("MLP (1 hidden layer, 50 epochs; " + String.join(", ", tuned) + "), digits,"
              + " stratified 3-fold CV accuracy", sampler, seeds, trials, Dataset.digits(), 3,
          restrict(MultilayerPerceptronHyperparameters.SPACE,
              MultilayerPerceptronHyperparameters.of(fixed), tuned),
          (h, data, fold, seed) -> {
            MultilayerPerceptron network = h.applyTo(new MultilayerPerceptron(seed));
            network.fit(data.features(fold.train()), data.labels(fold.train()));
            return Metrics.accuracy(
                data.labels(fold.test()), network.predict(data.features(fold.test())));
          });
    }
  }

  @FunctionalInterface
  interface Scorer<H> {
    double score(H hyperparameters, Dataset data, Fold fold, long seed);
  }

  private static <H> void run(String title, String sampler, long[] seeds, int trials,
      Dataset data, int folds, SearchSpace<H> space, Scorer<H> scorer) {
    System.out.printf(Locale.ROOT, "%n%s%n", title);
    List<Double> bests = new ArrayList<>();
    long allStarted = System.nanoTime();
    for (long seed : seeds) {
      long started = System.nanoTime();
      List<Fold> split = Splitter.stratifiedKFold(folds, seed).split(data.labels());
      Study study = Study.builder()
          .direction(Direction.MAXIMIZE)
          .sampler(sampler(sampler, seed))
          .progress(false)
          .build();
      Trial<H> best = study.optimize(space, trials, trial ->
          CrossValidation.run(split, fold -> scorer.score(trial.params(), data, fold, seed),
              fold -> trial.report(fold.fold(), fold.meanSoFar())).mean());
      double seconds = (System.nanoTime() - started) / 1e9;
      bests.add(best.value());
      System.out.printf(Locale.ROOT, "  seed %d: best CV accuracy %.4f in %.1f s  (%s)%n",
          seed, best.value(), seconds, space.config(best.params()));
    }
    double mean = bests.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    System.out.printf(Locale.ROOT, "  mean over %d seeds: %.4f; total wall time %.1f s%n",
        seeds.length, mean, (System.nanoTime() - allStarted) / 1e9);
  }

  private static Sampler sampler(String name, long seed) {
    return switch (name) {
      case "tpe" -> Samplers.tpe(seed);
      case "cmaes" -> Samplers.cmaEs(seed);
      case "gp" -> Samplers.gp(seed);
      case "sobol" -> Samplers.sobol(seed);
      case "random" -> Samplers.random(seed);
      default -> throw new IllegalArgumentException(
          "unknown sampler '" + name + "'; choose one of tpe, cmaes, gp, sobol, random");
    };
  }

  /**
   * {@code full} with only the {@code tuned} dimensions left to search; the others keep their
   * values in {@code fixed}. A tuned name also takes the dimensions under it ({@code optimizer}
   * takes {@code optimizer.adam.beta1}), which stay active only in their branch. The dimensions
   * are searched in the order of {@code tuned}; the trials stay typed by {@code H}.
   */
  static <H> SearchSpace<H> restrict(SearchSpace<H> full, H fixed, String... tuned) {
    SearchSpace.Builder layout = SearchSpace.builder();
    for (String name : tuned) {
      for (Dimension<?> dimension : full.dimensions()) {
        if (isTuned(dimension.name(), name)) {
          Optional<Condition> condition = full.condition(dimension.name());
          if (condition.isPresent()) {
            layout.add(dimension, condition.get());
          } else {
            layout.add(dimension);
          }
        }
      }
    }
    SearchSpace<Config> searched = layout.build();
    Map<String, Object> base = new LinkedHashMap<>(full.config(fixed).asMap());
    base.keySet().removeIf(name -> isTuned(name, tuned));
    return SearchSpace.of(
        config -> {
          Map<String, Object> values = new LinkedHashMap<>(base);
          values.putAll(config.asMap());
          return full.create(full.check(values));
        },
        value -> {
          Config all = full.config(value);
          Config.Builder subset = Config.builder();
          for (Dimension<?> dimension : searched.dimensions()) {
            if (all.has(dimension.name())) {
              subset.set(dimension, all.get(dimension.name()));
            }
          }
          return subset.build();
        },
        searched);
  }

  private static boolean isTuned(String name, String... tuned) {
    return Arrays.stream(tuned).anyMatch(t -> name.equals(t) || name.startsWith(t + "."));
  }
}
