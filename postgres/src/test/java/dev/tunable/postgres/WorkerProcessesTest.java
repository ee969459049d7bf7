package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.FrozenTrial;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialStarted;
import dev.tunable.storage.Storage;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worker processes (JVMs of {@link WorkerMain}) share studies through one database, each opening
 * it by URL with the password in {@code PGPASSWORD}, as on many machines.
 */
@ExtendWith(PostgresExtension.class)
class WorkerProcessesTest {
  private static final int WORKERS = 4;
  private static final int TRIALS = 50;
  private static final int ENQUEUED = 20;

  private final PostgresServer server;
  @TempDir Path directory;

  WorkerProcessesTest(PostgresServer server) {
    this.server = server;
  }

  /** The URL without its password: workers take it from the environment. */
  private String workerUrl(String url) {
    return url.replace("&password=" + server.password(), "");
  }

  private Process worker(String url, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        WorkerMain.class.getName(), url));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectError(directory.resolve("worker-" + System.nanoTime() + ".err").toFile());
    builder.environment().put("PGPASSWORD", server.password());
    return builder.start();
  }

  @Test
  void fourWorkersShareStudiesWithoutLosingOrRepeatingTrials() throws Exception {
    String url = server.freshUrl();
    List<Map<String, Object>> enqueued = new ArrayList<>();
    try (Storage storage = Storages.open(url)) {
      Study random = Study.builder().name("random").storage(storage).progress(false).build();
      for (int i = 0; i < ENQUEUED; i++) {
        Map<String, Object> params = Map.of("x", i / 1000.0 + 1e-9, "n", 500 + i);
        random.enqueue(params);
        enqueued.add(params);
      }
    }
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < WORKERS; i++) {
      workers.add(worker(workerUrl(url), "trials", String.valueOf(TRIALS)));
    }
    for (Process worker : workers) {
      assertTrue(worker.waitFor(90, TimeUnit.SECONDS), "a worker did not finish");
      assertEquals(0, worker.exitValue(), errors());
    }
    try (Storage storage = Storages.open(url)) {
      List<FrozenTrial> trials = Study.load("random", storage).trials();
      assertEquals(WORKERS * TRIALS, trials.size());
      for (int i = 0; i < trials.size(); i++) {
        assertEquals(i, trials.get(i).number(), "unique, dense numbers");
        assertEquals(TrialState.COMPLETE, trials.get(i).state());
      }
      List<Event> events = storage.read(0).events();
      List<TrialStarted> starts = events.stream()
          .filter(e -> e instanceof TrialStarted s && s.study().equals("random"))
          .map(e -> (TrialStarted) e).toList();
      assertEquals(WORKERS * TRIALS, starts.size());
      Set<String> workerIds = starts.stream().map(TrialStarted::worker).collect(
          Collectors.toSet());
      assertEquals(WORKERS, workerIds.size(), "every worker ran trials");
      Map<Long, Integer> entries = new HashMap<>();
      starts.stream().filter(s -> s.queueEntry() >= 0)
          .forEach(s -> entries.merge(s.queueEntry(), 1, Integer::sum));
      assertEquals(ENQUEUED, entries.size());
      assertTrue(entries.values().stream().allMatch(n -> n == 1), "each entry once: " + entries);
      for (Map<String, Object> params : enqueued) {
        assertEquals(1, trials.stream().filter(t -> matches(t.params(), params)).count(),
            "enqueued " + params + " ran once");
      }
      List<FrozenTrial> grid = Study.load("grid", storage).trials();
      assertEquals(WorkerMain.GRID_POINTS, grid.size());
      Set<String> points = new HashSet<>();
      for (FrozenTrial trial : grid) {
        assertTrue(points.add(trial.params().asMap().toString()), "evaluated twice: " + trial);
      }
    }
  }

  private static boolean matches(Config params, Map<String, Object> enqueued) {
    return params.getDouble("x") == (double) enqueued.get("x")
        && params.getLong("n") == ((Integer) enqueued.get("n")).longValue();
  }

  @Test
  void theTrialOfAKilledWorkerFailsWhenTheStudyIsOpenedAfterItsGracePeriod() throws Exception {
    String url = server.freshUrl() + "&heartbeatSeconds=0.5&graceSeconds=2";
    Process worker = worker(workerUrl(url), "hang");
    BufferedReader out = new BufferedReader(
        new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    assertEquals("RUNNING 0", line, errors());
    worker.destroyForcibly(); // SIGKILL: no close, no last word
    assertTrue(worker.waitFor(10, TimeUnit.SECONDS));
    long killed = System.nanoTime();
    try (Storage storage = Storages.open(url)) {
      assertEquals(TrialState.RUNNING, Study.load("hang", storage).trials().get(0).state(),
          "within its grace period the worker may only be slow");
    }
    Thread.sleep(Math.max(0, 2500 - (System.nanoTime() - killed) / 1_000_000));
    try (Storage storage = Storages.open(url)) {
      FrozenTrial trial = Study.load("hang", storage).trials().get(0);
      assertEquals(TrialState.FAIL, trial.state());
      assertTrue(trial.failureReason().orElseThrow().contains("died before it finished"),
          trial.failureReason().orElseThrow());
    }
  }

  private String errors() throws IOException {
    StringBuilder all = new StringBuilder();
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        all.append(Files.readString(file)).append(File.separator);
      }
    }
    return all.toString();
  }
}
