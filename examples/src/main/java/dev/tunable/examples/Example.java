package dev.tunable.examples;

import dev.tunable.Direction;
import dev.tunable.SearchSpace;
import dev.tunable.evaluation.CrossValidation;
import dev.tunable.evaluation.CrossValidationResult;
import dev.tunable.evaluation.FoldListener;
import dev.tunable.evaluation.Splitter;

/**
 * One of the runnable examples: a model, the data it learns from, and how it is scored. {@link
 * Main} tunes any of them the same way; each implementation is the few lines a user writes to tune
 * a model of their own.
 *
 * @param <H> the model's generated hyperparameters record
 */
interface Example<H> {

  /** The name on the command line: {@code logistic}, {@code mlp} or {@code boosting}. */
  String name();

  /** What is tuned on what, for the output. */
  String title();

  /** The data. */
  Dataset data();

  /** The generated search space over the model's hyperparameters. */
  SearchSpace<H> space();

  /** The model's defaults: what a user gets without tuning. */
  H defaults();

  /** The name of the score, for the output. */
  String metric();

  /** Whether a higher score is better. */
  default Direction direction() {
    return Direction.MAXIMIZE;
  }

  /** The class of each row, to stratify splits on; {@code null} for regression. */
  int[] strata();

  /** How the tuning rows are cross-validated. */
  Splitter folds(long seed);

  /** Trains a model with {@code hyperparameters} on rows {@code train}; scores it on {@code test}. */
  double fitAndScore(H hyperparameters, int[] train, int[] test, long seed);

  /** How the final test rows are held out from the tuning. */
  default Splitter holdout(long seed) {
    return strata() == null ? Splitter.holdout(0.2, seed) : Splitter.stratifiedHoldout(0.2, seed);
  }

  /** Cross-validates {@code hyperparameters} on {@code rows}, telling {@code listener} each fold. */
  default CrossValidationResult crossValidate(
      H hyperparameters, int[] rows, long seed, FoldListener listener) {
    return CrossValidation.run(
        folds(seed).split(rows, strata()),
        fold -> fitAndScore(hyperparameters, fold.train(), fold.test(), seed),
        listener);
  }

  /** The example named {@code name}. */
  static Example<?> named(String name) {
    return switch (name) {
      case "logistic" -> new LogisticRegressionExample();
      case "mlp" -> new MultilayerPerceptronExample();
      case "boosting" -> new GradientBoostedTreesExample();
      default -> throw new IllegalArgumentException(
          "unknown example '" + name + "'; choose logistic, mlp or boosting");
    };
  }
}
