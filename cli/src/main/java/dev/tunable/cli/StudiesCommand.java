package dev.tunable.cli;

import dev.tunable.FrozenTrial;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.storage.Storage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tunable studies}: the studies in a storage, with their trials counted by state. */
@Command(
    name = "studies",
    header = "Lists the studies in a storage, with their trials by state.",
    mixinStandardHelpOptions = true,
    description = {"Lists the studies in a storage: their directions and their trials, counted by"
        + " state.", ""},
    footer = {"", "Example:", "  tunable studies --storage file:tunable-studies/logistic.journal"})
final class StudiesCommand implements Callable<Integer> {
  @Mixin StorageOption storage;

  @Override
  public Integer call() {
    try (Storage opened = storage.open()) {
      List<String> names = Study.names(opened);
      if (names.isEmpty()) {
        storage.spec.commandLine().getErr().println("no study in " + storage.masked());
        return 0;
      }
      Table table = new Table("STUDY", "TRIALS", "COMPLETE", "PRUNED", "FAIL", "RUNNING",
          "DIRECTIONS");
      for (String name : names) {
        Study study = Study.load(name, opened);
        List<FrozenTrial> trials = study.trials();
        table.row(name, trials.size(), count(trials, TrialState.COMPLETE),
            count(trials, TrialState.PRUNED), count(trials, TrialState.FAIL),
            count(trials, TrialState.RUNNING), ShowCommand.directions(study));
      }
      table.print(storage.spec.commandLine().getOut());
      return 0;
    }
  }

  static long count(List<FrozenTrial> trials, TrialState state) {
    return trials.stream().filter(t -> t.state() == state).count();
  }
}
