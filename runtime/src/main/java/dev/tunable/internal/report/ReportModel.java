package dev.tunable.internal.report;

import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.StudyRun;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a report shows: a title, the study's directions and trials, how to draw each
 * hyperparameter, and optionally each hyperparameter's importance and a population-based training
 * history. Immutable; each {@code with...} method returns a copy with one thing changed.
 *
 * @param axes one per hyperparameter, in the order the charts show them
 * @param importance each hyperparameter's importance by name; empty if not computed
 * @param pbt every member's hyperparameters and score after every round; empty if not a PBT run
 * @param runs the settings each run of the study recorded, in order; empty if none were
 */
public record ReportModel(String title, List<Direction> directions, List<FrozenTrial> trials,
    List<Axis> axes, Map<String, Double> importance, List<PbtStep> pbt, List<StudyRun> runs) {

  public ReportModel {
    Objects.requireNonNull(title, "title");
    directions = List.copyOf(directions);
    if (directions.isEmpty()) {
      throw new IllegalArgumentException("a report needs at least one direction");
    }
    trials = List.copyOf(trials);
    axes = List.copyOf(axes);
    importance = Collections.unmodifiableMap(new LinkedHashMap<>(importance));
    pbt = List.copyOf(pbt);
    runs = List.copyOf(runs);
  }

  /** The report of {@code trials}, drawing each hyperparameter as its values suggest. */
  public static ReportModel of(String title, List<Direction> directions, List<FrozenTrial> trials) {
    return new ReportModel(title, directions, trials, Axis.infer(trials, Map.of()), Map.of(),
        List.of(), List.of());
  }

  /**
   * A copy drawing the hyperparameters of {@code dimensions} as declared (scale, choices), in
   * their order, then any others the trials have.
   */
  public ReportModel withSpace(List<? extends Dimension<?>> dimensions) {
    Map<String, Axis> known = new LinkedHashMap<>();
    dimensions.forEach(d -> known.put(d.name(), Axis.of(d)));
    Map<String, Axis> all = new LinkedHashMap<>(known);
    Axis.infer(trials, known).forEach(axis -> all.putIfAbsent(axis.name(), axis));
    return new ReportModel(title, directions, trials, List.copyOf(all.values()), importance, pbt,
        runs);
  }

  /** A copy that shows {@code importance}, each hyperparameter's by name. */
  public ReportModel withImportance(Map<String, Double> importance) {
    return new ReportModel(title, directions, trials, axes, importance, pbt, runs);
  }

  /** A copy that shows a population-based training history. */
  public ReportModel withPbt(List<PbtStep> pbt) {
    return new ReportModel(title, directions, trials, axes, importance, pbt, runs);
  }

  /** A copy that shows the settings of the study's runs, as {@code Study.runs()} lists them. */
  public ReportModel withRuns(List<StudyRun> runs) {
    return new ReportModel(title, directions, trials, axes, importance, pbt, runs);
  }

  /**
   * The distinct settings among the runs, in the order first recorded: workers that take turns
   * record the same settings again, and the report shows them once.
   */
  List<Map<String, String>> distinctSettings() {
    List<Map<String, String>> distinct = new ArrayList<>();
    for (StudyRun run : runs) {
      if (!distinct.contains(run.settings())) {
        distinct.add(run.settings());
      }
    }
    return distinct;
  }

  /**
   * The index among {@link #distinctSettings()} of the settings trial {@code number} started
   * with: the last recorded at or before its start; -1 for a trial started before any was.
   */
  int runOf(long number) {
    return runOf(number, distinctSettings());
  }

  /** {@link #runOf} of each of {@link #trials()}, in their order, finding the runs once. */
  int[] runOfEachTrial() {
    List<Map<String, String>> distinct = distinctSettings();
    return trials.stream().mapToInt(trial -> runOf(trial.number(), distinct)).toArray();
  }

  private int runOf(long number, List<Map<String, String>> distinct) {
    Map<String, String> settings = null;
    for (StudyRun run : runs) {
      if (run.firstTrial() <= number) {
        settings = run.settings();
      }
    }
    return settings == null ? -1 : distinct.indexOf(settings);
  }

  /** Whether the study has more than one objective. */
  boolean multiObjective() {
    return directions.size() > 1;
  }

  /**
   * Member {@code member}'s hyperparameters and score at the end of round {@code round} of a
   * population-based training.
   *
   * @param params hyperparameter values by name, in their stored form (numbers, labels)
   */
  public record PbtStep(int round, int member, Map<String, Object> params, double score) {
    public PbtStep {
      params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
  }
}
