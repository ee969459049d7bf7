package dev.tunable;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The replayed, mutable state of one trial inside a study; guarded by the study's lock. */
final class TrialRecord {
  private static final double[] NO_VALUES = {};

  final long number;
  final Config params;
  final Instant start;
  final String worker;
  TrialState state = TrialState.RUNNING;
  double[] values = NO_VALUES;
  final TreeMap<Long, Double> intermediateValues = new TreeMap<>();
  /** The full reports of the steps that reported more than one value. */
  final TreeMap<Long, double[]> reportedVectors = new TreeMap<>();
  double[] constraints = NO_VALUES;
  /** The trial this one runs again after its worker died, or -1. */
  long retryOf = -1;
  /** The settings in force when the trial started, or null if none were recorded. */
  StudyRun run;
  final Map<String, Object> userAttributes = new LinkedHashMap<>();
  Instant end;
  String failureReason;
  private FrozenTrial snapshot;

  TrialRecord(long number, Config params, Instant start, String worker) {
    this.number = number;
    this.params = params;
    this.start = start;
    this.worker = worker;
  }

  /** Call after every change, so that the next snapshot sees it. */
  void changed() {
    snapshot = null;
  }

  FrozenTrial snapshot() {
    if (snapshot == null) {
      snapshot = new FrozenTrial(number, state, values, params, intermediateValues,
          reportedVectors, constraints, userAttributes, start, end, failureReason, retryOf);
    }
    return snapshot;
  }
}
