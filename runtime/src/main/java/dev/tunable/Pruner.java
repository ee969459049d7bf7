package dev.tunable;

/**
 * Decides whether a running trial should stop early, from the values it and earlier trials
 * reported with {@link Trial#report}. Built-in pruners come from {@link Pruners}.
 *
 * <p>A pruner sees immutable snapshots through its {@link PrunerContext}, never live trials.
 * Thread-safety: with several workers, {@code shouldPrune} is called from several threads at once
 * (one call per {@link Trial#shouldPrune()}), so implementations must be thread-safe; the built-in
 * ones are stateless.
 *
 * <p>Over a conditional search space, the built-in pruners compare a trial with the trials of
 * every branch alike, as Optuna's do: they read reported values by step and never the
 * hyperparameters, so a trial of one branch is pruned if it does worse than the others' trials
 * at the same step, whichever branch those took.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Pruner {
  /** Whether {@link PrunerContext#trial()} should be pruned now. */
  boolean shouldPrune(PrunerContext context);
}
