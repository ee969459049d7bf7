package dev.tunable.cli;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.StudyRun;
import dev.tunable.TrialState;
import dev.tunable.annotations.Scale;
import dev.tunable.storage.Storage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code tunable show}: a study at a glance: its trials by state, its best trial (or Pareto
 * front), its recorded search space (or, for a study that recorded none, the hyperparameters its
 * trials hold), and the settings and versions of its runs.
 */
@Command(
    name = "show",
    header = "Shows a study: trials by state, the best trial or Pareto front, search space, runs.",
    mixinStandardHelpOptions = true,
    description = {"Shows a study: its directions, its trials counted by state, its best trial"
        + " (with several objectives, its Pareto front), its search space as last recorded (for a"
        + " study that recorded none, the values its trials gave each hyperparameter), and the"
        + " settings of its runs: sampler, pruner, versions and provenance.", ""},
    footer = {"", "Example:",
        "  tunable show logistic --storage file:tunable-studies/logistic.journal"})
final class ShowCommand implements Callable<Integer> {
  /** Values of a categorical hyperparameter shown, at most. */
  private static final int MAX_CHOICES = 12;

  @Mixin StorageOption storage;

  @Parameters(paramLabel = "STUDY", description = "The study's name.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = storage.spec.commandLine().getOut();
    try (Storage opened = storage.open()) {
      Study study = storage.load(opened, name);
      List<FrozenTrial> trials = study.trials();
      Table summary = new Table("study", study.name())
          .row("storage", storage.masked())
          .row("directions", directions(study))
          .row("trials", counts(trials));
      List<FrozenTrial> best = study.bestTrials();
      if (study.directions().size() == 1) {
        summary.row("best", best.isEmpty() ? "none: no trial is complete"
            : describe(study.bestTrial()));
      }
      summary.print(out);
      if (study.directions().size() > 1) {
        out.println();
        out.println("Pareto front (" + best.size() + " trial" + (best.size() == 1 ? "" : "s")
            + "):");
        Table front = new Table("  #", "VALUES", "PARAMS");
        best.forEach(t -> front.row("  " + t.number(), Texts.values(t.values()),
            Texts.params(t.params())));
        front.print(out);
      }
      Optional<SearchSpace<Config>> space = study.space();
      if (space.isPresent()) {
        out.println();
        out.println("Search space, as last recorded:");
        Table table = new Table("  NAME", "VALUES");
        SearchSpace<Config> recorded = space.get();
        recorded.dimensions().forEach(d -> table.row("  " + d.name(), d.accept(DIMENSION)
            + recorded.condition(d.name()).map(c -> "; while " + c.describe()).orElse("")));
        table.print(out);
      } else {
        Map<String, String> seen = hyperparameters(trials);
        if (!seen.isEmpty()) {
          out.println();
          out.println("Hyperparameters, as its trials hold them (no search space recorded):");
          Table table = new Table("  NAME", "VALUES");
          seen.forEach((key, values) -> table.row("  " + key, values));
          table.print(out);
        }
      }
      printRuns(study.runs(), trials.size(), out);
      out.flush();
      return 0;
    }
  }

