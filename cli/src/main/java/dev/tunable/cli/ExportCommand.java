package dev.tunable.cli;

import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunable export}: every trial of a study as CSV or JSON, the study's own exports. */
@Command(
    name = "export",
    header = "Writes a study's trials as CSV or JSON.",
    mixinStandardHelpOptions = true,
    description = {"Writes every trial of a study as CSV (one row per trial: number, state,"
        + " values, times, constraints, params.NAME, user.KEY, failure reason) or JSON (an"
        + " array of objects, with the reported intermediate values too), to standard output or"
        + " a file.", ""},
    footer = {"", "Examples:",
        "  tunable export logistic --format csv -o trials.csv",
        "  tunable export logistic --format json | jq '.[] | select(.state == \"COMPLETE\")'"})
final class ExportCommand implements Callable<Integer> {
  /** The formats a study exports. */
  enum Format { CSV, JSON }

  @Mixin StorageOption storage;

  @Parameters(paramLabel = "STUDY", description = "The study's name.")
  String name;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      description = "csv or json. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Writes to FILE, replacing it, instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    try (Storage opened = storage.open()) {
      Study study = storage.load(opened, name);
      if (output != null) {
        if (format == Format.CSV) {
          study.exportCsv(output);
        } else {
          study.exportJson(output);
        }
        storage.spec.commandLine().getErr().println("wrote " + study.trials().size()
            + " trials of study '" + name + "' to " + output);
        return 0;
      }
      PrintWriter out = storage.spec.commandLine().getOut();
      try {
        if (format == Format.CSV) {
          study.exportCsv(out);
        } else {
          study.exportJson(out);
        }
      } catch (IOException e) { // a PrintWriter never throws it; kept for the signature
        throw new UncheckedIOException(e);
      }
      out.flush();
      return 0;
    }
  }
}
