package dev.tunable.cli;

import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.util.List;
import java.util.NoSuchElementException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code --storage} option that every command over studies takes, and the opening of the
 * storage and of a study in it with command-line errors. Never shows the URL's password.
 */
final class StorageOption {
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  @Option(names = "--storage", required = true, paramLabel = "URL",
      defaultValue = "${env:TUNABLE_STORAGE}",
      description = "Where the studies live: file:PATH, jdbc:postgresql://HOST:PORT/DB?user=NAME"
          + " (password from PGPASSWORD) or memory:. Default: $TUNABLE_STORAGE.")
  String url;

  /** The storage; a URL no storage takes is a usage error (exit code 2). */
  Storage open() {
    try {
      return Storages.openExisting(url);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--storage: " + e.getMessage(), e);
    }
  }

  /** The URL with its password, if any, masked: for every message. */
  String masked() {
    return Storages.mask(url);
  }

  /**
   * Study {@code name} in {@code storage}. Opening a study fails the trials left running by
   * workers that died, as every worker does when it opens the study.
   *
   * @throws NoSuchElementException naming the studies there are, if there is no such study
   */
  Study load(Storage storage, String name) {
    try {
      return Study.load(name, storage);
    } catch (NoSuchElementException e) {
      List<String> names = Study.names(storage);
      throw new NoSuchElementException("no study named '" + name + "' in " + masked()
          + (names.isEmpty() ? "; it holds no study"
              : "; its studies are " + Texts.quoted(names)), e);
    }
  }
}
