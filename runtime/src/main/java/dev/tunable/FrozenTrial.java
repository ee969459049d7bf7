package dev.tunable;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of one trial: what samplers, pruners, callbacks and exports see. It never
 * changes; {@link Study#trials()} returns fresh snapshots.
 *
 * <p>Hyperparameter values are held in their stored form: {@link Double} for reals, {@link Long}
 * for integers, {@link Boolean}, and the label ({@link String}) of a categorical choice, so that a
 * snapshot read back from a file equals the one that was written. {@link SearchSpace#create}
 * turns them back into the space's typed value.
 *
 * @since 0.1
 */
public final class FrozenTrial {
  private static final double[] NONE = {};

  private final long number;
  private final TrialState state;
  private final double[] values;
  private final Config params;
  private final SortedMap<Long, Double> intermediateValues;
  private final SortedMap<Long, double[]> reportedVectors;
  private final double[] constraints;
  private final Map<String, Object> userAttributes;
  private final Instant start;
  private final Instant end;
  private final String failureReason;
  private final long retryOf;

  /**
   * A snapshot; studies make them, and tests through the package's test fixtures.
   *
   * @param values the objective values, empty unless {@code state} is {@link TrialState#COMPLETE}
   * @param reportedVectors the full reports of the steps that reported more than one value; their
   *     first values are those of {@code intermediateValues}
   * @param constraints the constraint values the trial set, empty if none
   * @param end {@code null} while {@code state} is {@link TrialState#RUNNING}
   * @param failureReason {@code null} unless {@code state} is {@link TrialState#FAIL}
   * @param retryOf the number of the trial this one runs again after its worker died, or -1
   */
  FrozenTrial(
      long number,
      TrialState state,
      double[] values,
      Config params,
      SortedMap<Long, Double> intermediateValues,
      SortedMap<Long, double[]> reportedVectors,
      double[] constraints,
      Map<String, Object> userAttributes,
      Instant start,
      Instant end,
      String failureReason,
      long retryOf) {
    this.number = number;
    this.state = Objects.requireNonNull(state, "state");
    this.values = values.clone();
    this.params = Objects.requireNonNull(params, "params");
    // Most trials have neither; sharing the empty maps keeps a snapshot cheap.
    this.intermediateValues = intermediateValues.isEmpty()
        ? Collections.emptySortedMap()
        : Collections.unmodifiableSortedMap(new TreeMap<>(intermediateValues));
    this.constraints = constraints.length == 0 ? NONE : constraints.clone();
    this.userAttributes = userAttributes.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(userAttributes));
    this.start = Objects.requireNonNull(start, "start");
    this.end = end;
    this.failureReason = failureReason;
    this.retryOf = retryOf;
    if (reportedVectors.isEmpty()) {
      this.reportedVectors = Collections.emptySortedMap();
    } else {
      TreeMap<Long, double[]> copy = new TreeMap<>();
      reportedVectors.forEach((step, vector) -> {
        if (!intermediateValues.containsKey(step)
            || Double.compare(intermediateValues.get(step), vector[0]) != 0) {
          throw new IllegalArgumentException("trial #" + number + " reported " + Arrays.toString(
              vector) + " at step " + step + " but its intermediate value there is "
              + intermediateValues.get(step) + "; the first value of a report is the objective's");
        }
        copy.put(step, vector.clone());
      });
      this.reportedVectors = Collections.unmodifiableSortedMap(copy);
    }
    if (state == TrialState.COMPLETE && this.values.length == 0) {
      throw new IllegalArgumentException("trial #" + number + " is COMPLETE but has no value");
    }
  }

  /** The trial's number in its study: 0, 1, 2, … in the order trials were asked for. */
  public long number() {
    return number;
  }

  public TrialState state() {
    return state;
  }

  /** Whether the trial has an objective value, which is when it is {@link TrialState#COMPLETE}. */
  public boolean hasValue() {
    return values.length > 0;
  }

  /**
   * The objective value; with several objectives, the first one's (see {@link #values()}).
   *
   * @throws IllegalStateException if the trial is not {@link TrialState#COMPLETE}
   */
  public double value() {
    if (values.length == 0) {
      throw new IllegalStateException(
          "trial #" + number + " is " + state + " and has no value; check hasValue() or state()");
    }
    return values[0];
  }

  /** The objective values, one per objective; empty unless complete. A copy. */
  public double[] values() {
    return values.clone();
  }

  /**
   * The constraint values the trial reported with {@link Trial#setConstraints}, where {@code c <=
   * 0} means the constraint is met; empty if it reported none. A copy.
   */
  public double[] constraints() {
    return constraints.clone();
  }

  /** Whether every constraint the trial reported is met ({@code c <= 0}); true if it has none. */
  public boolean isFeasible() {
    for (double c : constraints) {
      if (!(c <= 0)) {
        return false;
      }
    }
    return true;
  }

  /** The hyperparameter values, in their stored form (see the class comment). */
  public Config params() {
    return params;
  }

  /** The values reported with {@link Trial#report}, by step; unmodifiable. */
  public SortedMap<Long, Double> intermediateValues() {
    return intermediateValues;
  }

  /** The value reported at the highest step, if any: the score a pruned trial had reached. */
  public OptionalDouble lastIntermediateValue() {
    return intermediateValues.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(intermediateValues.get(intermediateValues.lastKey()));
  }

  /**
   * Every value reported at {@code step} (see {@link Trial#report(long, double...)}): one per
   * objective or more; empty if the trial reported nothing there. A copy.
   */
  public double[] reportedValues(long step) {
    double[] vector = reportedVectors.get(step);
    if (vector != null) {
      return vector.clone();
    }
    Double value = intermediateValues.get(step);
    return value == null ? new double[0] : new double[] {value};
  }

  /** The attributes set with {@link Trial#setUserAttribute}; unmodifiable. */
  public Map<String, Object> userAttributes() {
    return userAttributes;
  }

  /** When the trial was asked for. */
  public Instant start() {
    return start;
  }

  /** When the trial finished; empty while it runs. */
  public Optional<Instant> end() {
    return Optional.ofNullable(end);
  }

  /**
   * The trial this one runs again, because that trial's worker died before it finished (see
   * {@link Study.Builder#retryTrialsOfDeadWorkers}); empty for a first run.
   */
  public OptionalLong retryOf() {
    return retryOf < 0 ? OptionalLong.empty() : OptionalLong.of(retryOf);
  }

  /** Why the trial failed, e.g. the exception the objective threw; empty unless it failed. */
  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FrozenTrial that
        && number == that.number
        && state == that.state
        && Arrays.equals(values, that.values)
        && params.equals(that.params)
        && intermediateValues.equals(that.intermediateValues)
        && sameVectors(reportedVectors, that.reportedVectors)
        && Arrays.equals(constraints, that.constraints)
        && userAttributes.equals(that.userAttributes)
        && start.equals(that.start)
        && Objects.equals(end, that.end)
        && Objects.equals(failureReason, that.failureReason)
        && retryOf == that.retryOf;
  }

  private static boolean sameVectors(SortedMap<Long, double[]> a, SortedMap<Long, double[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (Map.Entry<Long, double[]> entry : a.entrySet()) {
      if (!Arrays.equals(entry.getValue(), b.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, state, Arrays.hashCode(values), params);
  }

  @Override
  public String toString() {
    return "Trial #" + number + " " + state
        + (hasValue() ? " value=" + (values.length == 1 ? values[0] : Arrays.toString(values)) : "")
        + " " + params
        + (failureReason != null ? " reason: " + failureReason : "");
  }
}
