package dev.tunable.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Budget;
import dev.tunable.Config;
import dev.tunable.FrozenTrial;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import dev.tunable.storage.Storage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, part 4: the file storage survives interrupts. Before, a {@code FileChannel} closed
 * itself when a thread in, or entering, one of its operations was interrupted: the trial's value
 * was lost, every later call failed, and the process's locks on the file, the workers' liveness
 * locks among them, were dropped, so that the next open failed the trial as if its process had
 * died. What an interrupt means to {@code optimize} (stop after the running trials) is
 * {@code OptimizeStopsTest}'s.
 */
class InterruptTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  @TempDir Path directory;

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private static List<FrozenTrial> reopened(Path file) {
    try (Storage storage = Storages.file(file)) {
      return Study.load("s", storage).trials();
    }
  }

  private static void assertAllComplete(List<FrozenTrial> trials) {
    for (FrozenTrial trial : trials) {
      assertEquals(TrialState.COMPLETE, trial.state(), trial.toString());
    }
  }

  @Test
  void anObjectiveThatRestoresItsInterruptLosesNoValueAndFailsNoTrial() {
    Path file = directory.resolve("objective.journal");
    try (Storage storage = Storages.file(file)) {
      Study study = Study.builder().name("s").storage(storage).sampler(Samplers.random(1))
          .progress(false).build();
      study.optimize(SPACE, 10, trial -> {
        if (trial.number() == 2) {
          Thread.currentThread().interrupt(); // as after catching an InterruptedException
        }
        return trial.number();
      });
      assertTrue(Thread.currentThread().isInterrupted(), "optimize leaves the status set");
      assertEquals(2.0, study.trials().get(2).value(), "the trial's value was recorded");
      study.tell(study.ask(SPACE), 10); // with the status still set
      assertTrue(Thread.interrupted());
      study.optimize(SPACE, Budget.trials(6).withWorkers(2), trial -> {
        if (trial.number() == 5) {
          Thread.currentThread().interrupt(); // on a worker thread of optimize
        }
        return trial.number();
      });
      Thread.interrupted();
      study.optimize(SPACE, 2, trial -> trial.number());
    }
    List<FrozenTrial> trials = reopened(file);
    assertAllComplete(trials);
    // 0-2, then 3 by ask and tell, then at least 4 and 5 on two workers, then two more
    assertTrue(trials.size() >= 8, trials.size() + " trials");
    assertEquals(10.0, trials.get(3).value());
    for (FrozenTrial trial : trials) {
      assertEquals(trial.number() == 3 ? 10.0 : trial.number(), trial.value(), trial.toString());
    }
  }

  @Test
  void anotherThreadInterruptingAWorkerDuringItsTellLosesNothing() throws Exception {
    Path file = directory.resolve("tell.journal");
    try (Storage storage = Storages.file(file); Storage other = Storages.file(file)) {
      Study study = Study.builder().name("s").storage(storage).progress(false).build();
      Trial<Config> trial = study.ask(SPACE);
      Process holder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          LockHolder.class.getName(), file.toString()).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(
          new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", out.readLine(), "another process holds the journal's lock");

      AtomicReference<Throwable> failure = new AtomicReference<>();
      AtomicBoolean interruptedAfter = new AtomicBoolean();
      Thread worker = new Thread(() -> {
        try {
          study.tell(trial, 0.75);
          interruptedAfter.set(Thread.currentThread().isInterrupted());
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      worker.start();
      Thread.sleep(300);
      assertTrue(worker.isAlive(), "tell waits for the other process");
      worker.interrupt();
      Thread.sleep(200);
      assertTrue(worker.isAlive(), "the interrupt did not abort the tell: " + failure.get());
      holder.getOutputStream().write('\n');
      holder.getOutputStream().flush();
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
      worker.join(30_000);
      assertNull(failure.get());
      assertTrue(interruptedAfter.get(), "the worker's interrupt status is kept");
      assertEquals(TrialState.COMPLETE, study.trials().get(0).state());
      assertTrue(other.isAlive(storage.workerId()), "the worker's liveness lock is held");
      study.tell(study.ask(SPACE), 0.5);
    }
    List<FrozenTrial> trials = reopened(file);
    assertEquals(2, trials.size());
    assertAllComplete(trials);
    assertEquals(0.75, trials.get(0).value());
  }

  /** Interrupts that land anywhere: in reads, writes, forces and waits for the lock. */
  @Test
  void interruptsFromAnotherThreadDuringManyTrialsLoseNothing() throws Exception {
    Path file = directory.resolve("storm.journal");
    int count = 60;
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean done = new AtomicBoolean();
    try (Storage storage = Storages.file(file); Storage other = Storages.file(file)) {
      Study study = Study.builder().name("s").storage(storage).progress(false).build();
      Study second = Study.load("s", other);
      Thread worker = new Thread(() -> {
        try {
          for (int i = 0; i < count; i++) {
            Trial<Config> trial = study.ask(SPACE);
            trial.report(1, i);
            study.tell(trial, trial.number());
            if (i % 3 == 0) {
              Thread.interrupted(); // sometimes cleared, so that interrupts also land mid-call
            }
          }
        } catch (Throwable e) {
          failure.set(e);
        } finally {
          done.set(true);
        }
      });
      worker.start();
      while (!done.get()) {
        worker.interrupt();
        second.tell(second.ask(SPACE), -1); // contends for the lock, from this thread
        Thread.onSpinWait();
      }
      worker.join();
      assertNull(failure.get());
    }
    List<FrozenTrial> trials = reopened(file);
    assertAllComplete(trials);
    assertEquals(count, trials.stream().filter(t -> t.value() >= 0).count());
    for (FrozenTrial trial : trials) {
      assertTrue(trial.value() == -1 || trial.value() == trial.number(), trial.toString());
    }
  }
}
