package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunable.Storages;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An append planned without the lock is overtaken by another worker's: its plan is given what was
 * appended meanwhile, and after {@value PostgresStorage#OPTIMISTIC_TRIES} such conflicts it plans
 * holding the lock, so that it cannot be overtaken again.
 */
@ExtendWith(PostgresExtension.class)
class ConflictTest {
  private final PostgresServer server;

  ConflictTest(PostgresServer server) {
    this.server = server;
  }

  private static Event report(long step) {
    return new TrialReported("s", 0, step, step);
  }

  @Test
  void anAppendOvertakenEveryTimePlansHoldingTheLock() {
    String url = server.freshUrl();
    try (Storage storage = new PostgresStorage(Settings.parse(url, Map.of()), Schema.CURRENT,
        Faults.NONE); Storage other = Storages.open(url)) {
      long start = storage.append(0, news -> List.of(report(0)));
      List<List<Event>> given = new ArrayList<>();
      long cursor = storage.append(start, news -> {
        given.add(news.events());
        if (given.size() <= PostgresStorage.OPTIMISTIC_TRIES) {
          other.append(0, others -> List.of(report(100 + given.size()))); // overtakes this one
        }
        return List.of(report(given.size()));
      });
      List<List<Event>> expected = new ArrayList<>(List.of(List.of()));
      for (int i = 1; i <= PostgresStorage.OPTIMISTIC_TRIES; i++) {
        expected.add(List.of(report(100 + i)));
      }
      assertEquals(expected, given, "each plan given what overtook the one before");
      int last = PostgresStorage.OPTIMISTIC_TRIES + 1;
      assertEquals(List.of(report(0), report(101), report(102), report(103), report(last)),
          storage.read(0).events());
      assertEquals(storage.read(0).cursor(), cursor);
    }
  }
}
