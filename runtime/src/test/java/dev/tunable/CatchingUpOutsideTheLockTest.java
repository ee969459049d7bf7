package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.storage.Event;
import dev.tunable.storage.ForwardingStorage;
import dev.tunable.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A worker that expects to find many events appended by others reads them before it takes the
 * storage's lock, so that the lock every worker queues for is not held while they are decoded; a
 * worker that expects few does not read twice.
 */
class CatchingUpOutsideTheLockTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  /** Counts the reads, and the events each append's plan was given under the lock. */
  private static final class Counted extends ForwardingStorage {
    final List<Integer> underLock = new ArrayList<>();
    final AtomicInteger reads = new AtomicInteger();

    Counted(Storage delegate) {
      super(delegate);
    }

    @Override
    public Batch read(long cursor) {
      reads.incrementAndGet();
      return super.read(cursor);
    }

    @Override
    public long append(long cursor, Function<Batch, List<Event>> plan) {
      return super.append(cursor, batch -> {
        underLock.add(batch.events().size());
        return plan.apply(batch);
      });
    }
  }

  @Test
  void aTrialThatEndsAfterManyOthersReadsThemBeforeTheLock() {
    Storage shared = Storages.inMemory();
    Counted counted = new Counted(shared);
    Study others = Study.builder().name("s").storage(shared).sampler(Samplers.random(1))
        .progress(false).build();
    Study slow = Study.builder().name("s").storage(counted).loadIfExists(true)
        .sampler(Samplers.random(2)).progress(false).build();
    List<Integer> lastTell = List.of();
    for (int round = 0; round < 5; round++) {
      Trial<Config> trial = slow.ask(SPACE);
      // While this worker's objective runs, the others finish 50 trials of a millisecond or
      // more: 100 events, at a rate that warming up does not change much.
      others.optimize(SPACE, 50, t -> {
        Thread.sleep(1);
        return t.params().getDouble("x");
      });
      counted.underLock.clear();
      slow.tell(trial, 0.5);
      lastTell = List.copyOf(counted.underLock);
    }
    assertEquals(List.of(0), lastTell, "the tell's append caught up with nothing under the lock");
    assertEquals(255, slow.trials().size());
    assertEquals(slow.trials(), others.trials(), "both workers see every trial");
  }

  @Test
  void aLoneWorkerReadsOncePerTrial() {
    Counted counted = new Counted(Storages.inMemory());
    Study study = Study.builder().name("s").storage(counted).sampler(Samplers.random(3))
        .progress(false).build();
    int before = counted.reads.get();
    study.optimize(SPACE, 200, t -> t.params().getDouble("x"));
    int reads = counted.reads.get() - before;
    assertTrue(reads <= 202, reads + " reads for 200 trials");
    assertTrue(counted.underLock.stream().allMatch(n -> n == 0));
  }
}
