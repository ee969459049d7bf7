package dev.tunable.examples;

import dev.tunable.Samplers;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.evaluation.NestedCrossValidation;
import dev.tunable.evaluation.NestedCrossValidationResult;
import dev.tunable.evaluation.Splitter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Nested cross-validation of a whole tuning procedure: each outer fold tunes on its training rows
 * alone (by an inner cross-validation) and scores the chosen hyperparameters on rows the tuning
 * never saw. The best inner score is what a study reports; the outer scores are what the tuned
 * model will do on new data. The gap between them is the optimism of choosing and scoring on the
 * same folds.
 */
final class NestedTuning {
  private NestedTuning() {}

  static <H> NestedCrossValidationResult<H> run(
      Example<H> example, int outerFolds, int trials, long seed, PrintStream out) {
    int[] rows = new int[example.data().size()];
    Arrays.setAll(rows, i -> i);
    Splitter outer = example.strata() == null
        ? Splitter.kFold(outerFolds, seed)
        : Splitter.stratifiedKFold(outerFolds, seed);
    out.printf(Locale.ROOT, "Nested cross-validation of tuning %s:%n", example.title());
    out.printf(Locale.ROOT,
        "  outer: %s; inside each outer training part, %d trials scored by %s.%n%n",
        outer, trials, example.folds(seed));
    List<Double> innerBest = new ArrayList<>();
    NestedCrossValidationResult<H> nested = NestedCrossValidation.run(
        outer.split(rows, example.strata()),
        trainRows -> {
          Study study = Study.builder()
              .direction(example.direction())
              .sampler(Samplers.sobol(seed))
              .progress(false)
              .build();
          Trial<H> best = study.optimize(example.space(), trials, trial ->
              example.crossValidate(trial.params(), trainRows, seed, fold -> {}).mean());
          innerBest.add(best.value());
          return best.params();
        },
        (best, fold) -> {
          double score = example.fitAndScore(best, fold.train(), fold.test(), seed);
          out.printf(Locale.ROOT, "  outer fold %d: best inner %s %.4f, outer %s %.4f  %s%n",
              fold.index(), example.metric(), innerBest.get(fold.index()), example.metric(),
              score, Main.compact(example.space().config(best)));
          return score;
        });
    double optimistic = innerBest.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    out.printf(Locale.ROOT, "%nMean best inner %s (what the studies reported): %.4f%n",
        example.metric(), optimistic);
    out.printf(Locale.ROOT, "Nested estimate of the tuned model's %s:          %s%n",
        example.metric(), nested.scores());
    return nested;
  }
}
