package dev.tunable.examples;

import dev.tunable.Config;
import dev.tunable.FrozenTrial;
import dev.tunable.Pruners;
import dev.tunable.Samplers;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import dev.tunable.evaluation.CrossValidationResult;
import dev.tunable.evaluation.Fold;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Tunes one of the examples on its bundled data and reports what came out:
 *
 * <pre>
 * Main [logistic|mlp|boosting] [--trials N] [--storage PATH] [--seed S]
 * Main nested [logistic|mlp|boosting] [--trials N] [--seed S]
 * Main benchmark [logistic|mlp|all] [--trials N] [--seeds 0,1,2]
 * Main pruning [--trials N] [--seeds 0,1,2]
 * Main xgboost [--trials N] [--seeds 0,1,2]
 * Main pbt [--seed S]
 * </pre>
 *
 * <p>A fifth of the rows is held out first; the study tunes on the rest by cross-validation and
 * records every trial in a file, so that running the same command again resumes it (asking for
 * more trials extends it). At the end the best hyperparameters are retrained on all the tuning rows
 * and scored once on the held-out rows, which no trial has seen. {@code nested} estimates the tuned
 * model's score by {@link NestedTuning nested cross-validation} instead; {@code benchmark} runs
 * {@link Benchmark}, {@code pruning} the {@link PruningBenchmark}, {@code xgboost} the {@link
 * XGBoostBenchmark}, and {@code pbt} the {@link PopulationBasedTrainingExample}.
 */
