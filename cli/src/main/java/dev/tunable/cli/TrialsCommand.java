package dev.tunable.cli;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.storage.Storage;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code tunable trials}: a study's trials, filtered by state, sorted and limited. */
@Command(
    name = "trials",
    header = "Lists a study's trials, filtered by state, sorted and limited.",
    mixinStandardHelpOptions = true,
    description = {"Lists a study's trials: number, state, value(s), duration, hyperparameters"
        + " and, for a failed trial, why.", ""},
    footer = {"", "Examples:",
        "  tunable trials logistic --sort value --limit 5      # the five best",
        "  tunable trials logistic --state fail --state pruned # what went wrong"})
final class TrialsCommand implements Callable<Integer> {
  /** What the trials can be sorted by. */
  enum SortKey { NUMBER, VALUE, DURATION }

  @Mixin StorageOption storage;

  @Parameters(paramLabel = "STUDY", description = "The study's name.")
  String name;

  @Option(names = "--state", paramLabel = "STATE",
      description = "Only trials in this state: ${COMPLETION-CANDIDATES}; repeat for several.")
  Set<TrialState> states = EnumSet.noneOf(TrialState.class);

  @Option(names = "--sort", paramLabel = "KEY", defaultValue = "number",
      description = "number, value (the best first, by the first objective; trials without a"
          + " value last) or duration (the longest first). Default: ${DEFAULT-VALUE}.")
  SortKey sort;

  @Option(names = "--limit", paramLabel = "N", description = "Shows the first N trials only.")
  Integer limit;

  @Override
  public Integer call() {
    if (limit != null && limit < 0) {
      throw new ParameterException(storage.spec.commandLine(),
          "--limit must be 0 or more, got " + limit);
    }
    try (Storage opened = storage.open()) {
      Study study = storage.load(opened, name);
      List<FrozenTrial> trials = study.trials().stream()
          .filter(t -> states.isEmpty() || states.contains(t.state()))
          .sorted(order(study.direction()))
          .limit(limit != null ? limit : Long.MAX_VALUE)
          .toList();
      boolean reasons = trials.stream().anyMatch(t -> t.failureReason().isPresent());
      Table table = reasons ? new Table("#", "STATE", "VALUE", "DURATION", "PARAMS", "REASON")
          : new Table("#", "STATE", "VALUE", "DURATION", "PARAMS");
      for (FrozenTrial trial : trials) {
        Object[] cells = {trial.number(), trial.state(),
            trial.hasValue() ? Texts.values(trial.values()) : "-",
            trial.end().map(end -> Texts.duration(Duration.between(trial.start(), end)))
                .orElse("-"),
            Texts.params(trial.params()), trial.failureReason().orElse("")};
        table.row(reasons ? cells : java.util.Arrays.copyOf(cells, cells.length - 1));
      }
      table.print(storage.spec.commandLine().getOut());
      return 0;
    }
  }

  private Comparator<FrozenTrial> order(Direction direction) {
    Comparator<FrozenTrial> byNumber = Comparator.comparingLong(FrozenTrial::number);
    return switch (sort) {
      case NUMBER -> byNumber;
      case VALUE -> Comparator.comparing((FrozenTrial t) -> !t.hasValue())
          .thenComparing(t -> t.hasValue()
              ? (direction == Direction.MINIMIZE ? t.values()[0] : -t.values()[0]) : 0.0)
          .thenComparing(byNumber);
      case DURATION -> Comparator.comparing((FrozenTrial t) -> t.end()
              .map(end -> Duration.between(t.start(), end)).orElse(Duration.ZERO),
          Comparator.reverseOrder()).thenComparing(byNumber);
    };
  }
}
