package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A worker is alive while it beats, and for its grace period after; a closed one is not. */
@ExtendWith(PostgresExtension.class)
class HeartbeatTest {
  private final PostgresServer server;

  HeartbeatTest(PostgresServer server) {
    this.server = server;
  }

  private static PostgresStorage open(String url) {
    return new PostgresStorage(Settings.parse(url, Map.of()), Schema.CURRENT, Faults.NONE);
  }

  @Test
  void aHandleThatStopsBeatingIsNotAliveAfterTheGracePeriod() throws Exception {
    String url = server.freshUrl() + "&heartbeatSeconds=0.2&graceSeconds=1";
    try (PostgresStorage worker = open(url); PostgresStorage other = open(url)) {
      assertTrue(other.isAlive(worker.workerId()));
      Thread.sleep(1600);
      assertTrue(other.isAlive(worker.workerId()), "its beats keep it alive past one grace");
      worker.stopBeating();
      long stopped = System.nanoTime();
      while (other.isAlive(worker.workerId())) {
        assertTrue(System.nanoTime() - stopped < 5e9, "still alive 5 s after its last beat");
        Thread.sleep(50);
      }
      double seconds = (System.nanoTime() - stopped) / 1e9;
      assertTrue(seconds > 0.7, "dead " + seconds + " s after its last beat, before its grace");
      assertTrue(other.isAlive(other.workerId()));
      assertEquals(Set.of(other.workerId()),
          other.alive(Set.of(worker.workerId(), other.workerId(), "unknown")),
          "asked at once, the same answers");
    }
  }

  @Test
  void askedAtOnceAboutManyWorkersItNamesTheLiveOnes() {
    String url = server.freshUrl();
    try (PostgresStorage one = open(url); PostgresStorage two = open(url)) {
      PostgresStorage closed = open(url);
      closed.close();
      Set<String> asked = new HashSet<>(Set.of(one.workerId(), two.workerId(),
          closed.workerId(), "memory", "it's; DROP TABLE tunable_worker; --"));
      for (int i = 0; i < 500; i++) {
        asked.add("absent-" + i);
      }
      assertEquals(Set.of(one.workerId(), two.workerId()), two.alive(asked));
      assertEquals(Set.of(), closed.alive(Set.of(closed.workerId())));
    }
  }

  @Test
  void aClosedHandleIsNotAlive() {
    String url = server.freshUrl();
    try (PostgresStorage other = open(url)) {
      PostgresStorage worker = open(url);
      assertTrue(other.isAlive(worker.workerId()));
      worker.close();
      assertFalse(other.isAlive(worker.workerId()));
      assertFalse(worker.isAlive(worker.workerId()));
    }
  }

  @Test
  void workersOfOtherStoragesOrUnknownAreNotAlive() {
    try (PostgresStorage storage = open(server.freshUrl())) {
      assertFalse(storage.isAlive("memory"));
      assertFalse(storage.isAlive("1234/abc"));
      assertFalse(storage.isAlive("'; DROP TABLE tunable_worker; --"));
    }
  }

  @Test
  void theExpiryIsTheServersClockPlusTheGracePeriod() throws SQLException {
    String url = server.freshUrl() + "&graceSeconds=42";
    String schema = PostgresServer.schemaOf(url);
    try (PostgresStorage storage = open(url); Connection admin =
        server.admin(PostgresServer.DATABASE)) {
      var check = admin.prepareStatement("SELECT expires - beat, abs(extract(epoch FROM beat -"
          + " now())) < 5 FROM " + schema + ".tunable_worker WHERE id = ?");
      check.setString(1, storage.workerId());
      try (ResultSet row = check.executeQuery()) {
        assertTrue(row.next());
        assertTrue(row.getString(1).equals("00:00:42"), row.getString(1));
        assertTrue(row.getBoolean(2));
      }
    }
  }
}
