package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.FrozenTrial;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Storage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database server is stopped and started again ({@code pg_ctl stop -m fast}, which ends every
 * session, some in the middle of an append) while workers append: nothing is lost or duplicated,
 * and the storages go on. A server of its own, so that other tests never see it stopped.
 */
class RestartTest {
  private static PostgresServer server;

  @BeforeAll
  static void start() {
    server = PostgresServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Stops the server, waits, starts it, {@code times} times, once {@code progress} reaches each. */
  private static void restartWhile(AtomicInteger progress, int times, int every) throws Exception {
    for (int i = 1; i <= times; i++) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (progress.get() < i * every) {
        assertTrue(System.nanoTime() < deadline, "no progress: " + progress.get());
        Thread.sleep(5);
      }
      server.stopServer();
      Thread.sleep(700);
      server.startServer();
    }
  }

  @Test
  void appendsThroughRestartsAreKeptExactlyOnce() throws Exception {
    String url = server.freshUrl();
    int threads = 3;
    int perThread = 150;
    AtomicInteger appended = new AtomicInteger();
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    try (Storage first = Storages.open(url); Storage second = Storages.open(url)) {
      for (int t = 0; t < threads; t++) {
        Storage storage = t % 2 == 0 ? first : second;
        int id = t;
        writers.add(CompletableFuture.runAsync(() -> {
          long cursor = 0;
          for (int i = 0; i < perThread; i++) {
            int step = i;
            cursor = storage.append(cursor, news -> List.of(
                new TrialReported("s", id, step, step), new TrialReported("s", id, -step - 1, step)));
            appended.incrementAndGet();
          }
        }));
      }
      restartWhile(appended, 2, threads * perThread / 3);
      CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
      List<Event> events = first.read(0).events();
      assertEquals(threads * perThread * 2, events.size());
      assertTrue(((PostgresStorage) first).retries() + ((PostgresStorage) second).retries() > 0,
          "the restarts broke calls, which were retried");
      assertEquals(events.size(), new HashSet<>(events).size(), "no duplicate");
      for (int t = 0; t < threads; t++) {
        int id = t;
        List<Long> steps = events.stream()
            .filter(e -> ((TrialReported) e).number() == id && ((TrialReported) e).step() >= 0)
            .map(e -> ((TrialReported) e).step()).toList();
        assertEquals(perThread, steps.size());
        for (int i = 0; i < perThread; i++) {
          assertEquals(i, steps.get(i), "each writer's appends in its order");
        }
        // Both events of each append are next to each other: appended together or not at all.
        for (int i = 0; i + 1 < events.size(); i++) {
          TrialReported one = (TrialReported) events.get(i);
          if (one.number() == id && one.step() >= 0) {
            assertEquals(new TrialReported("s", id, -one.step() - 1, one.step()),
                events.get(i + 1));
          }
        }
      }
    }
  }

  @Test
  void workersAreNotTakenForDeadBecauseTheServerWasAway() throws Exception {
    String url = server.freshUrl() + "&heartbeatSeconds=0.2&graceSeconds=1";
    try (PostgresStorage worker = (PostgresStorage) Storages.open(url);
        Storage other = Storages.open(url)) {
      worker.stopBeating(); // so that only the restart can keep it alive
      server.stopServer();
      Thread.sleep(2000); // twice its grace period since its last heartbeat
      server.startServer();
      assertTrue(other.isAlive(worker.workerId()), "its grace period runs again from the restart");
      Thread.sleep(1500);
      assertTrue(!other.isAlive(worker.workerId()), "and ends, since it does not beat");
    }
  }

  @Test
  void aStudyRunsOnThroughARestart() throws Exception {
    String url = server.freshUrl();
    SearchSpace<Config> space = SearchSpace.builder().real("x", 0, 1).build();
    AtomicInteger done = new AtomicInteger();
    try (Storage storage = Storages.open(url); Storage other = Storages.open(url)) {
      Study study = Study.builder().name("through").sampler(Samplers.random(5)).storage(storage)
          .progress(false).build();
      CompletableFuture<Void> run = CompletableFuture.runAsync(() ->
          study.optimize(space, 120, trial -> {
            trial.report(0, trial.params().getDouble("x"));
            done.incrementAndGet();
            return trial.params().getDouble("x");
          }));
      restartWhile(done, 1, 40);
      run.get(60, TimeUnit.SECONDS);
      List<FrozenTrial> trials = Study.load("through", other).trials();
      assertEquals(120, trials.size());
      Set<Long> numbers = new HashSet<>();
      for (FrozenTrial trial : trials) {
        assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
        assertEquals(1, trial.intermediateValues().size());
        numbers.add(trial.number());
      }
      assertEquals(120, numbers.size());
    }
  }
}
