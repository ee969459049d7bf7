package dev.tunable.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Nested cross-validation: an unbiased estimate of how well a <em>tuned</em> model does.
 *
 * <p>The best cross-validated score of a tuning study is optimistic: the hyperparameters were
 * chosen because they scored well on those very folds, so part of the score is luck that will not
 * repeat on new data. Nested cross-validation evaluates the whole procedure instead. Each outer
 * fold runs the tuning on its training rows alone (usually with an inner cross-validation over
 * them), then trains with the chosen hyperparameters on those rows and scores the outer held-out
 * rows, which the tuning never saw. The mean of the outer scores estimates what running the tuning
 * on all the data and deploying its result will achieve.
 *
 * <pre>{@code
 * NestedCrossValidationResult<LogisticRegressionHyperparameters> nested =
 *     NestedCrossValidation.run(
 *         Splitter.stratifiedKFold(5, 1).split(labels),
 *         trainRows -> {                            // tune on the outer training rows only
 *           List<Fold> inner = Splitter.stratifiedKFold(3, 2).split(trainRows, labels);
 *           Study study = Study.builder().sampler(Samplers.random(3)).build();
 *           return study.optimize(SPACE, 30, trial -> crossValidate(trial, inner)).params();
 *         },
 *         (best, fold) -> fitAndScore(best, fold.train(), fold.test()));
 * }</pre>
 *
 * @since 0.1
 */
public final class NestedCrossValidation {
  private NestedCrossValidation() {}

  /**
   * Runs {@code tune} on each outer fold's training rows, then {@code evaluate} on the fold with
   * the hyperparameters it chose. Either may throw a checked exception, which reaches the caller
   * as it was thrown (issue 16).
   *
   * @param outerFolds the outer folds
   * @param tune chooses hyperparameters from the given training rows; it never sees held-out rows
   * @param evaluate trains with the chosen hyperparameters on {@code fold.train()} and returns the
   *     score on {@code fold.test()}
   * @param <H> the hyperparameters, for example a generated record
   * @param <E> what {@code tune} and {@code evaluate} may throw
   * @throws E what {@code tune} or {@code evaluate} threw, unchanged
   */
  public static <H, E extends Exception> NestedCrossValidationResult<H> run(
      List<Fold> outerFolds, Tuner<H, E> tune, Evaluator<H, E> evaluate) throws E {
    List<H> chosen = new ArrayList<>(outerFolds.size());
    CrossValidationResult scores =
        CrossValidation.run(
            outerFolds,
            fold -> {
              H best = Objects.requireNonNull(
                  tune.tune(fold.train()), "the tuning of outer fold " + fold.index()
                      + " returned null instead of hyperparameters");
              chosen.add(best);
              return evaluate.evaluate(best, fold);
            });
    return new NestedCrossValidationResult<>(chosen, scores);
  }

  /**
   * Chooses hyperparameters from an outer fold's training rows.
   *
   * @param <H> the hyperparameters
   * @param <E> what it may throw; {@code RuntimeException} when it throws nothing checked
   * @since 0.1
   */
  @FunctionalInterface
  public interface Tuner<H, E extends Exception> {
    /** The hyperparameters chosen by tuning on {@code trainRows} alone, never {@code null}. */
    H tune(int[] trainRows) throws E;
  }

  /**
   * Scores chosen hyperparameters on an outer fold.
   *
   * @param <H> the hyperparameters
   * @param <E> what it may throw; {@code RuntimeException} when it throws nothing checked
   * @since 0.1
   */
  @FunctionalInterface
  public interface Evaluator<H, E extends Exception> {
    /** The score on {@code fold.test()} of a model trained with {@code chosen} on its rows. */
    double evaluate(H chosen, Fold fold) throws E;
  }
}
