package dev.tunable.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tunable completion}: the bash completion script picocli generates for the command. */
@Command(
    name = "completion",
    header = "Prints the bash completion script of tunable.",
    mixinStandardHelpOptions = true,
    description = {"Prints a bash (and zsh, with bashcompinit) completion script for tunable:"
        + " its commands, options and the values of options such as --format and --state.", ""},
    footer = {"", "Examples:",
        "  source <(tunable completion)                 # this shell",
        "  tunable completion > ~/.local/share/bash-completion/completions/tunable"})
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("tunable", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
