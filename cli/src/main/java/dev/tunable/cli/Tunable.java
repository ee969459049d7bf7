package dev.tunable.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code tunable} command. Run it from a clone with {@code java -jar
 * cli/target/tunable-cli-<version>-all.jar <command>}; {@code worker} needs the job's classes,
 * with {@code java -cp cli/target/tunable-cli-<version>-all.jar:<your classes>
 * dev.tunable.cli.Tunable worker ...}.
 *
 * @since 0.1
 */
@Command(
    name = "tunable",
    mixinStandardHelpOptions = true,
    versionProvider = Tunable.Version.class,
    description = {"Hyperparameter studies from the command line: run workers, and see, export,"
        + " enqueue, delete, report on and serve the studies in a storage.", ""},
    commandListHeading = "%nCommands:%n",
    subcommands = {
        StudiesCommand.class, ShowCommand.class, TrialsCommand.class, ExportCommand.class,
        EnqueueCommand.class, FailStaleCommand.class, DeleteCommand.class,
        ImportanceCommand.class, ReportCommand.class, ServeCommand.class, WorkerCommand.class,
        CompletionCommand.class, CommandLine.HelpCommand.class},
    footer = {"",
        "Every command over studies takes --storage URL, or reads the URL from the environment"
            + " variable TUNABLE_STORAGE, so that it need not sit on a command line:",
        "  file:PATH                                 a journal file",
        "  jdbc:postgresql://HOST:PORT/DB?user=NAME  PostgreSQL; password: PGPASSWORD",
        "Opening a study fails the trials left running by workers that died, as workers do.",
        "",
        "Examples:",
        "  export TUNABLE_STORAGE=file:tunable-studies/logistic.journal",
        "  tunable studies",
        "  tunable show logistic",
        "  tunable trials logistic --sort value --limit 5",
        "  tunable help trials",
        "",
        "Exit codes: 0 done; 1 the command failed (no such study, a bad input file, a storage"
            + " error), the message on standard error; 2 a usage error (an unknown command or"
            + " option, a missing argument, an unknown storage URL)."})
public final class Tunable implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Creates the command; picocli calls it. */
  public Tunable() {}

  /** {@code tunable} alone: a usage error that lists the commands. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "give a command, such as tunable studies");
  }

  /** Runs the command line {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command, ready to execute; for tests and for programs that embed it. */
  public static CommandLine commandLine() {
    return new CommandLine(new Tunable())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(Tunable::failed);
  }

  /**
   * Prints a failed command's error as one message on standard error, and exits with 1. The
   * errors users cause (a missing study, bad input, an unreachable storage) come as these
   * exceptions with messages that say what is wrong; anything else is a bug, shown with its
   * stack trace.
   */
  private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
    PrintWriter err = command.getErr();
    err.println("tunable " + command.getCommandName() + ": " + e.getMessage());
    if (!(e instanceof IllegalArgumentException || e instanceof IllegalStateException
        || e instanceof NoSuchElementException || e instanceof UncheckedIOException)) {
      e.printStackTrace(err);
    }
    err.flush();
    return 1;
  }

  /** The version of the jar the command was loaded from. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Tunable.class.getPackage().getImplementationVersion();
      return new String[] {"tunable " + (version != null ? version : "(development build)")};
    }
  }
}
