/**
 * Population-based training (Jaderberg et al. 2017): {@link dev.tunable.pbt.PopulationBasedTraining}
 * trains a population of models in parallel and, at intervals, lets the worst copy the learned
 * state of the best and explore near their hyperparameters, so hyperparameters follow a schedule
 * found while training.
 */
package dev.tunable.pbt;
