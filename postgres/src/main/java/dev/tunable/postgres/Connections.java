package dev.tunable.postgres;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The storage's connections: taken for one call and given back, so that threads of one process
 * each get their own, and kept idle up to a few. A connection that failed is discarded, never
 * given back. Thread-safe.
 *
 * <p>Not a general pool (HikariCP): the storage makes short calls from a few threads, one
 * connection each, and must itself decide, per call, whether a failed one is retried and how
 * (the append's token); a pool would add two dependencies (HikariCP and SLF4J) and its own
 * validation and retry rules to reason about, where reuse is all that is needed. Connections are
 * opened once per thread and kept: a pool's other services (validation before use, maximum
 * lifetime, leak detection) do not apply to calls this short.
 */
final class Connections implements AutoCloseable {
  private static final int MAX_IDLE = 8;

  private final Settings settings;
  private final Driver driver = new org.postgresql.Driver();
  private final Deque<Connection> idle = new ArrayDeque<>();
  private boolean closed;

  Connections(Settings settings) {
    this.settings = settings;
  }

  /** An idle connection, or a new one. */
  Connection take() throws SQLException {
    synchronized (idle) {
      if (closed) {
        throw new IllegalStateException("the storage " + settings.masked() + " is closed");
      }
      Connection connection = idle.pollFirst();
      if (connection != null) {
        return connection;
      }
    }
    return open();
  }

  /** A new connection, not counted among the idle ones. */
  Connection open() throws SQLException {
    Connection connection = driver.connect(settings.driverUrl(), settings.driverProperties());
    if (connection == null) {
      throw new IllegalArgumentException(
          "the PostgreSQL driver does not accept the URL '" + settings.masked() + "'");
    }
    // Every query of the storage looks rows up by a primary key, most often the rows after a
    // cursor, which are few. Without fresh statistics, and in the generic plans the driver's
    // prepared statements get, the planner takes "id > ?" for a third of the table and scans all
    // of it: each read cost in proportion to the study's length (2 ms a trial at 1,000 trials, 12
    // at 10,000). Scans that follow the index cost what they return.
    try (PreparedStatement noScans = connection.prepareStatement("SET enable_seqscan = off")) {
      noScans.execute();
    } catch (SQLException e) {
      closeQuietly(connection);
      throw e;
    }
    return connection;
  }

  /** Takes back a connection that is idle (no transaction open). */
  void give(Connection connection) {
    synchronized (idle) {
      if (!closed && idle.size() < MAX_IDLE) {
        idle.addFirst(connection);
        return;
      }
    }
    closeQuietly(connection);
  }

  /** Closes a connection that failed, or may be in an unknown state. */
  void discard(Connection connection) {
    if (connection != null) {
      closeQuietly(connection);
    }
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      // It failed already; closing it only frees what is left.
    }
  }

  @Override
  public void close() {
    synchronized (idle) {
      closed = true;
      idle.forEach(Connections::closeQuietly);
      idle.clear();
    }
  }
}
