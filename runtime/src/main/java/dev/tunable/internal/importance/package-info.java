/**
 * Hyperparameter importance by fANOVA (Hutter, Hoos and Leyton-Brown, "An Efficient Approach for
 * Assessing Hyperparameter Importance", ICML 2014), computed as Optuna's default evaluator does: a
 * random forest of regression trees fitted to the complete trials ({@link
 * dev.tunable.internal.importance.RandomForest}), each tree read as boxes of constant prediction
 * ({@link dev.tunable.internal.importance.LeafBoxes}), and the share of each tree's variance that
 * one hyperparameter's main effect explains, averaged over the trees ({@link
 * dev.tunable.internal.importance.Fanova}). The entry point is {@link
 * dev.tunable.internal.importance.FanovaImportance}. Internal: use {@code Study.importance}.
 */
package dev.tunable.internal.importance;
