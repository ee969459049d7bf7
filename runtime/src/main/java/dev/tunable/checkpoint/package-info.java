/**
 * Checkpoints: a trial's learned state kept by study and trial number, so that a study can hand
 * back the best model of the run and not only its hyperparameters.
 */
package dev.tunable.checkpoint;
