/**
 * XGBoost4J tuned and pruned through Tunable.
 *
 * <p>A hyperparameters record becomes XGBoost's parameter map with no name written twice: the
 * dimension name is XGBoost's spelling, written once in {@code @Hyperparameter(name = ...)}, and
 * {@code toConfig().asMap()} gives the values by dimension name.
 *
 * <pre>{@code
 * class Xgb {
 *   @Hyperparameter(name = "max_depth", range = {1, 10}) int maxDepth = 6;
 *   @Hyperparameter(name = "eta", range = {0.01, 1}, scale = Scale.LOG) double eta = 0.3;
 * }
 *
 * study.optimize(XgbHyperparameters.SPACE, 30, trial -> {
 *   Map<String, Object> params = new HashMap<>(trial.params().toConfig().asMap());
 *   params.put("objective", "binary:logistic");
 *   Booster booster = XGBoost.train(train, params, 100, Map.of("validation", validation), null,
 *       PruningCallback.of(trial, validation, XGBoostMetrics.accuracy()));
 *   ...
 * });
 * }</pre>
 */
package dev.tunable.xgboost;
