package dev.tunable.storage;

import dev.tunable.CategoricalDimension;
import dev.tunable.Condition;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.TrialState;
import dev.tunable.internal.StoredValues;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change to a study, as a storage records it. A study's state is the replay of its events in
 * the order the storage appended them; every storage (memory, file, database) holds the same
 * events. Values are in stored form: {@link Double}, {@link Long}, {@link Boolean} or {@link
 * String}. Immutable.
 *
 * @since 0.1
 */
public sealed interface Event {

  /** The name of the study the event belongs to. */
  String study();

  /**
   * Calls {@code visitor}'s method for this kind of event. It is the one dispatch over the kinds
   * of event: a new kind adds a method to {@link Visitor}, so that every storage codec and the
   * study's replay fail to compile until they handle it.
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of event.
   *
   * @param <R> what the visit returns
   */
  interface Visitor<R> {
    R visitStudyCreated(StudyCreated event);

    R visitSpaceSet(SpaceSet event);

    R visitRunRecorded(RunRecorded event);

    R visitTrialEnqueued(TrialEnqueued event);

    R visitTrialStarted(TrialStarted event);

    R visitTrialReported(TrialReported event);

    R visitTrialAttributeSet(TrialAttributeSet event);

    R visitTrialConstraintsSet(TrialConstraintsSet event);

    R visitTrialFinished(TrialFinished event);

    R visitStudyDeleted(StudyDeleted event);
  }

  /** A study was created with its objective directions. */
  record StudyCreated(String study, List<Direction> directions, Instant time) implements Event {
    public StudyCreated {
      Objects.requireNonNull(study, "study");
      directions = List.copyOf(directions);
      Objects.requireNonNull(time, "time");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitStudyCreated(this);
    }
  }

  /**
   * The search space a study's trials are sampled from, recorded when a worker first asks for a
   * trial of a space other than the last one recorded, so that the study's space can be read from
   * the study alone (by a report, the importance of hyperparameters, the command-line tool). A
   * later event replaces it; trials keep the values they were started with.
   *
   * @param dimensions every dimension in order, a categorical's choices in stored form (an enum
   *     constant as its name)
   * @param conditions the {@link Condition} of each conditional dimension, by its name; empty for
   *     a space without conditions (and for every space recorded before conditions were, issue 14)
   * @since 0.1
   */
  record SpaceSet(String study, List<Dimension<?>> dimensions, Map<String, Condition> conditions,
      Instant time) implements Event {
    public SpaceSet {
      Objects.requireNonNull(study, "study");
      List<Dimension<?>> stored = new ArrayList<>(dimensions.size());
      for (Dimension<?> dimension : dimensions) {
        stored.add(dimension instanceof CategoricalDimension<?> categorical
            ? new CategoricalDimension<>(categorical.name(),
                categorical.choices().stream().map(StoredValues::of).toList())
            : Objects.requireNonNull(dimension, "dimension"));
      }
      dimensions = List.copyOf(stored);
      // In the order of the dimensions, so that an event reads back as written
      Map<String, Condition> ordered = new LinkedHashMap<>();
      for (Dimension<?> dimension : dimensions) {
        Condition condition = conditions.get(dimension.name());
        if (condition != null) {
          ordered.put(dimension.name(), condition);
        }
      }
      if (ordered.size() != conditions.size()) {
        throw new IllegalArgumentException("conditions " + conditions.keySet()
            + " name dimensions the space does not have");
      }
      conditions = Collections.unmodifiableMap(ordered);
      Objects.requireNonNull(time, "time");
    }

    /** A space without conditions. */
    public SpaceSet(String study, List<Dimension<?>> dimensions, Instant time) {
      this(study, dimensions, Map.of(), time);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitSpaceSet(this);
    }
  }

  /**
   * What a study's trials are run with, from then on: the sampler and pruner with their settings
   * (seeds included), the versions of Tunable, the JVM and the OS, and the user's provenance (a
   * code version, a data set's hash). Recorded with a trial's start when a worker runs with other
   * settings than the ones last recorded, so that each trial can be reproduced from the study
   * alone (issue 17); a trial runs with the settings last recorded when it started. Journals
   * written before the event existed have none.
   *
   * @param settings each setting's name and value, in the order given
   * @since 0.1
   */
  record RunRecorded(String study, Map<String, String> settings, Instant time) implements Event {
    public RunRecorded {
      Objects.requireNonNull(study, "study");
      settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
      Objects.requireNonNull(time, "time");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitRunRecorded(this);
    }
  }

  /**
   * Hyperparameters to evaluate before sampled ones, taken in order: enqueued by a user, or the
   * retry of a trial whose worker died.
   *
   * @param retryOf the number of the trial this entry runs again, or -1
   */
  record TrialEnqueued(String study, Map<String, Object> params, Instant time, long retryOf)
      implements Event {
    public TrialEnqueued {
      Objects.requireNonNull(study, "study");
      params = Map.copyOf(params);
      Objects.requireNonNull(time, "time");
    }

    /** Hyperparameters a user enqueued: no retry. */
    public TrialEnqueued(String study, Map<String, Object> params, Instant time) {
      this(study, params, time, -1);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitTrialEnqueued(this);
    }
  }