  /**
   * The settings each run recorded (sampler, pruner, versions, provenance), each distinct set
   * once, in the order first recorded, with how many trials started with it: workers that take
   * turns record their settings again.
   */
  private static void printRuns(List<StudyRun> runs, int trialCount, PrintWriter out) {
    if (runs.isEmpty()) {
      return;
    }
    Map<Map<String, String>, Long> trials = new LinkedHashMap<>();
    Map<Map<String, String>, Long> firstTrial = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      StudyRun run = runs.get(i);
      long end = i + 1 < runs.size() ? runs.get(i + 1).firstTrial() : trialCount;
      trials.merge(run.settings(), Math.max(0, Math.min(end, trialCount) - run.firstTrial()),
          Long::sum);
      firstTrial.putIfAbsent(run.settings(), run.firstTrial());
    }
    long unrecorded = Math.min(runs.get(0).firstTrial(), trialCount);
    out.println();
    out.println("Runs, with the settings their trials started with"
        + (unrecorded > 0 ? " (" + unrecorded + " earlier trial" + (unrecorded == 1 ? "" : "s")
            + " recorded none)" : "") + ":");
    int number = 1;
    for (Map.Entry<Map<String, String>, Long> run : trials.entrySet()) {
      out.println("  run " + number++ + ": " + run.getValue() + " trial"
          + (run.getValue() == 1 ? "" : "s") + ", the first #" + firstTrial.get(run.getKey()));
      Table table = new Table("    SETTING", "VALUE");
      run.getKey().forEach((key, value) -> table.row("    " + key, value));
      table.print(out);
    }
  }

  /** How each kind of recorded dimension reads. */
  private static final Dimension.Visitor<String> DIMENSION = new Dimension.Visitor<>() {
    @Override
    public String visitReal(RealDimension real) {
      return "reals from " + Texts.number(real.low()) + " to " + Texts.number(real.high())
          + (real.scale() == Scale.LOG ? ", log scale" : "")
          + (real.step() > 0 ? ", step " + Texts.number(real.step()) : "")
          + (real.isFloat() ? ", float" : "");
    }

    @Override
    public String visitInteger(IntegerDimension integer) {
      return "integers from " + integer.low() + " to " + integer.high()
          + (integer.scale() == Scale.LOG ? ", log scale" : "")
          + (integer.step() > 1 ? ", step " + integer.step() : "");
    }

    @Override
    public String visitCategorical(CategoricalDimension<?> categorical) {
      List<String> choices = new ArrayList<>();
      categorical.choices().forEach(choice -> choices.add(Texts.value(choice)));
      return "one of " + String.join(", ", choices);
    }

    @Override
    public String visitBoolean(BooleanDimension bool) {
      return "true or false";
    }
  };

  /** {@code MINIMIZE}, or {@code MINIMIZE, MAXIMIZE} for several objectives. */
  static String directions(Study study) {
    List<String> names = new ArrayList<>();
    for (Direction direction : study.directions()) {
      names.add(direction.name());
    }
    return String.join(", ", names);
  }

  /** {@code 12: 10 COMPLETE, 2 FAIL}. */
  static String counts(List<FrozenTrial> trials) {
    List<String> counts = new ArrayList<>();
    for (TrialState state : TrialState.values()) {
      long count = StudiesCommand.count(trials, state);
      if (count > 0) {
        counts.add(count + " " + state);
      }
    }
    return trials.size() + (counts.isEmpty() ? "" : ": " + String.join(", ", counts));
  }

  private static String describe(FrozenTrial trial) {
    return "#" + trial.number() + "  value " + Texts.values(trial.values()) + "  "
        + Texts.params(trial.params());
  }

  /**
   * For each hyperparameter the trials hold, in the order first seen, the range of its numbers
   * or its distinct values: what was tried, which the recorded search space may exceed.
   */
  private static Map<String, String> hyperparameters(List<FrozenTrial> trials) {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (FrozenTrial trial : trials) {
      trial.params().asMap().forEach((key, value) ->
          values.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
    }
    Map<String, String> described = new LinkedHashMap<>();
    values.forEach((key, list) -> described.put(key, describe(list)));
    return described;
  }

  private static String describe(List<Object> values) {
    if (values.stream().allMatch(v -> v instanceof Number)) {
      double low = Double.POSITIVE_INFINITY;
      double high = Double.NEGATIVE_INFINITY;
      for (Object value : values) {
        low = Math.min(low, ((Number) value).doubleValue());
        high = Math.max(high, ((Number) value).doubleValue());
      }
      boolean integers = values.stream().allMatch(v -> v instanceof Long);
      return (integers ? "integers" : "numbers") + " from " + Texts.number(low) + " to "
          + Texts.number(high);
    }
    TreeSet<String> distinct = new TreeSet<>();
    values.forEach(v -> distinct.add(Texts.value(v)));
    List<String> shown = new ArrayList<>(distinct).subList(0, Math.min(MAX_CHOICES,
        distinct.size()));
    return String.join(", ", shown)
        + (distinct.size() > MAX_CHOICES ? ", … (" + distinct.size() + " values)" : "");
  }
}
