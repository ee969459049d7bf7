package dev.tunable.internal;

import dev.tunable.internal.storage.Journals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How Tunable writes a file a user names for output (an export, a report): whole or not at all,
 * and never over a study's journal, which a mistyped name would otherwise wipe.
 */
public final class OutputFile {
  private OutputFile() {}

  /** Writes what it is given to a {@link Writer}. */
  public interface Content {
    /** Writes the content to {@code out}. */
    void to(Writer out) throws IOException;
  }

  /**
   * Writes {@code content} to {@code file}, replacing it, through a temporary file in the same
   * folder moved into place: a crash leaves the old file or the new one, never half of either.
   *
   * @param what what is written, for messages ("the report of study 'demo'")
   * @throws IllegalArgumentException if {@code file} is a Tunable journal
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static void replace(Path file, String what, Content content) {
    if (Files.isRegularFile(file) && Journals.looksLikeJournal(file)) {
      throw new IllegalArgumentException("refusing to write " + what + " to " + file + ": it is"
          + " a Tunable journal, where studies are stored; choose another file name");
    }
    Path temporary = null;
    try {
      Path folder = file.toAbsolutePath().getParent();
      Files.createDirectories(folder);
      temporary = Files.createTempFile(folder, "." + file.getFileName(), ".partial");
      try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        content.to(out);
      }
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
      temporary = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + what + " to " + file + ": " + e, e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // The write already failed and says so; a stray temporary file is all that is left.
        }
      }
    }
  }
}
