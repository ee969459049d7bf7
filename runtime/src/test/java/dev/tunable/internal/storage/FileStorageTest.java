package dev.tunable.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import dev.tunable.internal.CapturedLogs;
import dev.tunable.storage.Durability;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.RunRecorded;
import dev.tunable.storage.Event.SpaceSet;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialStarted;
import dev.tunable.storage.Storage;
import dev.tunable.storage.StorageContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest extends StorageContract {
  private static final SearchSpace<Config> SPACE =
      SearchSpace.builder().real("x", 0, 1).integer("n", 1, 10).build();

  @TempDir Path directory;
  private int files;

  @Override
  protected Storage create() {
    return Storages.file(directory.resolve("journal-" + files++ + ".tunable"));
  }

  @Override
  protected Storage reopen(Storage storage) {
    return Storages.file(((FileStorage) storage).path());
  }

  private Path studyWithTrials(Path file, int trials) {
    try (Storage storage = Storages.file(file)) {
      Study study = Study.builder().name("s").storage(storage).sampler(Samplers.random(1))
          .progress(false).build();
      study.optimize(SPACE, trials, trial -> trial.params().getDouble("x"));
    }
    return file;
  }

  private static List<FrozenTrial> trialsIn(Path file) {
    try (Storage storage = Storages.file(file)) {
      return Study.load("s", storage).trials();
    }
  }

  /**
   * A journal in the current format, written as a Tunable before issue 17 wrote it: trials, and
   * no search space.
   */
  private Path journalWithoutASpace(String name) {
    Path file = directory.resolve(name);
    Instant time = Instant.parse("2026-11-01T10:00:00Z");
    try (Storage storage = Storages.file(file)) {
      storage.append(0, news -> List.of(new StudyCreated("s", List.of(Direction.MINIMIZE), time),
          new TrialStarted("s", 0, Map.of("x", 0.25, "n", 3L), -1, "w", time),
          new TrialFinished("s", 0, TrialState.COMPLETE, new double[] {0.25}, null, time),
          new TrialStarted("s", 1, Map.of("x", 0.75, "n", 12L), -1, "w", time),
          new TrialFinished("s", 1, TrialState.COMPLETE, new double[] {0.125}, null, time)));
    }
    return file;
  }

  @Test
  void aJournalWithoutASearchSpaceOpensAndRecordsOneWhenTrialsRunAgain() {
    Path file = journalWithoutASpace("before-spaces.tunable");
    try (Storage storage = Storages.file(file); CapturedLogs logs = CapturedLogs.open()) {
      Study study = Study.load("s", storage);
      assertTrue(study.space().isEmpty());
      assertEquals(1, study.bestTrial().number());
      // Trial #1 has n = 12, outside the space now run: it stays, and is not the best returned.
      Trial<Config> best = study.optimize(SPACE, 2, trial -> 1.0);
      assertEquals(0, best.number());
      assertEquals(SPACE.dimensions(), study.space().orElseThrow().dimensions());
      assertEquals(List.of("WARN study 's' recorded no search space before. 1 of its 2 trials"
          + " recorded do not fit the new space: they stay in the study as they were; samplers"
          + " ignore their values outside the space, and optimize returns the best trial that"
          + " fits it (bestTrial() the best of all)."), logs.lines("dev.tunable.study").stream()
          .filter(line -> line.startsWith("WARN")).toList());
    }
    try (Storage storage = Storages.file(file)) {
      List<Event> events = storage.read(0).events();
      assertEquals(1, events.stream().filter(SpaceSet.class::isInstance).count());
      assertEquals(SpaceSet.class, events.get(5).getClass(), "after the old events");
      assertEquals(RunRecorded.class, events.get(6).getClass(), "with the space");
      Study study = Study.load("s", storage);
      assertTrue(study.reproduce(1).run().isEmpty(), "an old trial has no recorded settings");
      assertEquals(2, study.reproduce(2).run().orElseThrow().firstTrial());
      assertEquals(1, study.runs().size());
    }
  }

  @Test
  void theJournalIsAHeaderLineThenOneChecksummedJsonRecordPerLine() throws IOException {
    Path file = studyWithTrials(directory.resolve("readable.tunable"), 2);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertEquals("tunable-journal 1", lines.get(0));
    List<String> records = lines.subList(1, lines.size());
    assertEquals(6, records.size(),
        "created, the space with the run's settings, then started and finished per trial");
    for (String line : records) {
      // a record holds one event, or an array of the events appended at once
      assertTrue(line.matches("[0-9a-f]{8} [0-9a-f]{8} \\[?\\{\"type\":\"[a-z_]+\","
          + "\"study\":\"s\".*\\}\\]?"), line);
      int length = Integer.parseInt(line.substring(0, 8), 16);
      assertEquals(length, line.substring(18).getBytes(StandardCharsets.UTF_8).length);
    }
    assertTrue(records.get(1).contains("{\"type\":\"space_set\",\"study\":\"s\",\"dimensions\":"
        + "[{\"name\":\"x\",\"kind\":\"real\",\"low\":0.0,\"high\":1.0,\"scale\":\"LINEAR\","
        + "\"step\":0.0,\"float\":false},{\"name\":\"n\",\"kind\":\"integer\",\"low\":1,"
        + "\"high\":10,\"scale\":\"LINEAR\",\"step\":1,\"int\":false}],\"time\":"), records.get(1));
    assertTrue(records.get(2).contains("\"type\":\"trial_started\",\"study\":\"s\",\"number\":0,"
        + "\"params\":{\"x\":"), records.get(2));
  }

  @Test
  void constraintsAreATypedRecordAndNotAUserAttribute() throws IOException {
    Path file = directory.resolve("constraints.tunable");
    try (Storage storage = Storages.file(file)) {
      // A named sampler: the automatic one records attributes of its own
      Study study = Study.builder().name("s").sampler(Samplers.random(1)).storage(storage)
          .progress(false).build();
      Trial<Config> trial = study.ask(SPACE);
      trial.setConstraints(-1.5, 2);
      study.tell(trial, 1.0);
    }
    assertTrue(Files.readString(file).contains(
        "{\"type\":\"trial_constraints_set\",\"study\":\"s\",\"number\":0,"
            + "\"constraints\":[-1.5,2.0]}"), Files.readString(file));
    FrozenTrial read = trialsIn(file).get(0);
    assertArrayEquals(new double[] {-1.5, 2}, read.constraints());
    assertEquals(Map.of(), read.userAttributes());
    assertFalse(read.isFeasible());
  }

  /** Journals written before constraints had an event of their own kept them as an attribute. */
  @Test
  void constraintsInAnOlderJournalAreReadBackAsConstraints() throws IOException {
    Path file = studyWithTrials(directory.resolve("older.tunable"), 1);
    Files.write(file, FileStorage.frame("{\"type\":\"trial_attribute_set\",\"study\":\"s\","
        + "\"number\":0,\"key\":\"tunable.constraints\",\"value\":\"0.25,-3.0\"}"),
        StandardOpenOption.APPEND);
    FrozenTrial read = trialsIn(file).get(0);
    assertArrayEquals(new double[] {0.25, -3}, read.constraints());
    assertEquals(Map.of(), read.userAttributes());
  }

  /**
   * A process killed mid-write leaves part of its last record: optuna/optuna#5138. Opening the
   * study skips it and changes nothing (issue 12: only a writer may cut); the next append cuts it.
   */
  @Test
  void aTornLastRecordIsSkippedByReadersAndCutOffByTheNextAppend() throws IOException {
    Path file = studyWithTrials(directory.resolve("torn.tunable"), 3);
    List<FrozenTrial> before = trialsIn(file);
    byte[] good = Files.readAllBytes(file);
    byte[] record = FileStorage.frame(EventCodec.encode(
        new TrialStarted("s", 3, Map.of("x", 0.5, "n", 2L), -1, "1/1", Instant.now())));
    for (int cut : new int[] {1, 10, 18, record.length / 2, record.length - 1}) {
      Files.write(file, good);
      Files.write(file, Arrays.copyOf(record, cut), StandardOpenOption.APPEND);
      byte[] torn = Files.readAllBytes(file);
      assertEquals(before, trialsIn(file), "cut at " + cut);
      assertArrayEquals(torn, Files.readAllBytes(file), "opening changed nothing, cut at " + cut);
      assertEquals(4, appendOneTrial(file).size(), "cut at " + cut);
      byte[] after = Files.readAllBytes(file);
      assertArrayEquals(good, Arrays.copyOf(after, good.length), "cut at " + cut);
      assertEquals('0', after[good.length], "the new record replaced the torn one, cut at " + cut);
    }
  }

  /** Appends a trial to study "s" of {@code file}; returns the trials then. */
  private static List<FrozenTrial> appendOneTrial(Path file) {
    try (Storage storage = Storages.file(file)) {
      Study study = Study.load("s", storage);
      study.tell(study.ask(SPACE), 0.5);
      return study.trials();
    }
  }

  @Test
  void aLastRecordFailingItsChecksumOrZeroedIsSkippedAndCutOffByTheNextAppend()
      throws IOException {
    Path file = studyWithTrials(directory.resolve("crc.tunable"), 2);
    List<FrozenTrial> before = trialsIn(file);
    byte[] good = Files.readAllBytes(file);
    byte[] record = FileStorage.frame(EventCodec.encode(
        new TrialStarted("s", 2, Map.of("x", 0.5, "n", 2L), -1, "1/1", Instant.now())));
    record[record.length - 3] ^= 1;
    Files.write(file, record, StandardOpenOption.APPEND);
    assertEquals(before, trialsIn(file));
    assertEquals(good.length + record.length, Files.size(file), "opening cut nothing");
    assertEquals(3, appendOneTrial(file).size());
    assertEveryLineIsARecord(file, good);
    good = Files.readAllBytes(file);
    Files.write(file, new byte[4096], StandardOpenOption.APPEND); // as after a power loss
    assertEquals(3, trialsIn(file).size());
    assertEquals(good.length + 4096, Files.size(file), "opening cut nothing");
    assertEquals(4, appendOneTrial(file).size());
    assertEveryLineIsARecord(file, good);
  }

  /** The file begins with {@code prefix}, and every line after the header is a whole record. */
  private static void assertEveryLineIsARecord(Path file, byte[] prefix) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    assertArrayEquals(prefix, Arrays.copyOf(bytes, prefix.length));
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      assertTrue(line.matches("[0-9a-f]{8} [0-9a-f]{8} (\\{.*\\}|\\[\\{.*\\}\\])"), line);
      assertEquals(Integer.parseInt(line.substring(0, 8), 16),
          line.substring(18).getBytes(StandardCharsets.UTF_8).length, line);
    }
  }

  @Test
  void theNextWriterAppendsAfterATornRecord() throws IOException {
    Path file = studyWithTrials(directory.resolve("resume.tunable"), 2);
    byte[] record = FileStorage.frame(EventCodec.encode(
        new TrialStarted("s", 2, Map.of("x", 0.5, "n", 2L), -1, "1/1", Instant.now())));
    Files.write(file, Arrays.copyOf(record, 25), StandardOpenOption.APPEND);
    try (Storage storage = Storages.file(file)) {
      Study study = Study.builder().name("s").storage(storage).loadIfExists(true)
          .sampler(Samplers.random(1)).progress(false).build();
      study.optimize(SPACE, 3, trial -> trial.params().getDouble("x"));
    }
    List<FrozenTrial> trials = trialsIn(file);
    assertEquals(5, trials.size());
    assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
  }

  @Test
  void damageBeforeValidRecordsIsReportedNotCut() throws IOException {
    Path file = studyWithTrials(directory.resolve("damaged.tunable"), 2);
    byte[] bytes = Files.readAllBytes(file);
    int secondLine = indexOf(bytes, (byte) '\n') + 1;
    int thirdLine = secondLine + indexOf(Arrays.copyOfRange(bytes, secondLine, bytes.length),
        (byte) '\n') + 1;
    bytes[thirdLine + 30] ^= 1;
    Files.write(file, bytes);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> trialsIn(file));
    assertTrue(e.getMessage().startsWith("the journal " + file + " is damaged at byte " + thirdLine
        + ": the record there is not valid (it begins with \"0000"), e.getMessage());
    assertTrue(e.getMessage().contains(", but a valid record follows at byte "), e.getMessage());
    assertTrue(e.getMessage().contains("so this is not a torn last write and nothing was cut off;"
        + " the file was left untouched. Copy the valid records before and after the damage into"
        + " a new journal with: java -cp "), e.getMessage());
    assertTrue(e.getMessage().contains(" dev.tunable.internal.storage.Salvage " + file + " " + file
        + ".salvaged"), e.getMessage());
    assertArrayEquals(bytes, Files.readAllBytes(file), "nothing was cut");
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void trialsOfAWorkerWhoseLockIsFreeAreFailedOnOpen() {
    Path file = directory.resolve("dead.tunable");
    Instant now = Instant.now();
    try (Storage storage = Storages.file(file)) {
      storage.append(0, news -> List.<Event>of(
          new StudyCreated("s", List.of(Direction.MINIMIZE), now),
          new TrialStarted("s", 0, Map.of("x", 0.5, "n", 2L), -1, "999999/abc", now)));
      assertFalse(storage.isAlive("999999/abc"), "no one holds slot abc");
      assertFalse(storage.isAlive("not a worker id"));
    }
    List<FrozenTrial> trials = trialsIn(file);
    assertEquals(TrialState.FAIL, trials.get(0).state());
    assertEquals("the process running the trial (worker 999999/abc) died before it finished",
        trials.get(0).failureReason().orElseThrow());
  }

  @Test
  void anotherOpenStorageInThisProcessIsAlive() {
    Path file = directory.resolve("alive.tunable");
    try (Storage one = Storages.file(file)) {
      Storage two = Storages.file(file);
      assertTrue(one.isAlive(two.workerId()));
      assertTrue(two.isAlive(one.workerId()));
      String id = two.workerId();
      two.close();
      two.close();
      assertFalse(one.isAlive(id), "a closed storage's worker is gone; closing twice is harmless");
      assertTrue(one.isAlive(one.workerId()));
      assertEquals(List.of(), one.read(0).events(), "closing the other left the file open");
    }
  }

  @Test
  void writeDurabilityKeepsEverythingWithinTheProcess() {
    Path file = directory.resolve("write.tunable");
    try (Storage storage = Storages.file(file, Durability.WRITE)) {
      Study.builder().name("s").storage(storage).sampler(Samplers.random(2)).progress(false)
          .build().optimize(SPACE, 4, trial -> trial.params().getDouble("x"));
    }
    assertEquals(4, trialsIn(file).size());
  }

  @Test
  void aResumedSeededStudyContinuesWithTheSameTrials() {
    Path once = studyWithTrials(directory.resolve("once.tunable"), 10);
    Path twice = studyWithTrials(directory.resolve("twice.tunable"), 5);
    try (Storage storage = Storages.file(twice)) {
      Study.builder().name("s").storage(storage).loadIfExists(true).sampler(Samplers.random(1))
          .progress(false).build()
          .optimize(SPACE, 5, trial -> trial.params().getDouble("x"));
    }
    List<Config> expected = trialsIn(once).stream().map(FrozenTrial::params).toList();
    assertEquals(expected, trialsIn(twice).stream().map(FrozenTrial::params).toList());
  }

  /**
   * Before issue 12 an interrupted thread closed the file for the whole process: the call failed
   * with "cannot read the journal", and so did every later call on the storage.
   */
  @Test
  void anInterruptedThreadUsesTheStorageAndKeepsItsInterruptStatus() {
    Path file = studyWithTrials(directory.resolve("interrupted.tunable"), 2);
    try (Storage storage = Storages.file(file); Storage other = Storages.file(file)) {
      Study study = Study.load("s", storage);
      Thread.currentThread().interrupt();
      try {
        Trial<Config> trial = study.ask(SPACE);
        assertTrue(Thread.currentThread().isInterrupted(), "the status is the caller's");
        study.tell(trial, 0.25);
        assertTrue(Thread.currentThread().isInterrupted());
        assertTrue(storage.isAlive(other.workerId()));
        assertTrue(other.isAlive(storage.workerId()), "the worker's lock was kept");
      } finally {
        Thread.interrupted();
      }
      assertEquals(3, Study.load("s", other).trials().size());
    }
    List<FrozenTrial> trials = trialsIn(file);
    assertEquals(3, trials.size());
    assertEquals(0.25, trials.get(2).value());
  }

  @Test
  void aMissingDirectoryIsNamedInTheError() {
    Path file = directory.resolve("no/such/dir/j.tunable");
    RuntimeException e = assertThrows(RuntimeException.class, () -> Storages.file(file));
    assertTrue(e.getMessage().startsWith("cannot open the journal " + file), e.getMessage());
  }
}
