package dev.tunable.internal.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tunable.Config;
import dev.tunable.FrozenTrial;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.internal.WorkerDeath;
import dev.tunable.storage.Storage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: grid points whose worker was killed ended FAIL and were never run again, so a grid
 * study across a crash ended with holes. Real child JVMs: one killed with SIGKILL while two of its
 * points run, then two that resume the study at the same time.
 */
class GridAcrossAKilledWorkerTest {
  private static final long WAIT_SECONDS = 60;

  @TempDir Path directory;

  private Process start(Path file, String mode, int workers, String name) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder = new ProcessBuilder(
        java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
        "-cp", System.getProperty("java.class.path"),
        GridWorker.class.getName(), file.toString(), mode, Integer.toString(workers));
    builder.redirectError(directory.resolve(name + ".err").toFile());
    return builder.start();
  }

  private String errors(String name) throws IOException {
    return Files.readString(directory.resolve(name + ".err"));
  }

  private static List<FrozenTrial> trials(Path file) {
    try (Storage storage = Storages.file(file)) {
      return Study.load("grid", storage).trials();
    }
  }

  @Test
  void aGridAcrossAKilledWorkerEndsWithEveryPointCompleteAfterAResume() throws Exception {
    Path file = directory.resolve("grid.journal");
    Process killed = start(file, "hang", 2, "killed");
    List<String> lines = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(killed.getInputStream(), StandardCharsets.UTF_8))) {
      // Points #0-#9 finish; the two workers then hang in #10 and #11 (a = 3).
      while (lines.stream().filter(l -> l.startsWith("hang")).count() < 2
          || lines.stream().filter(l -> l.startsWith("done")).count() < 10) {
        String line = out.readLine();
        if (line == null) {
          fail("the child ended early after " + lines + ": " + errors("killed"));
        }
        lines.add(line);
      }
      killed.destroyForcibly();
      assertTrue(killed.waitFor(WAIT_SECONDS, TimeUnit.SECONDS));
    }
    assertEquals(137, killed.exitValue(), "killed by SIGKILL");

    // Two processes resume at once: both find the points of the dead worker free again, and
    // only one of them runs each.
    Process first = start(file, "finish", 1, "first");
    Process second = start(file, "finish", 1, "second");
    awaitExit(first, "first");
    awaitExit(second, "second");

    List<FrozenTrial> trials = trials(file);
    Map<Config, List<FrozenTrial>> byPoint = new HashMap<>();
    trials.forEach(t -> byPoint.computeIfAbsent(t.params(), p -> new ArrayList<>()).add(t));
    assertEquals(30, byPoint.size(), "every point of the grid was asked for");
    for (Map.Entry<Config, List<FrozenTrial>> point : byPoint.entrySet()) {
      List<TrialState> states = point.getValue().stream().map(FrozenTrial::state).toList();
      assertEquals(1, states.stream().filter(s -> s == TrialState.COMPLETE).count(),
          point.getKey() + " is complete once: " + states);
    }
    assertEquals(32, trials.size(), "the two points of the killed worker ran a second time");
    for (FrozenTrial trial : trials) {
      if (trial.state() != TrialState.COMPLETE) {
        assertEquals(TrialState.FAIL, trial.state(), trial.toString());
        assertEquals(killed.pid(), trial.userAttributes().get("pid"), trial.toString());
        String reason = trial.failureReason().orElseThrow();
        assertTrue(reason.startsWith("the process running the trial (worker " + killed.pid() + "/"),
            reason);
        assertTrue(WorkerDeath.isReason(reason), "the grid knows the reason the study wrote");
      }
    }
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
