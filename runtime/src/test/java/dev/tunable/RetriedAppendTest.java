package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunable.storage.Event;
import dev.tunable.storage.ForwardingStorage;
import dev.tunable.storage.Storage;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A storage that loses its connection after running an append's plan retries the append, calling
 * the plan again with what was appended meanwhile (issue 13's PostgreSQL storage): the study must
 * apply the events of the call that was appended, not those of the first.
 */
class RetriedAppendTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  @Test
  void aRetriedAppendKeepsTheEventsOfTheLastPlan() {
    Storage memory = Storages.inMemory();
    Study other = Study.builder().name("s").storage(memory).progress(false).build();
    RetryingOnce retrying = new RetryingOnce(memory, () -> other.ask(SPACE));
    Study study = Study.load("s", retrying);
    retrying.armed = true;
    Trial<Config> mine = study.ask(SPACE); // planned as #0; #0 is taken meanwhile: #1 is stored
    assertEquals(1, mine.number());
    assertEquals(Study.load("s", memory).trials(), study.trials());
    study.tell(mine, 0.5);
    assertEquals(0.5, Study.load("s", memory).trials().get(1).value());
  }

  /** Runs the plan, then lets another worker append, then appends what the plan now says. */
  private static final class RetryingOnce extends ForwardingStorage {
    private final Runnable meanwhile;
    boolean armed;

    RetryingOnce(Storage delegate, Runnable meanwhile) {
      super(delegate);
      this.meanwhile = meanwhile;
    }

    @Override
    public long append(long cursor, Function<Batch, List<Event>> plan) {
      if (!armed) {
        return super.append(cursor, plan);
      }
      armed = false;
      Batch first = super.read(cursor);
      plan.apply(first); // its events are lost with the connection
      meanwhile.run();
      return super.append(first.cursor(), plan);
    }
  }
}
