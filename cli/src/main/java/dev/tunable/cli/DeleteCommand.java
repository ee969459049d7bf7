package dev.tunable.cli;

import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunable delete}: deletes a study, once the user says yes. */
@Command(
    name = "delete",
    header = "Deletes a study, after asking.",
    mixinStandardHelpOptions = true,
    description = {"Deletes a study: it is gone for every command and program, and its name is"
        + " free for a new study. Asks first, on standard input, unless --yes is given. Refused"
        + " while a live worker runs a trial of the study: stop its workers first.",
        "",
        "Storages are append-only logs: deleting appends a record, and the study's earlier"
            + " records stay in the journal file or the database table, ignored. No space is"
            + " reclaimed.",
        ""},
    footer = {"", "Examples:",
        "  tunable delete old-study",
        "  tunable delete old-study --yes      # in scripts",
        "",
        "Exit codes: 0 deleted; 1 nothing deleted (no yes, no such study, trials running); 2 a"
            + " usage error."})
final class DeleteCommand implements Callable<Integer> {
  @Mixin StorageOption storage;

  @Parameters(paramLabel = "STUDY", description = "The study's name.")
  String name;

  @Option(names = {"-y", "--yes"}, description = "Deletes without asking.")
  boolean yes;

  @Override
  public Integer call() {
    PrintWriter err = storage.spec.commandLine().getErr();
    try (Storage opened = storage.open()) {
      int trials = storage.load(opened, name).trials().size();
      String what = "study '" + name + "' (" + trials + " trial" + (trials == 1 ? "" : "s")
          + ") from " + storage.masked();
      if (!yes && !confirmed(err, what)) {
        err.println("nothing deleted");
        err.flush();
        return 1;
      }
      Study.delete(name, opened);
      PrintWriter out = storage.spec.commandLine().getOut();
      out.println("deleted " + what);
      out.flush();
      return 0;
    }
  }

  /** Asks on standard error and reads the answer from standard input: yes or y. */
  private static boolean confirmed(PrintWriter err, String what) {
    err.print("Delete " + what + "? It cannot be undone. [y/N] ");
    err.flush();
    String answer;
    try {
      answer = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()))
          .readLine();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the answer from standard input", e);
    }
    if (answer == null) {
      err.println();
      err.println("no answer on standard input; give --yes to delete without asking");
      return false;
    }
    String word = answer.strip().toLowerCase(Locale.ROOT);
    return word.equals("y") || word.equals("yes");
  }
}
