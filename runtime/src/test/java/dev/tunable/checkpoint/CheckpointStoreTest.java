package dev.tunable.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the directory store does: codecs, foreign files, file names. What every store does is
 * in {@link CheckpointStoreContract}.
 */
class CheckpointStoreTest {

  /**
   * Regression: the study names ".", ".." and "" were kept as file names, so "." and "" shared the
   * store's directory and ".." wrote its checkpoints beside it (found by the checkpoint contract).
   */
  @Test
  void studiesNamedDotDotDotOrNothingStayInsideTheStoreAndApart(@TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("checkpoints");
    CheckpointStore<double[]> store =
        CheckpointStore.directory(root, CheckpointStoreContract.VECTORS);
    store.save(".", 1, new double[] {1});
    store.save("", 2, new double[] {2});
    store.save("..", 3, new double[] {3});
    assertEquals(List.of(1L), List.copyOf(store.trials(".")));
    assertEquals(List.of(2L), List.copyOf(store.trials("")));
    assertEquals(List.of(3L), List.copyOf(store.trials("..")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(root), files.toList(), "the store wrote outside its directory");
    }
  }

  /**
   * Names that once reached another directory, collided with another name on some file system, or
   * could not be a file name at all: each a pair of names that must stay apart where both matter.
   */
  private static final List<String> HOSTILE_NAMES = List.of(
      "a/b", "a%2Fb", "../x", "..%2Fx", "/abs", "a\\b", "C:\\x", "a:b",
      "nul\u0000byte", "tab\tname", "new\nline", "bell\u0007", "del\u007f",
      "x".repeat(300), "x".repeat(299) + "y", "\u00e9".repeat(200), "\uD83D\uDE80".repeat(100),
      "Study", "study", "STUDY", "\u00c9t\u00e9", "\u00e9t\u00e9",
      "\u00e9", "e\u0301", // one letter, composed (NFC) and decomposed (NFD)
      "\u212b", "\u00c5", // the Angstrom sign, and the letter it normalizes to
      "CON", "con", "con.txt", "Nul", "aux.tar.gz", "prn", "com1", "LPT9", "com\u00b9", "conin$",
      "a.", "a", "a..", ".a", "a ", " a", "a  b", "a+b", "a b",
      "\uD800", "\uD801", "?", "\uDC00x", "*", "a*b", "a?b", "a\"b", "<a>", "a|b",
      "~", "x~1", "PROGRA~1", "%", "%%", "%2E", "%2e", "", ".", "..", "...");

