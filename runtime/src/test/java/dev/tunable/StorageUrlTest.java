package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.internal.storage.FileStorage;
import dev.tunable.storage.Storage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Storages#open(String)}: the same storage URLs in code, on command lines and in files. */
class StorageUrlTest {
  @TempDir Path directory;

  @Test
  void memoryIsANewStorageInThisProcess() {
    try (Storage first = Storages.open("memory:"); Storage second = Storages.open("memory:")) {
      Study.builder().name("s").storage(first).build();
      assertEquals(1, first.read(0).events().size());
      assertEquals(0, second.read(0).events().size());
    }
  }

  @Test
  void aFileUrlIsTheJournalAtItsPathRelativeOrAbsolute() {
    Path journal = directory.resolve("demo.journal");
    try (Storage byPath = Storages.open("file:" + journal)) {
      Study.builder().name("s").storage(byPath).build();
      assertEquals(journal.toAbsolutePath().normalize(), ((FileStorage) byPath).path());
    }
    try (Storage byUri = Storages.open(journal.toUri().toString())) {
      assertEquals("s", Study.load("s", byUri).name());
    }
  }

  @Test
  void aFileUrlWithoutAPathSaysWhatToWrite() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Storages.open("file:"));
    assertTrue(e.getMessage().contains("file:studies/demo.journal"), e.getMessage());
  }

  @Test
  void anUnknownSchemeNamesTheUrlAndTheKnownSchemes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Storages.open("redis://cache:6379/0"));
    assertEquals("unknown storage URL 'redis://cache:6379/0'; the schemes known here are"
        + " [memory:, file:], and jdbc:postgresql: with dev.tunable:tunable-postgres",
        e.getMessage());
  }

  @Test
  void aDatabaseUrlWithoutItsModuleNamesTheArtifactAndMasksThePassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Storages.open("jdbc:postgresql://db:5432/tunable?user=w&password=s3cret"));
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    assertTrue(e.getMessage().contains("jdbc:postgresql://db:5432/tunable?user=w&password=***"),
        e.getMessage());
    assertTrue(e.getMessage().contains("dev.tunable:tunable-postgres"), e.getMessage());
  }

  @Test
  void passwordsAreMaskedInEveryForm() {
    assertEquals("jdbc:postgresql://db/t?password=***&user=u",
        Storages.mask("jdbc:postgresql://db/t?password=p&user=u"));
    assertEquals("jdbc:postgresql://db/t?user=u&PASSWORD=***",
        Storages.mask("jdbc:postgresql://db/t?user=u&PASSWORD=p;w"));
    assertEquals("postgresql://user:***@db:5432/t", Storages.mask("postgresql://user:pw@db:5432/t"));
    assertEquals("file:studies/demo.journal", Storages.mask("file:studies/demo.journal"));
  }

  @Test
  void openExistingRefusesAJournalThatIsNotThereAndCreatesNothing() throws Exception {
    Path missing = directory.resolve("typo.journal");
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Storages.openExisting("file:" + missing));
    assertEquals("no journal at " + missing.toAbsolutePath() + " (from 'file:" + missing + "')",
        error.getMessage());
    assertFalse(java.nio.file.Files.exists(missing), "nothing was created");
    Path nowhere = directory.resolve("no-folder").resolve("x.journal");
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Storages.openExisting("file:" + nowhere)).getMessage()
        .endsWith("; its folder does not exist either"));
    try (Storage created = Storages.open("file:" + missing)) {
      Study.builder().name("s").storage(created).progress(false).build();
    }
    try (Storage existing = Storages.openExisting("file:" + missing)) {
      assertEquals(java.util.List.of("s"), Study.names(existing));
    }
    try (Storage memory = Storages.openExisting("memory:")) {
      assertTrue(Study.names(memory).isEmpty());
    }
  }

  @Test
  void aJournalInAFolderThatDoesNotExistSaysSo() {
    Path nowhere = directory.resolve("no-folder").resolve("x.journal");
    java.io.UncheckedIOException error = assertThrows(java.io.UncheckedIOException.class,
        () -> Storages.open("file:" + nowhere));
    assertEquals("cannot open the journal " + nowhere + ": its folder "
        + nowhere.getParent().toAbsolutePath() + " does not exist", error.getMessage());
  }
}
