/**
 * Evaluation: seeded train/validation splits, k-fold and stratified k-fold cross-validation,
 * nested cross-validation, and the common metrics.
 *
 * <p>Everything here works on row numbers, not on data: a {@link dev.tunable.evaluation.Fold} says
 * which rows train and which rows score, so any data layout (arrays, matrices, data frames) fits.
 *
 * <pre>{@code
 * List<Fold> folds = Splitter.stratifiedKFold(5, 42).split(labels);
 * CrossValidationResult cv = CrossValidation.run(folds, fold -> {
 *   Model model = new Model();
 *   model.fit(x, y, fold.train());
 *   return Metrics.accuracy(y, model.predict(x), fold.test());
 * });
 * cv.mean(); cv.standardDeviation();
 * }</pre>
 *
 * @since 0.1
 */
package dev.tunable.evaluation;
