package dev.tunable;

/**
 * Called by {@link Study#optimize} after each trial it ran has finished, for logging, saving or
 * stopping the study early with {@link Study#stop()}.
 *
 * <p>With several workers, callbacks are called from the worker threads, one at a time (never
 * concurrently for one study). An exception thrown by a callback stops {@code optimize}, which
 * rethrows it.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface TrialCallback {
  /** Called after {@code trial} finished; {@code trial} is an immutable snapshot. */
  void afterTrial(Study study, FrozenTrial trial);
}
