package dev.tunable.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialStarted;
import dev.tunable.storage.Storage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, part 1: a journal is recognised by its beginning before anything is read or cut, and
 * opening a study never changes the file.
 */
class JournalRecognitionTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();
  private static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

  @TempDir Path directory;

  static Stream<Arguments> foreignFiles() {
    byte[] png = new byte[64];
    System.arraycopy(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 0, png, 0, 8);
    return Stream.of(
        Arguments.of("a CSV file", "id,x,value\n1,0.5,3.25\n2,0.7,1.5\n".getBytes(),
            "\"id,x,value\\n1,0.5,3.25\\n2,0.7,1.5\\n\""),
        Arguments.of("a text file", "Notes on the learning rate\n".getBytes(),
            "\"Notes on the learning rate\\n\""),
        Arguments.of("an Optuna journal", ("{\"op_code\": 0, \"worker_id\": \"a-b\","
            + " \"study_name\": \"s\", \"directions\": [1]}\n").getBytes(),
            "\"{\\\"op_code\\\": 0, \\\"worker_id"),
        Arguments.of("a binary file", png, "\"\\x89PNG\\r\\n\\x1a\\n\\x00"),
        Arguments.of("one newline", "\n".getBytes(), "\"\\n\""),
        Arguments.of("a line without its newline", "hello".getBytes(), "\"hello\""),
        Arguments.of("a header of an unknown format", "tunable-journal one\nmore\n".getBytes(),
            "\"tunable-journal one\\nmore\\n\""));
  }

  /** Before issue 12 the file was emptied, and the error said only "no study named 's'". */
  @ParameterizedTest(name = "{0}")
  @MethodSource("foreignFiles")
  void loadingAStudyFromAFileThatIsNotAJournalRefusesItAndLeavesItUntouched(
      String kind, byte[] content, String shown) throws IOException {
    Path file = directory.resolve("data.csv");
    Files.write(file, content);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Study.load("s", Storages.file(file)));
    assertTrue(e.getMessage().startsWith("the file " + file + " is not a Tunable journal: it"
        + " begins with " + shown), e.getMessage());
    assertTrue(e.getMessage().contains(
        "where a journal begins with the line \"tunable-journal 1\""), e.getMessage());
    assertTrue(e.getMessage().contains("the file was left untouched"), e.getMessage());
    assertArrayEquals(content, Files.readAllBytes(file), kind);
  }

  @Test
  void creatingAStudyInAFileThatIsNotAJournalRefusesItAndLeavesItUntouched() throws IOException {
    Path file = directory.resolve("results.csv");
    byte[] content = "id,x,value\n1,0.5,3.25\n".getBytes(StandardCharsets.UTF_8);
    Files.write(file, content);
    assertThrows(IllegalArgumentException.class, () -> Study.builder().name("s")
        .storage(Storages.file(file)).loadIfExists(true).progress(false).build());
    assertArrayEquals(content, Files.readAllBytes(file));
  }

  @Test
  void aNewJournalBeginsWithTheHeaderLine() throws IOException {
    Path file = directory.resolve("new.journal");
    try (Storage storage = Storages.file(file)) {
      assertEquals(0, Files.size(file), "opening writes nothing");
      Study study = Study.builder().name("s").storage(storage).progress(false).build();
      study.tell(study.ask(SPACE), 0.5);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("tunable-journal 1", lines.get(0));
    assertEquals(4, lines.size(), lines.toString());
  }

  @Test
  void anEmptyFileIsANewJournal() throws IOException {
    Path file = Files.createFile(directory.resolve("empty.journal"));
    try (Storage storage = Storages.file(file)) {
      assertThrows(NoSuchElementException.class, () -> Study.load("s", storage));
      assertEquals(0, Files.size(file));
      Study.builder().name("s").storage(storage).progress(false).build();
    }
    assertEquals("tunable-journal 1", Files.readAllLines(file).get(0));
  }

  private static byte[] legacyJournal() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(FileStorage.frame(EventCodec.encode(
        new StudyCreated("s", List.of(Direction.MINIMIZE), TIME))));
    out.writeBytes(FileStorage.frame(EventCodec.encode(
        new TrialStarted("s", 0, Map.of("x", 0.25), -1, "1/1", TIME))));
    out.writeBytes(FileStorage.frame(EventCodec.encode(
        new TrialFinished("s", 0, TrialState.COMPLETE, new double[] {0.25}, null, TIME))));
    return out.toByteArray();
  }

  @Test
  void aJournalWrittenBeforeTheHeaderIsReadAndAppendedToAsItIs() throws IOException {
    Path file = directory.resolve("legacy.journal");
    byte[] legacy = legacyJournal();
    Files.write(file, legacy);
    try (Storage storage = Storages.file(file)) {
      Study study = Study.load("s", storage);
      assertEquals(0.25, study.bestTrial().value());
      assertArrayEquals(legacy, Files.readAllBytes(file), "opening changed nothing");
      study.tell(study.ask(SPACE), 0.125);
    }
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(legacy, Arrays.copyOf(bytes, legacy.length), "records appended, no header");
    try (Storage storage = Storages.file(file)) {
      List<FrozenTrial> trials = Study.load("s", storage).trials();
      assertEquals(2, trials.size());
      assertEquals(0.125, trials.get(1).value());
    }
  }

  @Test
  void aJournalOfANewerFormatVersionIsRefusedNamingBothVersions() throws IOException {
    Path file = directory.resolve("newer.journal");
    byte[] content = ("tunable-journal 2 zstd\n" + new String(legacyJournal(),
        StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    Files.write(file, content);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Study.load("s", Storages.file(file)));
    assertEquals("the journal " + file + " has format version 2, but this version of Tunable"
        + " reads format versions up to 1: open it with the newer Tunable that wrote it; the file"
        + " was left untouched", e.getMessage());
    assertArrayEquals(content, Files.readAllBytes(file));
  }

  /** A writer killed in a new journal's first append, before or after the header existed. */
  @Test
  void aFirstWriteCutShortIsANewJournalThatOpeningLeavesAsItIs() throws IOException {
    byte[] record = legacyJournal();
    byte[] headed = ("tunable-journal 1\n" + new String(record, StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.UTF_8);
    for (byte[] torn : List.of(Arrays.copyOf(headed, 1), Arrays.copyOf(headed, 16),
        Arrays.copyOf(record, 1), Arrays.copyOf(record, 9), Arrays.copyOf(record, 18),
        Arrays.copyOf(record, 40))) {
      Path file = directory.resolve("torn.journal");
      Files.write(file, torn);
      String shown = new String(torn, StandardCharsets.UTF_8);
      try (Storage storage = Storages.file(file)) {
        assertThrows(NoSuchElementException.class, () -> Study.load("s", storage), shown);
        assertArrayEquals(torn, Files.readAllBytes(file), shown);
        Study study = Study.builder().name("s").storage(storage).progress(false).build();
        study.tell(study.ask(SPACE), 0.5);
      }
      assertEquals("tunable-journal 1", Files.readAllLines(file).get(0), shown);
      try (Storage storage = Storages.file(file)) {
        assertEquals(1, Study.load("s", storage).trials().size(), shown);
      }
      Files.delete(file);
    }
  }

  @Test
  void aJournalWhoseHeaderLineIsDamagedIsReportedAsDamagedNotForeign() throws IOException {
    Path file = directory.resolve("header.journal");
    try (Storage storage = Storages.file(file)) {
      Study.builder().name("s").storage(storage).progress(false).build();
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[3] ^= 0x20; // "tunAble-journal 1"
    Files.write(file, bytes);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> Storages.file(file));
    assertTrue(e.getMessage().startsWith("the journal " + file + " is damaged at byte 0: it begins"
        + " with \"tunAble-journal 1\\n"), e.getMessage());
    assertTrue(e.getMessage().contains("a valid record follows at byte 18"), e.getMessage());
    assertTrue(e.getMessage().contains("Salvage " + file), e.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(file));
  }

  /** Before issue 12 every open, even one that only read, cut a torn tail off. */
  @Test
  void loadingAStudyNeverChangesTheFile() throws IOException {
    Path file = directory.resolve("read.journal");
    try (Storage storage = Storages.file(file)) {
      Study study = Study.builder().name("s").storage(storage).progress(false).build();
      study.tell(study.ask(SPACE), 0.5);
    }
    byte[] torn = FileStorage.frame(EventCodec.encode(
        new TrialStarted("s", 1, Map.of("x", 0.5), -1, "1/1", TIME)));
    Files.write(file, Arrays.copyOf(torn, torn.length - 5), StandardOpenOption.APPEND);
    byte[] before = Files.readAllBytes(file);
    try (Storage storage = Storages.file(file)) {
      Study study = Study.load("s", storage);
      assertEquals(1, study.trials().size());
      study.bestTrial();
    }
    assertArrayEquals(before, Files.readAllBytes(file));
  }
}
