/**
 * Hyperparameters that change during training: learning-rate {@link dev.tunable.schedule.Schedule}s
 * whose value at a step is a pure function of the step and the metric seen so far, and whose own
 * settings (base rate, decay, warm-up length) are tuned like any other hyperparameter.
 */
package dev.tunable.schedule;
