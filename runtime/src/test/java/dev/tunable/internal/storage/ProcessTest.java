package dev.tunable.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tunable.Config;
import dev.tunable.FrozenTrial;
import dev.tunable.Samplers;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child JVMs on one journal: killed with SIGKILL mid-study, and sharing a study. */
class ProcessTest {
  private static final long WAIT_SECONDS = 60;

  @TempDir Path directory;

  private Process start(Path file, String mode, long seed, int trials, int workers, String name)
      throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(
        java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
        "-cp", System.getProperty("java.class.path"),
        StudyProcess.class.getName(), file.toString(), mode, Long.toString(seed),
        Integer.toString(trials), Integer.toString(workers));
    builder.redirectError(directory.resolve(name + ".err").toFile());
    return builder.start();
  }

  private String errors(String name) throws IOException {
    return Files.readString(directory.resolve(name + ".err"));
  }

  private static List<FrozenTrial> trials(Path file) {
    try (Storage storage = Storages.file(file)) {
      return Study.load("shared", storage).trials();
    }
  }

  @Test
  void aKilledStudyLosesNoFinishedTrialAndItsRunningTrialsFail() throws Exception {
    Path file = directory.resolve("killed.tunable");
    Process child = start(file, "hang", 1, 100, 2, "killed");
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      // Trials #0-#5 finish; the two workers then hang in #6 and #7.
      while (lines.stream().filter(l -> l.startsWith("hang")).count() < 2
          || lines.stream().filter(l -> l.startsWith("done")).count() < 6) {
        String line = out.readLine();
        if (line == null) {
          fail("the child ended early after " + lines + ": " + errors("killed"));
        }
        lines.add(line);
      }
      assertTrue(trials(file).stream().anyMatch(t -> t.state() == TrialState.RUNNING),
          "another process sees the running trials as running: their worker is alive");
      child.destroyForcibly();
      assertTrue(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
    }
    assertEquals(137, child.exitValue(), "killed by SIGKILL");

    List<FrozenTrial> trials = trials(file);
    assertEquals(8, trials.size(), trials.toString());
    for (FrozenTrial trial : trials.subList(0, 6)) {
      assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
      assertEquals(trial.number(), trial.value());
    }
    for (FrozenTrial trial : trials.subList(6, 8)) {
      assertEquals(TrialState.FAIL, trial.state(), trial.toString());
      assertTrue(trial.failureReason().orElseThrow().matches(
          "the process running the trial \\(worker " + child.pid() + "/[0-9a-f]+\\) died before it"
              + " finished"), trial.failureReason().orElseThrow());
    }

    try (Storage storage = Storages.file(file)) {
      Study resumed = Study.builder().name("shared").storage(storage).loadIfExists(true)
          .sampler(Samplers.random(2)).progress(false).build();
      resumed.optimize(StudyProcess.SPACE, 3, trial -> trial.params().getDouble("x"));
      assertEquals(11, resumed.trials().size());
      assertEquals(TrialState.COMPLETE, resumed.trials().get(10).state());
    }
  }

  @Test
  void twoProcessesShareOneStudyWithDistinctTrialNumbers() throws Exception {
    Path file = directory.resolve("shared.tunable");
    Process first = start(file, "random", 1, 25, 1, "first");
    Process second = start(file, "random", 2, 25, 1, "second");
    awaitExit(first, "first");
    awaitExit(second, "second");

    List<FrozenTrial> trials = trials(file);
    assertEquals(50, trials.size());
    for (int i = 0; i < trials.size(); i++) {
      assertEquals(i, trials.get(i).number());
      assertEquals(TrialState.COMPLETE, trials.get(i).state());
      assertEquals((double) i, trials.get(i).value(), "each process ran the trial it was given");
    }
    Set<Object> pids = trials.stream().map(t -> t.userAttributes().get("pid"))
        .collect(Collectors.toSet());
    assertEquals(Set.of(first.pid(), second.pid()), pids);
  }

  @Test
  void twoProcessesOnOneGridVisitEachPointOnce() throws Exception {
    Path file = directory.resolve("grid.tunable");
    Process first = start(file, "grid", 0, 100, 1, "grid1");
    Process second = start(file, "grid", 0, 100, 1, "grid2");
    awaitExit(first, "grid1");
    awaitExit(second, "grid2");

    List<FrozenTrial> trials = trials(file);
    Set<Config> points = new HashSet<>();
    trials.forEach(t -> points.add(t.params()));
    assertEquals(30, trials.size(), "6 x 5 points, then the grid is exhausted");
    assertEquals(30, points.size(), "no point twice");
  }

  private void awaitExit(Process process, String name) throws Exception {
    if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail(name + " did not finish: " + errors(name));
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), name + " failed: " + errors(name));
    assertTrue(out.endsWith("exit\n"), out);
  }
}
