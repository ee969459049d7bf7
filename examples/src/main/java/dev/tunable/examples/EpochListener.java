package dev.tunable.examples;

/**
 * Told at the end of every training epoch, for progress output or to report to a trial, which lets
 * a pruner stop a hopeless configuration before its last epoch:
 *
 * <pre>{@code
 * model.fit(x, y, (epoch, loss) -> {
 *   trial.report(epoch, loss);
 *   if (trial.shouldPrune()) throw trial.pruned();
 * });
 * }</pre>
 */
@FunctionalInterface
public interface EpochListener {
  /** Called after epoch {@code epoch} (from 0) with the mean training loss over its batches. */
  void onEpoch(int epoch, double trainingLoss);
}
