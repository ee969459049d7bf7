package dev.tunable.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.FrozenTrial;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.storage.Storage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tunable worker}, as a user runs it: in this JVM, and as several worker processes. */
class WorkerCommandTest {
  @TempDir Path directory;

  /** Runs the command line; returns the exit code, with what it printed in {@code out}. */
  private static int run(StringWriter out, String... args) {
    CommandLine command = Tunable.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(out));
    return command.execute(args);
  }

  private static List<FrozenTrial> trials(Path journal, String study) {
    try (Storage storage = Storages.file(journal)) {
      return Study.load(study, storage).trials();
    }
  }

  @Test
  void aWorkerCreatesTheStudyAndRunsTheJobUntilTheTotal() {
    Path journal = directory.resolve("branin.journal");
    StringWriter out = new StringWriter();
    int code = run(out, "worker", "--storage", "file:" + journal, "--study", "branin",
        "--job", BraninJob.class.getName(), "--total-trials", "12", "--seed", "3");
    assertEquals(0, code, out.toString());
    assertTrue(out.toString().contains("ran 12 trials of study 'branin' (0 failed); the study"
        + " holds 12 trials, the best is #"), out.toString());
    assertEquals(12, trials(journal, "branin").size());

    StringWriter again = new StringWriter();
    assertEquals(0, run(again, "worker", "--storage", "file:" + journal, "--study", "branin",
        "--job", BraninJob.class.getName(), "--total-trials", "12"));
    assertTrue(again.toString().contains("ran 0 trials"), again.toString());
    assertEquals(12, trials(journal, "branin").size());
  }

  @Test
  void workerProcessesStartedAlikeStopTogetherAtTheTotal() throws Exception {
    Path journal = directory.resolve("shared.journal");
    List<Process> workers = new ArrayList<>();
    for (int w = 0; w < 3; w++) { // as a shell loop, a Kubernetes Job or a Slurm array does
      workers.add(new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), Tunable.class.getName(), "worker",
          "--storage", "file:" + journal, "--study", "shared", "--job", BraninJob.class.getName(),
          "--total-trials", "30", "--seed", "1")
          .redirectErrorStream(true).start());
    }
    for (Process worker : workers) {
      assertTrue(worker.waitFor(120, TimeUnit.SECONDS), "a worker did not finish");
      String printed = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, worker.exitValue(), printed);
      assertTrue(printed.contains("the study holds"), printed);
      // The command brings its logging binding: no note from SLF4J about a missing one.
      assertFalse(printed.contains("SLF4J"), printed);
    }
    List<FrozenTrial> trials = trials(journal, "shared");
    assertEquals(30, trials.size());
    Set<Long> numbers = new HashSet<>();
    trials.forEach(t -> numbers.add(t.number()));
    assertEquals(30, numbers.size());
    assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    Set<String> workerIds = new HashSet<>();
    try (Storage storage = Storages.file(journal)) {
      storage.read(0).events().forEach(e -> {
        if (e instanceof dev.tunable.storage.Event.TrialStarted started) {
          workerIds.add(started.worker());
        }
      });
    }
    assertTrue(workerIds.size() >= 2, "the trials were shared out: " + workerIds);
  }

  @Test
  void aJobWhoseEveryTrialFailsExitsWithOne() {
    StringWriter out = new StringWriter();
    int code = run(out, "worker", "--storage", "memory:", "--study", "s",
        "--job", FailingJob.class.getName(), "--trials", "3");
    assertEquals(1, code, out.toString());
    assertTrue(out.toString().contains("ran 3 trials of study 's' (3 failed)"), out.toString());
  }

  @Test
  void usageErrorsNameWhatIsWrongAndExitWithTwo() {
    StringWriter missing = new StringWriter();
    assertEquals(2, run(missing, "worker", "--storage", "memory:", "--study", "s",
        "--job", "com.example.NoSuchJob", "--trials", "3"));
    assertTrue(missing.toString().contains("no class com.example.NoSuchJob on the class path"),
        missing.toString());

    StringWriter notAJob = new StringWriter();
    assertEquals(2, run(notAJob, "worker", "--storage", "memory:", "--study", "s",
        "--job", String.class.getName(), "--trials", "3"));
    assertTrue(notAJob.toString().contains("does not implement dev.tunable.TuningJob"),
        notAJob.toString());

    StringWriter noBudget = new StringWriter();
    assertEquals(2, run(noBudget, "worker", "--storage", "memory:", "--study", "s",
        "--job", BraninJob.class.getName()));
    assertTrue(noBudget.toString().contains("give a budget"), noBudget.toString());

    StringWriter badTimeout = new StringWriter();
    assertEquals(2, run(badTimeout, "worker", "--storage", "memory:", "--study", "s",
        "--job", BraninJob.class.getName(), "--timeout", "soon"));
    assertTrue(badTimeout.toString().contains("--timeout 'soon' is not a duration"),
        badTimeout.toString());
  }

  @Test
  void helpDescribesTheWorkerAndItsExitCodes() {
    StringWriter out = new StringWriter();
    assertEquals(0, run(out, "worker", "--help"));
    assertTrue(out.toString().contains("--total-trials=N"), out.toString());
    assertTrue(out.toString().contains("Exit codes:"), out.toString());
  }
}
