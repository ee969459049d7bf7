package dev.tunable.cli;

import dev.tunable.Dimension;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tunable importance}: which hyperparameters mattered, from the study alone. */
@Command(
    name = "importance",
    header = "Shows how much each hyperparameter mattered.",
    mixinStandardHelpOptions = true,
    description = {"Prints each hyperparameter's importance, most important first, summing to 1:"
        + " fANOVA on a random forest fitted to the study's complete trials, over the search"
        + " space the study recorded (as study.importance() computes it).", ""},
    footer = {"", "Example:", "  tunable importance logistic"})
final class ImportanceCommand implements Callable<Integer> {
  @Mixin StorageOption storage;

  @Parameters(paramLabel = "STUDY", description = "The study's name.")
  String name;

  @Override
  public Integer call() {
    try (Storage opened = storage.open()) {
      Study study = storage.load(opened, name);
      Map<String, Double> importance = study.importance();
      Table table = new Table("HYPERPARAMETER", "IMPORTANCE", "");
      for (Map.Entry<String, Double> entry : importance.entrySet()) {
        table.row(entry.getKey(), String.format(Locale.ROOT, "%.3f", entry.getValue()),
            "#".repeat((int) Math.round(entry.getValue() * 40)));
      }
      PrintWriter out = storage.spec.commandLine().getOut();
      table.print(out);
      // Of a conditional space, importance is over the dimensions every trial has (issue 14)
      List<String> leftOut = study.space().orElseThrow().dimensions().stream()
          .map(Dimension::name).filter(dimension -> !importance.containsKey(dimension)).toList();
      if (!leftOut.isEmpty()) {
        out.println("Left out, as not every trial has a value of them (a branch not taken, or"
            + " an earlier space): " + String.join(", ", leftOut));
      }
      return 0;
    }
  }
}
