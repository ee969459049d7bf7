/**
 * Real models on real data, tuned with Tunable: the examples a user runs first, and the models a
 * library author copies from to annotate their own.
 *
 * <ul>
 *   <li>{@link dev.tunable.examples.LogisticRegression} on breast_cancer.csv: mini-batch gradient
 *       descent, an L1 or L2 penalty, standardized features;
 *   <li>{@link dev.tunable.examples.MultilayerPerceptron} on digits.csv: hidden layers, dropout,
 *       weight decay, SGD with momentum, RMSprop or Adam;
 *   <li>{@link dev.tunable.examples.GradientBoostedTrees} on diabetes.csv: boosted regression
 *       trees scored by R².
 * </ul>
 *
 * <p>Each model marks what is chosen before training with {@code @Hyperparameter} (with the range
 * a search should cover) and what training sets with {@code @Learned}; the annotation processor
 * generates {@code <Model>Hyperparameters} (a typed record and its search space) and {@code
 * <Model>Parameters} (a checkpoint of the learned state). {@link dev.tunable.examples.Main} tunes
 * any of them with cross-validation on an embedded persistent study.
 */
package dev.tunable.examples;
