package dev.tunable.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.storage.Durability;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.SalvageReport;
import dev.tunable.storage.Storage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, part 2: damage is told from a torn last write by looking for a valid record at every
 * byte offset after it, and no damage costs an intact record: the journal either opens with every
 * intact record, or is refused, untouched, naming the offset; {@link Salvage} then recovers every
 * intact record.
 */
class JournalDamageTest {
  private static final SearchSpace<Config> SPACE =
      SearchSpace.builder().real("x", 0, 1).integer("n", 1, 9).build();

  /** In memory where possible: the test writes, forces and salvages a thousand journals. */
  @TempDir(factory = InMemoryTempDir.class) Path directory;
  private int cases;
  private byte[] journal;
  /** Start offsets of the records, then the end of the file. */
  private final List<Integer> starts = new ArrayList<>();
  private final List<List<Event>> events = new ArrayList<>();

  @BeforeEach
  void writeAJournal() throws IOException {
    Path file = directory.resolve("original.journal");
    try (Storage storage = Storages.file(file, Durability.WRITE)) {
      Study study = Study.builder().name("s").storage(storage).progress(false).build();
      for (int i = 0; i < 4; i++) {
        Trial<Config> trial = study.ask(SPACE);
        trial.report(1, i);
        trial.setUserAttribute("note", "trial " + i);
        study.tell(trial, i * 0.5);
      }
    }
    journal = Files.readAllBytes(file);
    int position = JournalFormat.HEADER_LINE.length;
    while (position < journal.length) {
      starts.add(position);
      int length =
          Integer.parseInt(new String(journal, position, 8, StandardCharsets.US_ASCII), 16);
      events.add(EventCodec.decode(new String(journal, position + 18, length,
          StandardCharsets.UTF_8)));
      position += 18 + length + 1;
    }
    starts.add(position);
  }

  /** The index of the record holding byte {@code offset}; -1 for the header line. */
  private int recordAt(int offset) {
    for (int i = 0; i < events.size(); i++) {
      if (offset >= starts.get(i) && offset < starts.get(i + 1)) {
        return i;
      }
    }
    return -1;
  }

