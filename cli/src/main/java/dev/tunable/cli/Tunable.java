package dev.tunable.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tunable} command. Run it from a clone with {@code java -cp
 * cli/target/tunable-cli-<version>-all.jar:<your classes> dev.tunable.cli.Tunable <command>}.
 *
 * @since 0.1
 */
@Command(
    name = "tunable",
    mixinStandardHelpOptions = true,
    versionProvider = Tunable.Version.class,
    description = "Hyperparameter studies from the command line.",
    subcommands = {WorkerCommand.class, CommandLine.HelpCommand.class})
public final class Tunable {
  /** Creates the command; picocli calls it. */
  public Tunable() {}

  /** Runs the command line {@code args} and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command, ready to execute; for tests and for programs that embed it. */
  public static CommandLine commandLine() {
    return new CommandLine(new Tunable()).setCaseInsensitiveEnumValuesAllowed(true);
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
