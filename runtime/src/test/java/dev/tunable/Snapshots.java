package dev.tunable;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trial snapshots for tests of samplers and pruners. The public API makes them only through a
 * study; tests build histories directly. Every trial starts, and every finished one ends, at the
 * epoch.
 */
public final class Snapshots {
  private static final double[] NONE = {};

  private Snapshots() {}

  /** A complete trial with one value per objective. */
  public static FrozenTrial complete(long number, Config params, double... values) {
    return trial(number, TrialState.COMPLETE, values, params, Map.of(), null);
  }

  /** A trial still running, having reported nothing. */
  public static FrozenTrial running(long number, Config params) {
    return trial(number, TrialState.RUNNING, NONE, params, Map.of(), null);
  }

  /** A trial still running, having reported {@code reports} (value by step). */
  public static FrozenTrial running(long number, Config params, Map<Long, Double> reports) {
    return trial(number, TrialState.RUNNING, NONE, params, reports, null);
  }

  /** A trial pruned after reporting {@code reports} (value by step). */
  public static FrozenTrial pruned(long number, Config params, Map<Long, Double> reports) {
    return trial(number, TrialState.PRUNED, NONE, params, reports, null);
  }

  /** A failed trial. */
  public static FrozenTrial failed(long number, Config params, String reason) {
    return trial(number, TrialState.FAIL, NONE, params, Map.of(), reason);
  }

  /** Any trial: {@code values} only if complete, {@code reason} only if failed. */
  public static FrozenTrial trial(long number, TrialState state, double[] values, Config params,
      Map<Long, Double> reports, String reason) {
    return new FrozenTrial(number, state, values, params, new TreeMap<>(reports),
        Collections.emptySortedMap(), NONE, Map.of(), Instant.EPOCH,
        state == TrialState.RUNNING ? null : Instant.EPOCH, reason, -1);
  }

  /** {@code trial} with user attributes, as a study records them. */
  public static FrozenTrial withAttributes(FrozenTrial trial, Map<String, Object> attributes) {
    return new FrozenTrial(trial.number(), trial.state(), trial.values(), trial.params(),
        trial.intermediateValues(), Collections.emptySortedMap(), trial.constraints(),
        attributes, trial.start(), trial.end().orElse(null),
        trial.failureReason().orElse(null), trial.retryOf().orElse(-1));
  }

  /**
   * The attributes a study records with a proposal {@code sampler} made for {@code context} in
   * {@code costNanos} of CPU time ({@link ProposalCost}), for harnesses that run samplers without
   * a study.
   */
  public static Map<String, Object> proposalAttributes(Sampler sampler, SamplerContext context,
      long costNanos) {
    return ProposalCost.attributes(sampler, context, costNanos);
  }

  /** A new snapshot equal to {@code trial}. */
  public static FrozenTrial copy(FrozenTrial trial) {
    return constrained(trial, trial.constraints());
  }

  /** {@code trial} with constraint values ({@code c <= 0} is met). */
  public static FrozenTrial constrained(FrozenTrial trial, double... constraints) {
    return new FrozenTrial(trial.number(), trial.state(), trial.values(), trial.params(),
        trial.intermediateValues(), Collections.emptySortedMap(), constraints,
        trial.userAttributes(), trial.start(), trial.end().orElse(null),
        trial.failureReason().orElse(null), trial.retryOf().orElse(-1));
  }
}