  /**
   * Regression: study names became folder names by URL encoding, which keeps letters of either
   * case, '*' and dots at either end, writes an unpaired surrogate as '?' and long names at full
   * length. So "Study" and "study" shared a folder on a case-insensitive file system, "\uD800" and
   * "?" everywhere, "CON" and "a." could not be folders on Windows, and a name over 255 bytes
   * could not be saved at all.
   */
  @Test
  void everyNameStaysInsideTheStoreApartFromEveryOtherOnAnyFileSystem(@TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("checkpoints");
    CheckpointStore<double[]> store =
        CheckpointStore.directory(root, CheckpointStoreContract.VECTORS);
    for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
      store.save(HOSTILE_NAMES.get(i), i, new double[] {i});
    }
    CheckpointStore<double[]> reopened =
        CheckpointStore.directory(root, CheckpointStoreContract.VECTORS);
    for (int i = 0; i < HOSTILE_NAMES.size(); i++) {
      String name = HOSTILE_NAMES.get(i);
      assertEquals(List.of((long) i), List.copyOf(reopened.trials(name)), "trials of '" + name + "'");
      assertEquals(i, reopened.load(name, i).orElseThrow()[0], "'" + name + "'");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(root), files.toList(), "the store wrote outside its directory");
    }
    List<String> folders;
    try (Stream<Path> files = Files.list(root)) {
      folders = files.map(f -> f.getFileName().toString()).toList();
    }
    assertEquals(HOSTILE_NAMES.size(), folders.size(), "one folder per name: " + folders);
    Set<String> foldedCase = new HashSet<>();
    for (String folder : folders) {
      assertTrue(foldedCase.add(folder.toLowerCase(Locale.ROOT)),
          folder + " differs from another folder only in case");
      assertTrue(folder.length() <= 255, folder + " is longer than a file name may be");
      assertTrue(folder.matches("([a-z0-9._+~-]|%[0-9A-F]{2})+|%"),
          folder + " holds a character some file system changes or refuses");
      assertFalse(folder.endsWith(".") || folder.startsWith("."), folder + " starts or ends with .");
      assertFalse(folder.split("\\.")[0].matches("con|prn|aux|nul|com[0-9]|lpt[0-9]"),
          folder + " is a device name on Windows");
    }
  }

  /** Checkpoints of ordinary names keep their folders: those of earlier versions stay in use. */
  @Test
  void ordinaryNamesKeepTheirFolderNames(@TempDir Path dir) throws IOException {
    CheckpointStore<double[]> store =
        CheckpointStore.directory(dir, CheckpointStoreContract.VECTORS);
    Map<String, String> folders = Map.of("logistic", "logistic", "mlp-v2", "mlp-v2",
        "study_1", "study_1", "study-1f3a", "study-1f3a", "run.3", "run.3", "my study", "my+study",
        "a/b", "a%2Fb", "caf\u00e9", "caf%C3%A9", "a+b", "a%2Bb", "", "%");
    for (Map.Entry<String, String> entry : folders.entrySet()) {
      store.save(entry.getKey(), 1, new double[] {1});
      assertTrue(Files.isRegularFile(dir.resolve(entry.getValue()).resolve("1.checkpoint")),
          entry.getKey() + " is no longer in " + entry.getValue());
    }
  }

  /**
   * Checkpoints an earlier version wrote in a folder whose name is no longer the study's (a name
   * with capitals, '*', a dot at either end, a Windows device name) are still found there, and
   * later ones join them; a name that differs only in case keeps its own.
   */
  @Test
  void checkpointsInAnEarlierVersionsFolderStayReachable(@TempDir Path dir) throws IOException {
    for (String folder : List.of("MyStudy", "a*b", ".hidden", "trailing.", "con")) {
      Files.createDirectories(dir.resolve(folder));
      try (var out = Files.newOutputStream(dir.resolve(folder).resolve("3.checkpoint"))) {
        CheckpointStoreContract.VECTORS.write(new double[] {folder.length()}, out);
      }
    }
    CheckpointStore<double[]> store =
        CheckpointStore.directory(dir, CheckpointStoreContract.VECTORS);
    for (String study : List.of("MyStudy", "a*b", ".hidden", "trailing.", "con")) {
      assertEquals(study.length(), store.load(study, 3).orElseThrow()[0], study);
      store.save(study, 4, new double[] {4});
      assertEquals(List.of(3L, 4L), List.copyOf(store.trials(study)), study);
      assertTrue(Files.isRegularFile(dir.resolve(study).resolve("4.checkpoint")), study);
    }
    assertTrue(store.trials("mystudy").isEmpty());
    store.save("mystudy", 9, new double[] {9});
    assertEquals(List.of(3L, 4L), List.copyOf(store.trials("MyStudy")));
    assertEquals(List.of(9L), List.copyOf(store.trials("mystudy")));
  }

  /**
   * On a file system that ignores case, the folder of an earlier version's "MyStudy" is also that
   * of a new "mystudy": the store refuses to mix them and says how to part them. (A link stands
   * for such a file system here.)
   */
  @Test
  void aFolderThatAnEarlierVersionsNameTakesIgnoringCaseIsNotShared(@TempDir Path dir)
      throws IOException {
    Files.createDirectories(dir.resolve("MyStudy"));
    Files.createSymbolicLink(dir.resolve("mystudy"), dir.resolve("MyStudy"));
    CheckpointStore<double[]> store =
        CheckpointStore.directory(dir, CheckpointStoreContract.VECTORS);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> store.save("mystudy", 1, new double[0]));
    assertEquals("the checkpoints of study 'mystudy' belong in the folder 'mystudy' of " + dir
        + ", which this file system takes for the folder 'MyStudy' that an earlier version wrote"
        + " for study 'MyStudy'; rename that folder to '%4Dy%53tudy', its name now, and each study"
        + " keeps its own checkpoints", e.getMessage());
    store.save("MyStudy", 2, new double[0]);
    assertEquals(List.of(2L), List.copyOf(store.trials("MyStudy")));
  }

  @Test
  void serializableStatesNeedNoCodeAndAForeignFileIsReportedAsSuch(@TempDir Path dir)
      throws IOException {
    CheckpointStore<String> store =
        CheckpointStore.directory(dir, StateCodec.serializable(String.class));
    store.save("s", 0, "weights");
    assertEquals("weights", store.load("s", 0).get());
    Files.writeString(dir.resolve("s").resolve("1.checkpoint"), "not a checkpoint");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.load("s", 1));
    assertTrue(e.getMessage().contains("trial #1"), e.getMessage());
  }
}
