package dev.tunable.cli;

import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunable report}: a study's self-contained HTML report, written to a file. */
@Command(
    name = "report",
    header = "Writes a study's HTML report.",
    mixinStandardHelpOptions = true,
    description = {"Writes one self-contained HTML file (charts, data and script inline; opens"
        + " offline): optimization history, hyperparameter importance, parallel coordinates,"
        + " slices, contours, intermediate values with pruned trials, the Pareto front of several"
        + " objectives, failed trials. Never replaces a Tunable journal.", ""},
    footer = {"", "Examples:",
        "  tunable report logistic                  # writes logistic.html",
        "  tunable report logistic -o public/logistic.html"})
final class ReportCommand implements Callable<Integer> {
  @Mixin StorageOption storage;

  @Parameters(paramLabel = "STUDY", description = "The study's name.")
  String name;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "The file to write, replacing it. Default: the study's name with .html, in"
          + " the current folder.")
  Path output;

  @Override
  public Integer call() {
    try (Storage opened = storage.open()) {
      Study study = storage.load(opened, name);
      Path file = output != null ? output : Path.of(fileName(name) + ".html");
      study.writeReport(file);
      storage.spec.commandLine().getOut().println(file.toAbsolutePath());
      return 0;
    }
  }

  /** A study's name as a file name: characters other than letters, digits, . - _ become _. */
  static String fileName(String study) {
    String safe = study.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "study" + safe : safe;
  }
}