  private List<Event> eventsExcept(int record) {
    List<Event> kept = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (i != record) {
        kept.addAll(events.get(i));
      }
    }
    return kept;
  }

  /**
   * Before issue 12, a flipped newline or length digit of the second-to-last record made the open
   * cut the intact last record off as if it were torn: only offsets after a newline were tried.
   */
  @Test
  void noChangedByteAtTheEndOrInTheMiddleOfAJournalLosesAnIntactRecord() throws IOException {
    int records = events.size();
    List<Integer> offsets = new ArrayList<>();
    for (int i = starts.get(records - 2); i < journal.length; i++) {
      offsets.add(i); // every byte of the last two records, their boundary included
    }
    int middle = starts.get(records / 2);
    for (int i : new int[] {0, 5, 17, middle - 1, middle, middle + 3, middle + 8, middle + 12,
        middle + 17, middle + 18, middle + 40}) {
      offsets.add(i);
    }
    int opened = 0;
    int refused = 0;
    int boundary = starts.get(records - 1);
    for (int offset : offsets) {
      // Every change of the bytes near the boundary and in the middle; elsewhere, two kinds.
      boolean near = Math.abs(offset - boundary) <= 30 || offset < boundary - 200;
      for (int change : near ? new int[] {0x01, 0x40, '\n', ' ', '0'} : new int[] {0x01, '\n'}) {
        byte[] damaged = journal.clone();
        damaged[offset] = (byte) (change < 0x20 || change == 0x40
            ? damaged[offset] ^ change : change);
        if (damaged[offset] == journal[offset]) {
          continue;
        }
        if (check(damaged, offset)) {
          opened++;
        } else {
          refused++;
        }
      }
    }
    assertTrue(opened > 0 && refused > 0, opened + " opened, " + refused + " refused");
  }

  /** Whether the damaged journal opened (else it was refused); asserts that nothing was lost. */
  private boolean check(byte[] damaged, int offset) throws IOException {
    String what = "byte " + offset + " changed from " + journal[offset] + " to " + damaged[offset];
    int hit = recordAt(offset);
    List<Event> intact = eventsExcept(hit);
    Path file = directory.resolve("damaged-" + cases + ".journal");
    Path salvaged = directory.resolve("salvaged-" + cases++ + ".journal");
    Files.write(file, damaged);
    boolean opened;
    long cursor = -1;
    try (Storage storage = Storages.file(file, Durability.WRITE)) {
      Storage.Batch batch = storage.read(0);
      assertEquals(events.size() - 1, hit,
          "only damage to the last record is a torn tail: " + what);
      assertEquals(intact, batch.events(), what);
      cursor = batch.cursor();
      opened = true;
    } catch (IllegalStateException e) {
      int at = hit < 0 ? 0 : starts.get(hit);
      assertTrue(e.getMessage().startsWith("the journal " + file + " is damaged at byte " + at
          + ": "), what + ": " + e.getMessage());
      assertTrue(e.getMessage().contains("Salvage " + file + " " + file + ".salvaged"),
          e.getMessage());
      opened = false;
    }
    assertArrayEquals(damaged, Files.readAllBytes(file), "opening changed nothing: " + what);

    SalvageReport report = Storages.salvage(file, salvaged);
    assertArrayEquals(damaged, Files.readAllBytes(file), "salvage changed nothing: " + what);
    try (Storage storage = Storages.file(salvaged)) {
      assertEquals(intact, storage.read(0).events(), "salvaged: " + what);
    }
    assertEquals(hit < 0 ? events.size() : events.size() - 1, report.recordsKept(), what);
    assertTrue(report.skipped().stream().anyMatch(s -> s.start() <= offset && offset < s.end()),
        what + ": " + report);
    boolean startLost = hit >= 0 && hit < events.size() - 1 && events.get(hit).stream()
        .anyMatch(e -> e instanceof Event.StudyCreated || e instanceof Event.TrialStarted);
    assertEquals(startLost, !report.warnings().isEmpty(), what + ": " + report);

    if (opened) {
      // A writer, about to append, cuts the torn tail off; no intact record goes with it.
      Event extra = new TrialReported("s", 0, 99, 1.0);
      try (Storage storage = Storages.file(file, Durability.WRITE)) {
        storage.append(cursor, news -> List.of(extra));
      }
      List<Event> expected = new ArrayList<>(intact);
      expected.add(extra);
      try (Storage storage = Storages.file(file)) {
        assertEquals(expected, storage.read(0).events(), "appended after the cut: " + what);
      }
    }
    Files.delete(file);
    Files.delete(salvaged);
    return opened;
  }

  @Test
  void theCommandInTheDamageMessageSalvagesEveryIntactRecord() throws Exception {
    Path file = directory.resolve("damaged.journal");
    byte[] damaged = journal.clone();
    damaged[starts.get(3) - 1] = 'x'; // the newline of the third record, a trial's report
    Files.write(file, damaged);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Study.load("s", Storages.file(file)));
    Matcher command = Pattern.compile("with: (java -cp \\S+ \\S+ \\S+ \\S+) \\(or").matcher(
        e.getMessage());
    assertTrue(command.find(), e.getMessage());
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process salvage = new ProcessBuilder("sh", "-c", java + command.group(1).substring(4))
        .redirectErrorStream(true).start();
    String output = new String(salvage.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(salvage.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, salvage.exitValue(), output);
    assertTrue(output.startsWith("kept " + (events.size() - 1) + " records"), output);
    assertTrue(output.contains("skipped " + (starts.get(3) - starts.get(2)) + " bytes in 1 range:\n"
        + "  bytes " + starts.get(2) + " to " + starts.get(3)), output);
    assertArrayEquals(damaged, Files.readAllBytes(file));
    Path salvaged = directory.resolve("damaged.journal.salvaged");
    try (Storage storage = Storages.file(salvaged)) {
      assertEquals(eventsExcept(2), storage.read(0).events());
      assertEquals(4, Study.load("s", storage).trials().size());
    }
  }

  @Test
  void salvageNeverWritesOverAFileNorOverItsInput() throws IOException {
    Path file = directory.resolve("damaged.journal");
    Files.write(file, journal);
    Path existing = Files.writeString(directory.resolve("notes.txt"), "keep me");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Storages.salvage(file, existing));
    assertEquals("the salvaged journal " + existing + " exists; salvage writes only a new file and"
        + " never replaces one: name a file that does not exist", e.getMessage());
    assertEquals("keep me", Files.readString(existing));
    assertThrows(IllegalArgumentException.class, () -> Storages.salvage(file, file));
    assertThrows(IllegalArgumentException.class,
        () -> Storages.salvage(file, directory.resolve(".").resolve("damaged.journal")));
    assertArrayEquals(journal, Files.readAllBytes(file));
  }

  @Test
  void salvagingAFileThatIsNotAJournalWritesNothing() throws IOException {
    Path file = Files.writeString(directory.resolve("data.csv"), "id,x\n1,0.5\n");
    Path salvaged = directory.resolve("out.journal");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Storages.salvage(file, salvaged));
    assertEquals("found no valid record in " + file + ", which begins with \"id,x\\n1,0.5\\n\": it"
        + " is not a Tunable journal; nothing was written", e.getMessage());
    assertFalse(Files.exists(salvaged));
    assertThrows(IllegalArgumentException.class,
        () -> Storages.salvage(directory.resolve("none.journal"), salvaged));
  }

  @Test
  void salvagingAJournalOfANewerFormatIsRefused() throws IOException {
    Path file = directory.resolve("newer.journal");
    Files.write(file, ("tunable-journal 7\n").getBytes(StandardCharsets.US_ASCII));
    Path salvaged = directory.resolve("out.journal");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Storages.salvage(file, salvaged));
    assertTrue(e.getMessage().contains("has format version 7"), e.getMessage());
    assertFalse(Files.exists(salvaged));
  }

  @Test
  void salvageSaysWhatItKeptAndWhatItSkipped() throws IOException {
    Path file = directory.resolve("damaged.journal");
    byte[] damaged = Arrays.copyOf(journal, journal.length + 7);
    damaged[starts.get(3) + 20] = 'X';
    System.arraycopy("0000ff0".getBytes(StandardCharsets.US_ASCII), 0, damaged, journal.length, 7);
    Files.write(file, damaged);
    Path salvaged = directory.resolve("salvaged.journal");
    SalvageReport report = Storages.salvage(file, salvaged);
    int kept = events.size() - 1;
    long eventCount = eventsExcept(3).size();
    assertEquals(new SalvageReport(file, salvaged, kept, eventCount, List.of(
        new SalvageReport.Skipped(starts.get(3), starts.get(4), report.skipped().get(0).reason()),
        new SalvageReport.Skipped(journal.length, damaged.length, "no valid record: \"0000ff0\" up"
            + " to the end of the file (a last write cut short, or damage)")), List.of()), report);
    assertTrue(report.skipped().get(0).reason().startsWith("no valid record: \"0000"),
        report.toString());
    assertEquals("kept " + kept + " records (" + eventCount + " events) of " + file + " in "
        + salvaged + "; skipped " + (starts.get(4) - starts.get(3) + 7) + " bytes in 2 ranges:\n"
        + "  bytes " + starts.get(3) + " to " + starts.get(4) + " (" + (starts.get(4)
        - starts.get(3)) + "): " + report.skipped().get(0).reason() + "\n"
        + "  bytes " + journal.length + " to " + damaged.length + " (7): no valid record:"
        + " \"0000ff0\" up to the end of the file (a last write cut short, or damage)",
        report.toString());
    damaged[starts.get(1) + 30] ^= 1; // the start of trial #0
    Files.write(file, damaged);
    SalvageReport lost = Storages.salvage(file, directory.resolve("lost.journal"));
    assertEquals(List.of("study 's' has events of trial #0, which was started in the skipped bytes;"
        + " its later events were kept, but it cannot be opened from the salvaged journal until"
        + " that is repaired"), lost.warnings());
    assertTrue(lost.toString().endsWith("\nwarning: " + lost.warnings().get(0)), lost.toString());
    assertFalse(report.isComplete());
    Path again = directory.resolve("again.journal");
    SalvageReport clean = Storages.salvage(salvaged, again);
    assertTrue(clean.isComplete(), clean.toString());
    assertArrayEquals(Files.readAllBytes(salvaged), Files.readAllBytes(again));
  }

  @Test
  void theSalvageCommandWithoutTwoFilesPrintsItsUsage() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process salvage = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Salvage.class.getName(), "only-one").redirectErrorStream(true).start();
    String output = new String(salvage.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(salvage.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, salvage.exitValue());
    if (!output.startsWith("usage: java -cp tunable-runtime.jar" + File.pathSeparator
        + "tunable-annotations.jar " + Salvage.class.getName())) {
      fail(output);
    }
  }

  @Test
  void salvageDoesNotWarnOfADeletedStudysLostRecords() throws IOException {
    Path file = directory.resolve("deleted.journal");
    try (Storage storage = Storages.file(file)) {
      Study old = Study.builder().name("s").storage(storage).progress(false).build();
      old.tell(old.ask(SPACE), 1);
      Study.delete("s", storage);
      Study renewed = Study.builder().name("s").storage(storage).progress(false).build();
      renewed.tell(renewed.ask(SPACE), 2);
    }
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    bytes[text.indexOf("\"trial_started\"") + 3] ^= 1; // the old study's trial #0
    Files.write(file, bytes);
    SalvageReport report = Storages.salvage(file, directory.resolve("salvaged.journal"));
    assertEquals(1, report.skipped().size(), report.toString());
    assertEquals(List.of(), report.warnings(), "the study that lost a record was deleted");
    try (Storage storage = Storages.file(directory.resolve("salvaged.journal"))) {
      assertEquals(List.of("s"), Study.names(storage));
      assertEquals(List.of(2.0), Study.load("s", storage).trials().stream()
          .map(t -> t.value()).toList(), "the new study opens");
    }
  }

  @Test
  void aDamagedStudyIsListedAndMayBeDeletedButNotOpened() throws IOException {
    Path file = directory.resolve("damaged-study.journal");
    try (Storage storage = Storages.file(file)) {
      Study damaged = Study.builder().name("damaged").storage(storage).progress(false).build();
      damaged.tell(damaged.ask(SPACE), 1);
      Study.builder().name("fine").storage(storage).progress(false).build();
    }
    byte[] bytes = Files.readAllBytes(file);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    bytes[text.indexOf("\"trial_started\"") + 3] ^= 1;
    Path salvaged = directory.resolve("salvaged.journal");
    Files.write(file, bytes);
    assertEquals(1, Storages.salvage(file, salvaged).warnings().size());
    try (Storage storage = Storages.file(salvaged)) {
      assertEquals(List.of("damaged", "fine"), Study.names(storage));
      IllegalArgumentException broken =
          assertThrows(IllegalArgumentException.class, () -> Study.load("damaged", storage));
      assertEquals("study 'damaged' has no trial #0; it has 0 trials", broken.getMessage());
      Study.delete("damaged", storage);
      assertEquals(List.of("fine"), Study.names(storage));
      Study.builder().name("damaged").storage(storage).progress(false).build();
      assertEquals(List.of(), Study.load("damaged", storage).trials());
    }
  }
}
