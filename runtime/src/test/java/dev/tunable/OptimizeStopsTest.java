package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an interrupt and an {@link Error} mean to {@link Study#optimize}. */
class OptimizeStopsTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  private static Study study() {
    return Study.builder().sampler(Samplers.random(1)).progress(false).build();
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted(); // whatever a test left, the next one starts clean
  }

  @Test
  void anObjectiveThatRestoresItsInterruptStopsTheRunAfterItsTrial() {
    Study study = study();
    Trial<Config> best = study.optimize(SPACE, 10, trial -> {
      if (trial.number() == 2) {
        Thread.currentThread().interrupt(); // as after catching an InterruptedException
      }
      return trial.params().getDouble("x");
    });
    assertTrue(Thread.interrupted(), "optimize returns with the interrupt status set");
    List<FrozenTrial> trials = study.trials();
    assertEquals(3, trials.size());
    assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), trials.toString());
    assertTrue(best.value() <= trials.get(2).value());
  }

  @Test
  void anInterruptOfAWorkerThreadStopsEveryWorkerAndReachesTheCaller() {
    Study study = study();
    study.optimize(SPACE, Budget.trials(200).withWorkers(2), trial -> {
      if (trial.number() == 5) {
        Thread.currentThread().interrupt();
      }
      return trial.params().getDouble("x");
    });
    assertTrue(Thread.interrupted(), "a worker's interrupt sets the caller's status");
    List<FrozenTrial> trials = study.trials();
    // The other worker may have run a few more trials before it saw the halt, not 200.
    assertTrue(trials.size() >= 6 && trials.size() < 50, trials.size() + " trials");
    assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
  }

  @Test
  void interruptingTheCallerWhileWorkersRunFinishesTheirTrialsAndStops() throws Exception {
    Study study = study();
    CountDownLatch running = new CountDownLatch(2);
    CountDownLatch interrupted = new CountDownLatch(1);
    Thread caller = Thread.currentThread();
    Thread interrupter = new Thread(() -> {
      try {
        running.await(20, TimeUnit.SECONDS);
        caller.interrupt();
        interrupted.countDown();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    interrupter.start();
    study.optimize(SPACE, Budget.trials(1_000).withWorkers(2), trial -> {
      running.countDown();
      interrupted.await(20, TimeUnit.SECONDS); // both workers are in a trial when it comes
      if (trial.number() >= 2) {
        Thread.sleep(100); // a trial started before the caller saw its interrupt takes a while
      }
      return trial.params().getDouble("x");
    });
    assertTrue(Thread.interrupted());
    interrupter.join();
    List<FrozenTrial> trials = study.trials();
    assertTrue(trials.size() < 10, trials.size() + " trials");
    assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
  }

  @Test
  void anInterruptStatusSetBeforeOptimizeStartsNoTrial() {
    Study study = study();
    study.optimize(SPACE, 2, trial -> trial.params().getDouble("x"));
    Thread.currentThread().interrupt();
    Trial<Config> best = study.optimize(SPACE, 5, trial -> trial.params().getDouble("x"));
    assertTrue(Thread.interrupted());
    assertEquals(2, study.trials().size());
    assertEquals(study.bestTrial(), best.snapshot());
  }

  @Test
  void anErrorFailsItsTrialAndIsRethrownWithNoTrialAfterIt() {
    Study study = study();
    AssertionError thrown = new AssertionError("invariant broken");
    AssertionError caught = assertThrows(AssertionError.class,
        () -> study.optimize(SPACE, 10, trial -> {
          if (trial.number() == 3) {
            throw thrown;
          }
          return trial.params().getDouble("x");
        }));
    assertSame(thrown, caught);
    List<FrozenTrial> trials = study.trials();
    assertEquals(4, trials.size());
    assertEquals(TrialState.FAIL, trials.get(3).state());
    assertTrue(trials.get(3).failureReason().orElseThrow().contains("invariant broken"),
        trials.get(3).toString());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void anErrorInOneWorkerLetsTheOthersRunningTrialEnd() throws Exception {
    Study study = study();
    CountDownLatch otherRunning = new CountDownLatch(1);
    assertThrows(StackOverflowError.class,
        () -> study.optimize(SPACE, Budget.trials(100).withWorkers(2), trial -> {
          if (trial.number() == 0) {
            otherRunning.await(20, TimeUnit.SECONDS);
            throw new StackOverflowError();
          }
          otherRunning.countDown();
          Thread.sleep(50);
          return trial.params().getDouble("x");
        }));
    List<FrozenTrial> trials = study.trials();
    assertEquals(TrialState.FAIL, trials.get(0).state());
    assertTrue(trials.stream().noneMatch(t -> t.state() == TrialState.RUNNING), trials.toString());
    assertTrue(trials.size() < 10, trials.size() + " trials");
  }
}
