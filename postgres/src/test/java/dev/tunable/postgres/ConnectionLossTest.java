package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Storages;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Storage;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

/**
 * An append whose connection is lost at the worst moments is neither lost nor duplicated: the
 * server really ends the append's session ({@code pg_terminate_backend}) right before its commit,
 * or right after it, before the caller hears of it.
 */
@ExtendWith(PostgresExtension.class)
class ConnectionLossTest {
  private final PostgresServer server;

  ConnectionLossTest(PostgresServer server) {
    this.server = server;
  }

  private static Event report(long step) {
    return new TrialReported("s", 0, step, step);
  }

  private void terminate(Connection connection) throws SQLException {
    int pid = connection.unwrap(PGConnection.class).getBackendPID();
    try (Connection admin = server.admin(PostgresServer.DATABASE);
        PreparedStatement kill = admin.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
      kill.setInt(1, pid);
      kill.execute();
    }
  }

  /** Faults that fire once, at {@code where}. */
  private abstract static class Once implements Faults {
    private final Point where;
    private final AtomicBoolean fired = new AtomicBoolean();

    Once(Point where) {
      this.where = where;
    }

    @Override
    public void at(Point point, Connection connection) throws SQLException {
      if (point == where && fired.compareAndSet(false, true)) {
        fire(connection);
      }
    }

    abstract void fire(Connection connection) throws SQLException;
  }

  private static PostgresStorage open(String url, Faults faults) {
    return new PostgresStorage(Settings.parse(url, Map.of()), Schema.CURRENT, faults);
  }

  @Test
  void anAppendCommittedWhenItsConnectionWasLostIsNotAppendedAgain() {
    String url = server.freshUrl();
    Faults lostAck = new Once(Faults.Point.COMMITTED) {
      @Override
      void fire(Connection connection) throws SQLException {
        terminate(connection);
        throw new SQLException("the connection was lost before the commit's answer", "08006");
      }
    };
    try (Storage storage = open(url, lostAck)) {
      long first = storage.append(0, news -> List.of(report(0)));
      List<Storage.Batch> given = new ArrayList<>();
      long cursor = storage.append(first, news -> {
        given.add(news);
        return List.of(report(1), report(2));
      });
      assertEquals(1, given.size(), "planned once");
      assertEquals(List.of(report(0), report(1), report(2)), storage.read(0).events());
      assertEquals(storage.read(0).cursor(), cursor);
    }
  }

  @Test
  void anAppendLostBeforeItsCommitIsPlannedAgainAndAppendedOnce() {
    String url = server.freshUrl();
    Faults lostBeforeCommit = new Once(Faults.Point.APPENDING) {
      @Override
      void fire(Connection connection) throws SQLException {
        terminate(connection); // the commit then fails
      }
    };
    try (Storage storage = open(url, lostBeforeCommit)) {
      List<Storage.Batch> given = new ArrayList<>();
      long cursor = storage.append(0, news -> {
        given.add(news);
        return List.of(report(given.size()));
      });
      assertEquals(2, given.size(), "planned again, holding the lock again");
      assertEquals(List.of(), given.get(1).events(), "nothing new since the first plan");
      assertEquals(List.of(report(given.size())), storage.read(0).events(),
          "the last plan's events, once");
      assertEquals(cursor, storage.read(0).cursor());
    }
  }

  @Test
  void aReplanSeesWhatAnotherWorkerAppendedMeanwhile() throws Exception {
    String url = server.freshUrl();
    try (Storage other = Storages.open(url)) {
      List<CompletableFuture<Long>> otherAppend = new ArrayList<>();
      Faults lostWhileAnotherWaits = new Once(Faults.Point.APPENDING) {
        @Override
        void fire(Connection connection) throws SQLException {
          otherAppend.add(CompletableFuture.supplyAsync(
              () -> other.append(0, news -> List.of(report(100)))));
          try {
            Thread.sleep(300); // the other append now waits for the lock
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          terminate(connection);
        }
      };
      try (Storage storage = open(url, lostWhileAnotherWaits)) {
        List<Storage.Batch> given = new ArrayList<>();
        storage.append(0, news -> {
          given.add(news);
          return List.of(report(given.size()));
        });
        otherAppend.get(0).get();
        List<Event> log = storage.read(0).events();
        assertEquals(2, log.size(), log.toString());
        assertTrue(log.contains(report(100)));
        assertEquals(2, given.size());
        // Either the other worker took the lock first, and the second plan saw its event, or the
        // retry did, and the other append came after it.
        assertEquals(log.get(0).equals(report(100)) ? List.of(report(100)) : List.of(),
            given.get(1).events());
        assertEquals(report(2), log.get(log.get(0).equals(report(100)) ? 1 : 0));
      }
    }
  }

  @Test
  void aDatabaseThatStaysAwayFailsNamingTheUrlAndHowLongItTried() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/tunable?user=w&password=s3cret"
        + "&retrySeconds=1.5";
    long start = System.nanoTime();
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Storages.open(url));
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(seconds >= 0.5 && seconds < 10, seconds + " s");
    String message = e.getMessage();
    assertTrue(message.startsWith("java.io.IOException: cannot open the PostgreSQL storage"
        + " 'jdbc:postgresql://127.0.0.1:" + port + "/tunable?user=w&password=***"
        + "&retrySeconds=1.5': the database could not be reached for "), message);
    assertTrue(message.contains(" tries; the URL's retrySeconds, 1.5, sets how long to try): "),
        message);
    assertFalse(message.contains("s3cret"), message);
  }

  @Test
  void aWrongPasswordFailsAtOnceWithoutShowingIt() {
    String url = server.url(PostgresServer.DATABASE) + "&password=wrong-s3cret";
    long start = System.nanoTime();
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Storages.open(url));
    assertTrue(System.nanoTime() - start < 5e9, "not retried for retrySeconds");
    assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-s3cret"), e.getMessage());
  }

  @Test
  void thePasswordMayComeFromTheSystemProperty() {
    String url = server.freshUrl().replace("&password=" + server.password(), "");
    System.setProperty(Settings.PASSWORD_PROPERTY, server.password());
    try (Storage storage = Storages.open(url)) {
      assertEquals(List.of(), storage.read(0).events());
    } finally {
      System.clearProperty(Settings.PASSWORD_PROPERTY);
    }
  }
}
