package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.storage.ForwardingStorage;
import dev.tunable.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sampler runs while no lock is held, so that a slow proposal (a GP fit) never holds up other
 * workers; a grid point or an enqueued entry taken meanwhile is planned again.
 */
class SamplingOutsideTheLockTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();
  private static final SearchSpace<Config> GRID = SearchSpace.builder()
      .integer("a", 1, 4).categorical("k", "p", "q", "r").build();

  @TempDir Path directory;
  private final ExecutorService workers = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopWorkers() {
    workers.shutdownNow();
  }

  /**
   * Each worker's first {@code sample} waits until the other worker is inside its own: with a
   * sampler under the storage's lock, the second worker could never get there.
   */
  private static Sampler meetingOnFirstCall(CountDownLatch meeting, Sampler inner,
      AtomicInteger calls) {
    ThreadLocal<Boolean> met = ThreadLocal.withInitial(() -> false);
    return context -> {
      calls.incrementAndGet();
      if (!met.get()) {
        met.set(true);
        meeting.countDown();
        try {
          if (!meeting.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the other worker never started sampling");
          }
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      return inner.sample(context);
    };
  }

  @Test
  void twoWorkersOnOneJournalSampleAtTheSameTime() throws Exception {
    Path journal = directory.resolve("shared.journal");
    CountDownLatch meeting = new CountDownLatch(2);
    AtomicInteger calls = new AtomicInteger();
    List<Long> askedFor = new ArrayList<>();
    Sampler recording = context -> {
      synchronized (askedFor) {
        askedFor.add(context.trialNumber());
      }
      return Samplers.random(context.trialNumber() * 31 + askedFor.size()).sample(context);
    };
    try (Storage first = Storages.file(journal); Storage second = Storages.file(journal)) {
      Study a = Study.builder().name("s").storage(first).progress(false)
          .sampler(meetingOnFirstCall(meeting, recording, calls)).build();
      Study b = Study.builder().name("s").storage(second).loadIfExists(true).progress(false)
          .sampler(meetingOnFirstCall(meeting, recording, calls)).build();
      Future<Trial<Config>> fromA = workers.submit(() -> a.ask(SPACE));
      Future<Trial<Config>> fromB = workers.submit(() -> b.ask(SPACE));
      Set<Long> numbers = Set.of(fromA.get(30, TimeUnit.SECONDS).number(),
          fromB.get(30, TimeUnit.SECONDS).number());
      // Both sampled from the same view, for trial #0; the second to record took #1.
      assertEquals(Set.of(0L, 1L), numbers);
      assertEquals(List.of(0L, 0L), askedFor);
      assertEquals(2, a.trials().size());
    }
  }

  @Test
  void threadsOfOneWorkerSamplingTogetherPlanForTrialsOfTheirOwn() throws Exception {
    CountDownLatch meeting = new CountDownLatch(2);
    AtomicInteger calls = new AtomicInteger();
    List<Long> askedFor = new ArrayList<>();
    Sampler seededByNumber = context -> {
      synchronized (askedFor) {
        askedFor.add(context.trialNumber());
      }
      return Samplers.random(1).sample(context);
    };
    Study study = Study.builder().progress(false)
        .sampler(meetingOnFirstCall(meeting, seededByNumber, calls)).build();
    study.optimize(SPACE, Budget.trials(2).withWorkers(2), t -> t.params().getDouble("x"));
    // Sampling at once, they asked for #0 and #1, so the sampler proposed two points: no
    // proposal had to be made again.
    assertEquals(Set.of(0L, 1L), Set.copyOf(askedFor));
    assertEquals(2, calls.get());
    assertEquals(2, study.trials().stream().map(FrozenTrial::params).distinct().count());
  }

  @Test
  void aGridPointTakenWhileSamplingIsPlannedAgainAndNoPointRunsTwice() throws Exception {
    Storage storage = Storages.inMemory();
    CountDownLatch meeting = new CountDownLatch(2);
    AtomicInteger calls = new AtomicInteger();
    Supplier<Study> worker = () -> Study.builder().name("grid").storage(storage)
        .loadIfExists(true).progress(false)
        .sampler(meetingOnFirstCall(meeting, Samplers.grid(), calls)).build();
    Study a = worker.get();
    Study b = worker.get();
    List<Future<?>> runs = List.of(
        workers.submit(() -> a.optimize(GRID, 100, t -> t.params().getLong("a"))),
        workers.submit(() -> b.optimize(GRID, 100, t -> t.params().getLong("a"))));
    for (Future<?> run : runs) {
      run.get(60, TimeUnit.SECONDS);
    }
    List<FrozenTrial> trials = a.trials();
    Set<Config> points = new HashSet<>();
    for (FrozenTrial trial : trials) {
      assertTrue(points.add(trial.params()), "grid point run twice: " + trial);
    }
    assertEquals(12, points.size(), trials.toString());
    // Both first proposals were the same point: one of them was planned again.
    assertTrue(calls.get() > trials.size(), calls.get() + " proposals for " + trials.size());
  }

  @Test
  void anEnqueuedEntryTakenMeanwhileIsPlannedAgainAndEachEntryRunsOnce() throws Exception {
    CountDownLatch meeting = new CountDownLatch(2);
    Storage storage = new MeetingOnFirstRead(Storages.inMemory(), meeting);
    Study a = Study.builder().name("q").storage(storage).sampler(Samplers.random(1))
        .progress(false).build();
    Study b = Study.load("q", storage);
    for (double x : new double[] {0.1, 0.2, 0.3}) {
      a.enqueue(Map.of("x", x));
    }
    ((MeetingOnFirstRead) storage).armed = true;
    Future<Trial<Config>> fromA = workers.submit(() -> a.ask(SPACE));
    Future<Trial<Config>> fromB = workers.submit(() -> b.ask(SPACE));
    Set<Double> taken = Set.of(fromA.get(30, TimeUnit.SECONDS).params().getDouble("x"),
        fromB.get(30, TimeUnit.SECONDS).params().getDouble("x"));
    // Both saw entry 0 first; whoever recorded second planned again and took entry 1.
    assertEquals(Set.of(0.1, 0.2), taken);
    assertEquals(0.3, a.ask(SPACE).params().getDouble("x"));
  }

  @Test
  void aSlowSamplerDoesNotHoldUpAnotherWorkersTell() throws Exception {
    Storage storage = Storages.inMemory();
    CountDownLatch sampling = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Study slow = Study.builder().name("s").storage(storage).progress(false).sampler(context -> {
      sampling.countDown();
      try {
        release.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return Samplers.random(1).sample(context);
    }).build();
    Study other = Study.builder().name("s").storage(storage).loadIfExists(true)
        .sampler(Samplers.random(2)).progress(false).build();
    Trial<Config> running = other.ask(SPACE);
    Future<Trial<Config>> slowAsk = workers.submit(() -> slow.ask(SPACE));
    assertTrue(sampling.await(20, TimeUnit.SECONDS));
    // While the slow sampler runs, the other worker reports and finishes its trial.
    Future<FrozenTrial> told = workers.submit(() -> {
      running.report(0, 1.0);
      return other.tell(running, 0.5);
    });
    try {
      assertEquals(TrialState.COMPLETE, told.get(10, TimeUnit.SECONDS).state());
    } catch (TimeoutException e) {
      throw new AssertionError("tell waited for another worker's sampler", e);
    } finally {
      release.countDown();
    }
    assertEquals(1, slowAsk.get(20, TimeUnit.SECONDS).number());
  }

  /** A storage whose first read by each of two threads, once armed, waits for the other's. */
  private static final class MeetingOnFirstRead extends ForwardingStorage {
    private final CountDownLatch meeting;
    private final ThreadLocal<Boolean> met = ThreadLocal.withInitial(() -> false);
    volatile boolean armed;

    MeetingOnFirstRead(Storage delegate, CountDownLatch meeting) {
      super(delegate);
      this.meeting = meeting;
    }

    @Override
    public Batch read(long cursor) {
      Batch batch = super.read(cursor);
      if (armed && !met.get()) {
        met.set(true);
        meeting.countDown();
        try {
          meeting.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      return batch;
    }
  }
}