  /**
   * A trial was asked for.
   *
   * @param number the trial's number: the count of earlier {@code TrialStarted} events of the study
   * @param params the hyperparameter values, in the space's order
   * @param queueEntry the index, among the study's {@code TrialEnqueued} events, of the entry the
   *     trial took, or -1 if the sampler proposed it
   * @param worker the {@link Storage#workerId() worker} running the trial
   */
  record TrialStarted(
      String study,
      long number,
      Map<String, Object> params,
      long queueEntry,
      String worker,
      Instant time)
      implements Event {
    public TrialStarted {
      Objects.requireNonNull(study, "study");
      params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
      Objects.requireNonNull(worker, "worker");
      Objects.requireNonNull(time, "time");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitTrialStarted(this);
    }
  }

  /**
   * A running trial reported intermediate values at a step: one per objective, or more.
   *
   * @param values at least one value; the first is the objective's, which pruners read
   */
  record TrialReported(String study, long number, long step, double[] values) implements Event {
    public TrialReported {
      Objects.requireNonNull(study, "study");
      if (values.length == 0) {
        throw new IllegalArgumentException(
            "trial #" + number + " reported no value at step " + step + "; report at least one");
      }
      values = values.clone();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitTrialReported(this);
    }

    /** A report of one value. */
    public TrialReported(String study, long number, long step, double value) {
      this(study, number, step, new double[] {value});
    }

    /** The first value: the objective's. */
    public double value() {
      return values[0];
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TrialReported that
          && study.equals(that.study)
          && number == that.number
          && step == that.step
          && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return Objects.hash(study, number, step, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
      return "TrialReported[study=" + study + ", number=" + number + ", step=" + step
          + ", values=" + Arrays.toString(values) + "]";
    }
  }

  /** A user attribute was set on a trial. */
  record TrialAttributeSet(String study, long number, String key, Object value) implements Event {
    public TrialAttributeSet {
      Objects.requireNonNull(study, "study");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitTrialAttributeSet(this);
    }
  }

  /**
   * A running trial set its constraint values: {@code c <= 0} means a constraint is met. A later
   * event replaces the values.
   *
   * @param constraints at least one value, none NaN
   */
  record TrialConstraintsSet(String study, long number, double[] constraints) implements Event {
    public TrialConstraintsSet {
      Objects.requireNonNull(study, "study");
      if (constraints.length == 0) {
        throw new IllegalArgumentException(
            "trial #" + number + " set no constraint value; give at least one");
      }
      for (int i = 0; i < constraints.length; i++) {
        if (Double.isNaN(constraints[i])) {
          throw new IllegalArgumentException("constraint " + i + " of trial #" + number
              + " is NaN; give a number, <= 0 when the constraint is met");
        }
      }
      constraints = constraints.clone();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitTrialConstraintsSet(this);
    }

    @Override
    public double[] constraints() {
      return constraints.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TrialConstraintsSet that
          && study.equals(that.study)
          && number == that.number
          && Arrays.equals(constraints, that.constraints);
    }

    @Override
    public int hashCode() {
      return Objects.hash(study, number, Arrays.hashCode(constraints));
    }

    @Override
    public String toString() {
      return "TrialConstraintsSet[study=" + study + ", number=" + number + ", constraints="
          + Arrays.toString(constraints) + "]";
    }
  }

  /**
   * A trial finished.
   *
   * @param values the objective values; empty unless {@code state} is {@link TrialState#COMPLETE}
   * @param reason why the trial failed, or {@code null}
   */
  record TrialFinished(
      String study, long number, TrialState state, double[] values, String reason, Instant time)
      implements Event {
    public TrialFinished {
      Objects.requireNonNull(study, "study");
      Objects.requireNonNull(state, "state");
      values = values.clone();
      Objects.requireNonNull(time, "time");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitTrialFinished(this);
    }

    @Override
    public double[] values() {
      return values.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof TrialFinished that
          && study.equals(that.study)
          && number == that.number
          && state == that.state
          && Arrays.equals(values, that.values)
          && Objects.equals(reason, that.reason)
          && time.equals(that.time);
    }

    @Override
    public int hashCode() {
      return Objects.hash(study, number, state, Arrays.hashCode(values), reason, time);
    }

    @Override
    public String toString() {
      return "TrialFinished[study=" + study + ", number=" + number + ", state=" + state
          + ", values=" + Arrays.toString(values) + ", reason=" + reason + ", time=" + time + "]";
    }
  }

  /**
   * The study was deleted: its earlier events no longer count, it is gone from the storage's
   * studies, and its name may be used for a new study, whose events follow this one. The log
   * stays append-only, so that a worker reading it at any point sees a consistent history.
   */
  record StudyDeleted(String study, Instant time) implements Event {
    public StudyDeleted {
      Objects.requireNonNull(study, "study");
      Objects.requireNonNull(time, "time");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitStudyDeleted(this);
    }
  }
}
