package dev.tunable.internal.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Temporary directories in memory where the system has {@code /dev/shm} (tmpfs), for tests that
 * force many files or read large sparse ones: there a hole reads as zeros without filling the page
 * cache, and {@code fsync} costs nothing. Elsewhere, the usual temporary directory.
 */
final class InMemoryTempDir implements TempDirFactory {
  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
      throws IOException {
    Path shm = Path.of("/dev/shm");
    return Files.createTempDirectory(Files.isDirectory(shm) && Files.isWritable(shm)
        ? shm : Path.of(System.getProperty("java.io.tmpdir")), "tunable-journal-test");
  }
}
