package dev.tunable.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Provenance;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import dev.tunable.storage.Event;
import dev.tunable.storage.Storage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The commands over the studies of a storage, run in this JVM on a journal in a temp dir. */
class StudyCommandsTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", -5, 10).integer("units", 16, 256).categorical("activation", "relu", "tanh")
      .build();

  @TempDir Path directory;
  private Path journal;
  private String url;

  /** What a command printed, and its exit code. */
  record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = Tunable.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int code = command.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** {@link #run} with {@code input} on standard input. */
  private static Run runWithInput(String input, String... args) {
    InputStream in = System.in;
    System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    try {
      return run(args);
    } finally {
      System.setIn(in);
    }
  }

  /**
   * Study "tuning": 6 trials, seeded; #2 fails, #4 is pruned, #5 runs. Study "pair": two
   * objectives, 3 trials.
   */
  @BeforeEach
  void twoStudies() {
    journal = directory.resolve("studies.journal");
    url = "file:" + journal;
    try (Storage storage = Storages.file(journal)) {
      Study tuning = Study.builder().name("tuning").direction(Direction.MINIMIZE)
          .sampler(Samplers.random(7)).storage(storage).progress(false).build();
      for (int n = 0; n < 5; n++) {
        Trial<Config> trial = tuning.ask(SPACE);
        if (n == 2) {
          tuning.tellFailure(trial, "out of memory");
        } else if (n == 4) {
          tuning.tell(trial, TrialState.PRUNED);
        } else {
          tuning.tell(trial, Math.abs(trial.params().getDouble("x")));
        }
      }
      tuning.ask(SPACE); // #5 running, by a worker alive while this storage is open
      Study pair = Study.builder().name("pair")
          .directions(Direction.MINIMIZE, Direction.MAXIMIZE)
          .sampler(Samplers.random(1)).storage(storage).progress(false).build();
      double[][] values = {{1, 1}, {2, 3}, {3, 2}};
      for (double[] v : values) {
        pair.tell(pair.ask(SPACE), v);
      }
    } // closed: trial #5's worker is now dead
  }

  private List<FrozenTrial> trials(String study) {
    try (Storage storage = Storages.file(journal)) {
      return Study.load(study, storage).trials();
    }
  }

  @Test
  void studiesListsEachStudyWithItsTrialsByState() {
    Run run = run("studies", "--storage", url);
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(List.of(
        "STUDY   TRIALS  COMPLETE  PRUNED  FAIL  RUNNING  DIRECTIONS",
        "tuning  6       3         1       2     0        MINIMIZE",
        "pair    3       3         0       0     0        MINIMIZE, MAXIMIZE"), lines,
        "trial #5's worker died: opening the study failed it");
  }

  @Test
  void aStorageWithoutStudiesSaysSoOnStandardError() {
    Path empty = directory.resolve("empty.journal");
    Storages.open("file:" + empty).close(); // a journal that holds no study
    Run run = run("studies", "--storage", "file:" + empty);
    assertEquals(0, run.code());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("no study in file:"), run.err());
  }

  @Test
  void showGivesCountsTheBestTrialAndTheHyperparametersTried() {
    Run run = run("show", "tuning", "--storage", url);
    assertEquals(0, run.code(), run.err());
    FrozenTrial best = trials("tuning").stream().filter(FrozenTrial::hasValue)
        .min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
    assertTrue(run.out().contains("directions  MINIMIZE\n"), run.out());
    assertTrue(run.out().contains("trials      6: 3 COMPLETE, 1 PRUNED, 2 FAIL\n"), run.out());
    assertTrue(run.out().contains("best        #" + best.number() + "  value "
        + Texts.number(best.value()) + "  x="), run.out());
    assertTrue(run.out().contains("activation  "), run.out());
    assertTrue(run.out().contains("Search space, as last recorded:\n"
        + "  NAME        VALUES\n"
        + "  x           reals from -5 to 10\n"
        + "  units       integers from 16 to 256\n"
        + "  activation  one of relu, tanh\n"), run.out());
  }

  @Test
  void showGivesTheSettingsAndVersionsOfEachRun() {
    try (Storage storage = Storages.file(journal)) {
      Study.builder().name("tuning").sampler(Samplers.tpe(3)).storage(storage)
          .provenance(new Provenance("data", "v2")).loadIfExists(true).progress(false).build()
          .ask(SPACE);
    }
    Run run = run("show", "tuning", "--storage", url);
    assertEquals(0, run.code(), run.err());
    String out = run.out();
    String runs = out.substring(out.indexOf("Runs, with the settings their trials started with:"));
    assertTrue(runs.startsWith("Runs, with the settings their trials started with:\n"
        + "  run 1: 6 trials, the first #0\n"
        + "    SETTING  VALUE\n"
        + "    sampler  Samplers.random(7)\n"
        + "    pruner   Pruners.none()\n"
        + "    tunable  "), runs);
    assertTrue(runs.contains("\n  run 2: 1 trial, the first #6\n"
        + "    SETTING" + " ".repeat(11) + "VALUE\n"
        + "    sampler" + " ".repeat(11) + "Samplers.tpe(3)\n"), runs);
    assertTrue(runs.contains("\n    java" + " ".repeat(14) + System.getProperty("java.version")),
        runs);
    assertTrue(runs.endsWith("\n    provenance: data  v2\n"), runs);
  }

  @Test
  void showGivesTheParetoFrontOfSeveralObjectives() {
    Run run = run("show", "pair", "--storage", url);
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("Pareto front (2 trials):"), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  0  1 1 ")), run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  1  2 3 ")), run.out());
    assertFalse(run.out().contains("best "), run.out());
  }

  @Test
  void aMissingStudyNamesTheStudiesThereAreAndExitsWithOne() {
    for (String command : List.of("show", "trials", "export", "fail-stale", "delete")) {
      Run run = run(command, "tunig", "--storage", url);
      assertEquals(1, run.code(), command);
      assertEquals("", run.out(), command);
      assertEquals("tunable " + command + ": no study named 'tunig' in " + url
          + "; its studies are 'tuning', 'pair'\n", run.err(), command);
    }
  }

  @Test
  void trialsAreFilteredSortedAndLimited() {
    List<FrozenTrial> complete = trials("tuning").stream().filter(FrozenTrial::hasValue)
        .sorted((a, b) -> Double.compare(a.value(), b.value())).toList();
    Run best = run("trials", "tuning", "--storage", url, "--sort", "value", "--limit", "2");
    assertEquals(0, best.code(), best.err());
    List<String> lines = best.out().lines().toList();
    assertEquals(3, lines.size(), best.out());
    assertTrue(lines.get(0).startsWith("#  STATE     VALUE"), lines.get(0));
    assertTrue(lines.get(1).startsWith(complete.get(0).number() + "  COMPLETE"), best.out());
    assertTrue(lines.get(2).startsWith(complete.get(1).number() + "  COMPLETE"), best.out());

    Run failed = run("trials", "tuning", "--storage", url, "--state", "fail", "--state",
        "PRUNED");
    List<String> rows = failed.out().lines().skip(1).toList();
    assertEquals(3, rows.size(), failed.out());
    assertTrue(rows.get(0).startsWith("2  FAIL") && rows.get(0).endsWith("out of memory"),
        rows.get(0));
    assertTrue(rows.get(1).startsWith("4  PRUNED"), rows.get(1));
    assertTrue(rows.get(2).startsWith("5  FAIL") && rows.get(2).endsWith("died before it"
        + " finished"), rows.get(2));

    Run bad = run("trials", "tuning", "--storage", url, "--state", "done");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("Invalid value for option '--state'"), bad.err());
  }

  @Test
  void exportWritesTheStudysOwnCsvAndJson() throws Exception {
    StringBuilder csv = new StringBuilder();
    StringBuilder json = new StringBuilder();
    try (Storage storage = Storages.file(journal)) {
      Study study = Study.load("tuning", storage);
      study.exportCsv(csv);
      study.exportJson(json);
    }
    Run toOut = run("export", "tuning", "--storage", url);
    assertEquals(0, toOut.code(), toOut.err());
    assertEquals(csv.toString(), toOut.out());
    Run asJson = run("export", "tuning", "--storage", url, "--format", "JSON");
    assertEquals(json.toString(), asJson.out());

    Path file = directory.resolve("trials.json");
    Run toFile = run("export", "tuning", "--storage", url, "--format", "json", "-o",
        file.toString());
    assertEquals(0, toFile.code(), toFile.err());
    assertEquals("", toFile.out());
    assertEquals(json.toString(), Files.readString(file));
    assertEquals("wrote 6 trials of study 'tuning' to " + file + "\n", toFile.err());
  }

  @Test
  void enqueuedTrialsFromJsonAndCsvAreTheNextOnesRun() throws Exception {
    Path json = Files.writeString(directory.resolve("next.json"),
        "[{\"x\": 1.5, \"units\": 64, \"activation\": \"tanh\"},\n"
            + " {\"x\": -2, \"units\": 32.0, \"activation\": \"relu\"}]\n");
    Run fromJson = run("enqueue", "tuning", json.toString(), "--storage", url);
    assertEquals(0, fromJson.code(), fromJson.err());
    assertEquals("enqueued 2 trials to study 'tuning'; workers run them before any sampled"
        + " ones\n", fromJson.out());
    Path csv = Files.writeString(directory.resolve("next.csv"),
        "x,units,activation\r\n0.25,128,\"relu\"\r\n");
    Run fromCsv = run("enqueue", "tuning", csv.toString(), "--storage", url);
    assertEquals(0, fromCsv.code(), fromCsv.err());

    try (Storage storage = Storages.file(journal)) {
      Study study = Study.load("tuning", storage);
      assertEquals(Map.of("x", 1.5, "units", 64L, "activation", "tanh"),
          study.ask(SPACE).params().asMap());
      assertEquals(Map.of("x", -2.0, "units", 32L, "activation", "relu"),
          study.ask(SPACE).params().asMap());
      assertEquals(Map.of("x", 0.25, "units", 128L, "activation", "relu"),
          study.ask(SPACE).params().asMap());
    }
  }

  @Test
  void enqueueingToAStudyWithoutTrialsReadsCsvCellsByTheirLooks() throws Exception {
    try (Storage storage = Storages.file(journal)) {
      Study.builder().name("fresh").storage(storage).progress(false).build();
    }
    Path csv = Files.writeString(directory.resolve("fresh.csv"),
        "x,units,activation,flag\n0.5,64,relu,true\n");
    Run run = run("enqueue", "fresh", csv.toString(), "--storage", url);
    assertEquals(0, run.code(), run.err());
    assertEquals("study 'fresh' has no trial yet to check the names and types against; a worker's"
        + " search space checks each entry when it takes it\n", run.err());
    try (Storage storage = Storages.file(journal)) {
      assertEquals(List.of(Map.of("x", 0.5, "units", 64L, "activation", "relu", "flag", true)),
          storage.read(0).events().stream()
              .filter(e -> e instanceof Event.TrialEnqueued && e.study().equals("fresh"))
              .map(e -> ((Event.TrialEnqueued) e).params()).toList());
    }
    Path headerOnly = Files.writeString(directory.resolve("empty.csv"), "x,units\n");
    Run empty = run("enqueue", "fresh", headerOnly.toString(), "--storage", url);
    assertEquals(1, empty.code());
    assertEquals("tunable enqueue: " + headerOnly + ": nothing enqueued; 1 problem:\n"
        + "  the file holds no trial; give a JSON array of objects, such as [{\"x\": 0.5,"
        + " \"units\": 64}], or CSV with a header row, such as x,units\n", empty.err());
  }

  @Test
  void aBadEnqueueFileNamesEveryProblemByLineAndKeyAndEnqueuesNothing() throws Exception {
    Path json = Files.writeString(directory.resolve("bad.json"), String.join("\n",
        "[",
        "  {\"x\": 1.5, \"units\": 64, \"activation\": \"tanh\"},",
        "  {\"x\": \"big\", \"units\": 64.5, \"activation\": \"tanh\"},",
        "  {\"x\": 1, \"unit\": 64, \"activation\": null},",
        "  [1, 2]",
        "]"));
    Run run = run("enqueue", "tuning", json.toString(), "--storage", url);
    assertEquals(1, run.code());
    assertEquals("", run.out());
    assertEquals("tunable enqueue: " + json + ": nothing enqueued; 6 problems:\n"
        + "  line 3, key 'x': \"big\" is not a number, as the study's trials hold for 'x'\n"
        + "  line 3, key 'units': 64.5 is not a whole number, as the study's trials hold for"
        + " 'units'\n"
        + "  line 4, key 'activation': null; give a number, a string or a boolean\n"
        + "  line 4, key 'unit': the study's trials have no such hyperparameter; they have x,"
        + " units, activation\n"
        + "  line 4: no value for 'units', which every trial has; give one\n"
        + "  line 5: an array in the array; give each trial as an object, such as {\"x\": 0.5}\n",
        run.err());

    Path csv = Files.writeString(directory.resolve("bad.csv"),
        "x,units,activation\n1,2\n0.5,,relu\n\"open,3,relu\n");
    Run badCsv = run("enqueue", "tuning", csv.toString(), "--storage", url);
    assertEquals(1, badCsv.code());
    assertEquals("tunable enqueue: " + csv + ": nothing enqueued; 1 problem:\n"
        + "  line 4: a quoted value is not closed; end it with \"\n", badCsv.err());
    Files.writeString(csv, "x,units,activation\n1,2\n0.5,,relu\n");
    Run short1 = run("enqueue", "tuning", csv.toString(), "--storage", url);
    assertTrue(short1.err().contains("\n  line 2: 2 values for the header's 3 columns (x, units,"
        + " activation)\n  line 3: no value for 'units', which every trial has; give one\n"),
        short1.err());

    Run notJson = run("enqueue", "tuning",
        Files.writeString(directory.resolve("broken.json"), "[{\"x\": 1,}]").toString(),
        "--storage", url);
    assertTrue(notJson.err().contains("line 1, column 10: not JSON: "), notJson.err());

    Run missing = run("enqueue", "tuning", directory.resolve("none.json").toString(),
        "--storage", url);
    assertEquals(1, missing.code());
    assertEquals("tunable enqueue: no file " + directory.resolve("none.json") + "\n",
        missing.err());

    try (Storage storage = Storages.file(journal)) {
      assertTrue(storage.read(0).events().stream()
          .noneMatch(e -> e instanceof Event.TrialEnqueued), "nothing was enqueued");
    }
  }

  @Test
  void failStaleFailsTheTrialsOfDeadWorkersAndSaysWhich() {
    String worker;
    try (Storage storage = Storages.file(journal)) {
      worker = storage.read(0).events().stream()
          .filter(e -> e instanceof Event.TrialStarted s && s.number() == 5
              && s.study().equals("tuning"))
          .map(e -> ((Event.TrialStarted) e).worker()).findFirst().orElseThrow();
    }
    Run run = run("fail-stale", "tuning", "--storage", url);
    assertEquals(0, run.code(), run.err());
    assertEquals("failed 1 trial of study 'tuning':\n"
        + "  #5  the process running the trial (worker " + worker + ") died before it"
        + " finished\n", run.out());
    Run again = run("fail-stale", "tuning", "--storage", url);
    assertEquals("no trial of study 'tuning' was left running by a worker that died\n",
        again.out());
    assertEquals(TrialState.FAIL, trials("tuning").get(5).state());
  }

  @Test
  void deleteAsksFirstAndTheNameIsThenFree() {
    Run unanswered = runWithInput("", "delete", "tuning", "--storage", url);
    assertEquals(1, unanswered.code());
    assertEquals("Delete study 'tuning' (6 trials) from " + url + "? It cannot be undone. [y/N] \n"
        + "no answer on standard input; give --yes to delete without asking\n"
        + "nothing deleted\n", unanswered.err());
    Run no = runWithInput("n\n", "delete", "tuning", "--storage", url);
    assertEquals(1, no.code());
    assertEquals(6, trials("tuning").size());

    Run yes = runWithInput("y\n", "delete", "tuning", "--storage", url);
    assertEquals(0, yes.code(), yes.err());
    assertEquals("deleted study 'tuning' (6 trials) from " + url + "\n", yes.out());
    assertThrows(NoSuchElementException.class, () -> trials("tuning"));
    assertEquals(List.of("pair"), run("studies", "--storage", url).out().lines().skip(1)
        .map(l -> l.split(" ")[0]).toList());

    try (Storage storage = Storages.file(journal)) {
      Study.builder().name("tuning").storage(storage).progress(false).build();
    }
    assertEquals(List.of(), trials("tuning"), "a new study took the name");
    Run scripted = run("delete", "pair", "--storage", url, "--yes");
    assertEquals(0, scripted.code(), scripted.err());
    assertEquals("", scripted.err());
    assertEquals("deleted study 'pair' (3 trials) from " + url + "\n", scripted.out());
  }

  @Test
  void aStorageUrlsPasswordIsNeverShown() {
    Run unknown = run("studies", "--storage", "mysql://tuner:hunter2@db/tunable");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().contains("unknown storage URL 'mysql://tuner:***@db/tunable'"),
        unknown.err());
    assertFalse(unknown.err().contains("hunter2"), unknown.err());

    Run unreachable = run("show", "s", "--storage",
        "jdbc:postgresql://127.0.0.1:1/tunable?user=tuner&password=hunter2&retrySeconds=1");
    assertEquals(1, unreachable.code(), unreachable.err());
    assertTrue(unreachable.err().contains("password=***"), unreachable.err());
    assertFalse(unreachable.err().contains("hunter2") || unreachable.out().contains("hunter2"),
        unreachable.err());
  }

  @Test
  void theStorageUrlMayComeFromTheEnvironment() throws Exception {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Tunable.class.getName(), "studies");
    builder.environment().put("TUNABLE_STORAGE", url);
    // Standard error apart: opening the studies fails the fixture's trial of a dead worker, and
    // says so there, as a WARN line of the runtime's log.
    Path errors = Files.createTempFile("tunable-studies", ".err");
    Process process = builder.redirectError(errors.toFile()).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    String warned = Files.readString(errors);
    Files.delete(errors);
    assertEquals(0, process.exitValue(), printed + warned);
    assertTrue(warned.isEmpty() || warned.startsWith("WARN dev.tunable.study - "), warned);
    assertTrue(printed.startsWith("STUDY   TRIALS"), printed);
    assertTrue(printed.contains("\ntuning  6 "), printed);
  }

  @Test
  void usageErrorsExitWithTwo() {
    Run none = run();
    assertEquals(2, none.code());
    assertTrue(none.err().contains("give a command, such as tunable studies"), none.err());
    assertTrue(none.err().contains("Commands:"), none.err());
    Run noStorage = run("studies");
    assertEquals(2, noStorage.code(), "TUNABLE_STORAGE is not set in the tests");
    assertTrue(noStorage.err().contains("Missing required option: '--storage=URL'"),
        noStorage.err());
    Run noStudy = run("show", "--storage", url);
    assertEquals(2, noStudy.code());
    assertTrue(noStudy.err().contains("Missing required parameter: 'STUDY'"), noStudy.err());
  }

  @Test
  void helpReadsWellAtEveryLevel() {
    Run top = run("--help");
    assertEquals(0, top.code());
    for (String command : List.of("studies", "show", "trials", "export", "enqueue",
        "fail-stale", "delete", "worker", "completion")) {
      assertTrue(top.out().lines().anyMatch(l -> l.startsWith("  " + command + " ")),
          command + " in\n" + top.out());
      Run help = run(command, "--help");
      assertEquals(0, help.code(), command);
      assertTrue(help.out().contains("Example"), command + ":\n" + help.out());
    }
    assertTrue(top.out().contains("Exit codes: 0 done; 1 the command failed"), top.out());
    assertTrue(top.out().contains("TUNABLE_STORAGE"), top.out());
    assertEquals(run("trials", "--help").out(), run("help", "trials").out());
  }

  @Test
  void completionIsPicocliBashScriptForEveryCommand() {
    Run run = run("completion");
    assertEquals(0, run.code());
    assertTrue(run.out().contains("complete -F _complete_tunable"), run.out());
    assertTrue(run.out().contains("fail-stale"), run.out());
    assertTrue(run.out().contains("--sort"), run.out());
  }

  @Test
  void aMistypedJournalPathIsAnErrorAndCreatesNoFile() {
    Path typo = directory.resolve("studies.jurnal");
    Run run = run("show", "tuning", "--storage", "file:" + typo);
    assertEquals(2, run.code());
    assertTrue(run.err().startsWith("--storage: no journal at " + typo.toAbsolutePath()),
        run.err());
    assertFalse(Files.exists(typo), "no empty journal was left behind");
  }
}
