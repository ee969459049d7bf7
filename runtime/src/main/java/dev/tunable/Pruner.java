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
 * @since 0.1
 */
@FunctionalInterface
public interface Pruner {
  /** Whether {@link PrunerContext#trial()} should be pruned now. */
  boolean shouldPrune(PrunerContext context);
}
