package dev.tunable.internal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** What other parts of Tunable may ask about a file: whether it is a journal. */
public final class Journals {
  private Journals() {}

  /**
   * Whether {@code file} begins as a Tunable journal of any version does; a file that cannot be
   * read is taken for one, so that nothing replaces what could not be checked.
   */
  public static boolean looksLikeJournal(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return JournalFormat.looksLikeJournal(in.readNBytes(JournalFormat.RECORD_HEADER + 1));
    } catch (IOException e) {
      return true;
    }
  }
}