public final class Main {
  private static final String USAGE =
      "usage: Main [logistic|mlp|boosting] [--trials N] [--storage PATH] [--seed S]\n"
          + "       Main nested [logistic|mlp|boosting] [--trials N] [--seed S]\n"
          + "       Main benchmark [logistic|mlp|all] [--trials N] [--seeds 0,1,2]\n"
          + "       Main pruning [--trials N] [--seeds 0,1,2]\n"
          + "       Main xgboost [--trials N] [--seeds 0,1,2]\n"
          + "       Main pbt [--seed S]";

  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("benchmark")) {
      Benchmark.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("pruning")) {
      PruningBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("xgboost")) {
      try {
        XGBoostBenchmark.main(Arrays.copyOfRange(args, 1, args.length));
      } catch (XGBoostError e) {
        throw new IllegalStateException("XGBoost failed", e);
      }
      return;
    }
    if (args.length > 0 && args[0].equals("pbt")) {
      PopulationBasedTrainingExample.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    boolean nested = args.length > 0 && args[0].equals("nested");
    Options options;
    try {
      options = Options.parse(nested ? Arrays.copyOfRange(args, 1, args.length) : args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (nested) {
      NestedTuning.run(Example.named(options.example()), 5, options.trials(), options.seed(),
          System.out);
    } else {
      tune(Example.named(options.example()), options, System.out);
    }
  }

  /** The command line, checked. */
  record Options(String example, int trials, Path storage, long seed) {
    static Options parse(String[] args) {
      String example = "logistic";
      Integer trials = null;
      Path storage = null;
      long seed = 42;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--trials" -> trials = positive("--trials", value(args, ++i, arg));
          case "--storage" -> storage = Path.of(value(args, ++i, arg));
          case "--seed" -> seed = number("--seed", value(args, ++i, arg));
          case "logistic", "mlp", "boosting" -> example = arg;
          default -> throw new IllegalArgumentException(
              "unknown argument '" + arg + "'; the examples are logistic, mlp and boosting");
        }
      }
      if (trials == null) {
        trials = example.equals("mlp") ? 20 : 30;
      }
      if (storage == null) {
        storage = Path.of("tunable-studies", example + ".journal");
      }
      return new Options(example, trials, storage.toAbsolutePath().normalize(), seed);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static long number(String option, String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " needs a whole number, got '" + text + "'");
      }
    }

    private static int positive(String option, String text) {
      long n = number(option, text);
      if (n < 1 || n > 100_000) {
        throw new IllegalArgumentException(option + " must be between 1 and 100000, got " + n);
      }
      return (int) n;
    }
  }

  static <H> void tune(Example<H> example, Options options, PrintStream out) {
    Dataset data = example.data();
    int[] rows = new int[data.size()];
    Arrays.setAll(rows, i -> i);
    Fold holdout = example.holdout(options.seed()).split(rows, example.strata()).get(0);
    int[] tuningRows = holdout.train();
    String metric = example.metric();
    out.printf(Locale.ROOT, "Tuning %s.%n", example.title());
    out.printf(Locale.ROOT, "  %d rows held out for the final test; tuning on %d rows with %s.%n",
        holdout.testSize(), holdout.trainSize(), example.folds(options.seed()));
    createParent(options.storage());
    String studyName = example.name() + "-seed" + options.seed();
    try (Storage storage = Storages.file(options.storage())) {
      long started = System.nanoTime();
      Study study = Study.builder()
          .name(studyName)
          .direction(example.direction())
          .sampler(Samplers.tpe(options.seed()))
          // stops a configuration whose first folds are clearly worse than the best trial's
          .pruner(Pruners.folds())
          .storage(storage)
          .loadIfExists(true)
          .progress(false)
          .callback((s, trial) -> printTrial(out, s, trial, options.trials(), metric))
          .build();
      int earlier = study.trials().size();
      int remaining = options.trials() - earlier;
      out.printf(Locale.ROOT, "  Study '%s' is recorded in %s; if this run stops, run the same"
          + " command to resume it.%n", studyName, options.storage());
      if (earlier > 0) {
        out.printf(Locale.ROOT, "  Resuming study '%s': %d trials already recorded.%n",
            studyName, earlier);
      }
      if (remaining > 0) {
        out.printf(Locale.ROOT, "  Running %d trials (TPE sampler, seed %d)...%n%n",
            remaining, options.seed());
        study.optimize(example.space(), remaining, trial -> {
          CrossValidationResult cv = example.crossValidate(
              trial.params(), tuningRows, options.seed(), fold -> {
                trial.report(fold.fold(), fold.meanSoFar());
                if (trial.shouldPrune()) {
                  throw trial.pruned();
                }
              });
          trial.setUserAttribute("standardDeviation", cv.standardDeviation());
          return cv.mean();
        });
      } else {
        out.printf(Locale.ROOT,
            "  The study already has %d trials; nothing to run (raise --trials for more).%n",
            earlier);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      summarize(example, study, holdout, options, elapsed, out);
    }
  }

  /** Prints the best trial, its scores against the defaults', and how to resume the study. */
  private static <H> void summarize(Example<H> example, Study study, Fold holdout,
      Options options, Duration elapsed, PrintStream out) {
    int[] tuningRows = holdout.train();
    String metric = example.metric();
    Trial<H> best = study.bestTrial(example.space());
    out.printf(Locale.ROOT, "%nBest hyperparameters (trial %d; %d trials in the study):%n",
        best.number(), study.trials().size());
    Map<String, Object> values = example.space().config(best.params()).asMap();
    int width = values.keySet().stream().mapToInt(String::length).max().orElse(0);
    values.forEach((name, value) ->
        out.printf(Locale.ROOT, "  %-" + width + "s = %s%n", name, format(value)));

    CrossValidationResult untuned =
        example.crossValidate(example.defaults(), tuningRows, options.seed(), fold -> {});
    Object deviation = best.userAttributes().get("standardDeviation");
    out.printf(Locale.ROOT, "%nCross-validated %s, tuned:    %.4f%s%n", metric, best.value(),
        deviation instanceof Number d
            ? String.format(Locale.ROOT, " ± %.4f", d.doubleValue())
            : "");
    out.printf(Locale.ROOT, "Cross-validated %s, defaults: %s%n", metric, untuned);
    double tunedTest =
        example.fitAndScore(best.params(), tuningRows, holdout.test(), options.seed());
    double defaultTest =
        example.fitAndScore(example.defaults(), tuningRows, holdout.test(), options.seed());
    out.printf(Locale.ROOT, "Held-out test %s: %.4f tuned, %.4f defaults (%d rows no trial has"
        + " seen; trained on all %d tuning rows)%n", metric, tunedTest, defaultTest,
        holdout.testSize(), holdout.trainSize());

    Path report = options.storage().resolveSibling(study.name() + ".html");
    study.writeReport(report);
    out.printf(Locale.ROOT, "%nReport (open it in a browser): %s%n", report);

    int more = Math.max(options.trials(), study.trials().size()) * 2;
    out.printf(Locale.ROOT, "%nStudy '%s' is stored in %s (%.1f s of tuning in this run).%n",
        study.name(), options.storage(), elapsed.toMillis() / 1000.0);
    out.printf(Locale.ROOT, "Run the same command to resume it; to extend it to %d trials:%n",
        more);
    out.printf(Locale.ROOT, "  mvn -B -q -DskipTests package exec:java -pl examples -am"
            + " -Dexec.args=\"%s --trials %d --storage %s --seed %d\"%n",
        example.name(), more, options.storage(), options.seed());
  }

  private static void printTrial(
      PrintStream out, Study study, FrozenTrial trial, int total, String metric) {
    String outcome = trial.state() == TrialState.COMPLETE
        ? String.format(Locale.ROOT, "%s %.4f", metric, trial.value())
        : trial.state() + trial.failureReason().map(r -> " (" + r + ")").orElse("");
    String best;
    try {
      best = String.format(Locale.ROOT, "best %.4f", study.bestTrial().value());
    } catch (NoSuchElementException e) {
      best = "no best yet";
    }
    int width = String.valueOf(total).length();
    out.printf(Locale.ROOT, "  [%" + width + "d/%d] trial %-3d %-18s %-12s %s%n",
        study.trials().size(), total, trial.number(), outcome, best, compact(trial.params()));
  }

  static String compact(Config params) {
    StringBuilder text = new StringBuilder();
    params.asMap().forEach((name, value) ->
        text.append(text.length() == 0 ? "" : " ").append(name).append('=').append(format(value)));
    return text.toString();
  }

  private static String format(Object value) {
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, "%.4g", d);
    }
    return String.valueOf(value);
  }

  private static void createParent(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory for the study at " + file, e);
    }
  }
}
