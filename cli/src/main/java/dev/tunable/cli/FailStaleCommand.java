package dev.tunable.cli;

import dev.tunable.TrialState;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Storage;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code tunable fail-stale}: fails the trials left running by workers that died. The rule is the
 * runtime's, applied whenever a study is opened; this command opens the study and says what the
 * rule did.
 */
@Command(
    name = "fail-stale",
    header = "Fails the trials left running by workers that died.",
    mixinStandardHelpOptions = true,
    description = {"Marks FAIL the trials of a study left running by workers that died (a killed"
        + " process; with PostgreSQL, a worker whose heartbeat stopped longer ago than its grace"
        + " period), and lists them. Every worker, and every command here, does the same when"
        + " it opens a study; this command does only that.", ""},
    footer = {"", "Example:", "  tunable fail-stale logistic"})
final class FailStaleCommand implements Callable<Integer> {
  @Mixin StorageOption storage;

  @Parameters(paramLabel = "STUDY", description = "The study's name.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = storage.spec.commandLine().getOut();
    try (Storage opened = storage.open()) {
      long before = opened.read(0, batch -> {});
      storage.load(opened, name);
      List<TrialFinished> failed = new ArrayList<>();
      for (Event event : opened.read(before).events()) {
        if (event.study().equals(name) && event instanceof TrialFinished finished
            && finished.state() == TrialState.FAIL) {
          failed.add(finished);
        }
      }
      if (failed.isEmpty()) {
        out.println("no trial of study '" + name + "' was left running by a worker that died");
      } else {
        out.println("failed " + failed.size() + " trial" + (failed.size() == 1 ? "" : "s")
            + " of study '" + name + "':");
        failed.forEach(f -> out.println("  #" + f.number() + "  " + f.reason()));
      }
      out.flush();
      return 0;
    }
  }
}
