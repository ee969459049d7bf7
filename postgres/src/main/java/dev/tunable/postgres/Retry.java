package dev.tunable.postgres;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failures a call retries after reconnecting, and how long it waits between tries: the
 * connection was lost or refused (SQLSTATE class 08), the server is shutting down, restarting or
 * starting (57P01, 57P02, 57P03) or has no free connection (53300). Anything else (a wrong
 * password, a missing table, a refused privilege) fails at once.
 */
final class Retry {
  private static final Set<String> TRANSIENT = Set.of("57P01", "57P02", "57P03", "53300");
  private static final long FIRST_MILLIS = 50;
  private static final long MAX_MILLIS = 2000;

  private Retry() {}

  /** Whether {@code e}, or an exception it chains, says that the connection failed. */
  static boolean isConnectionLoss(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || TRANSIENT.contains(state))) {
          return true;
        }
        SQLException next = sql.getNextException();
        if (next != null && next != t && isConnectionLoss(next)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The pause before try {@code attempt} (1 for the first retry): doubling, jittered, capped. */
  static Duration backoff(int attempt) {
    long millis = Math.min(MAX_MILLIS, FIRST_MILLIS << Math.min(attempt - 1, 10));
    return Duration.ofMillis(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
  }
}
