package dev.tunable.postgres;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where tests break an append on purpose, to check that a connection lost at the worst moment
 * neither loses nor duplicates it. {@link #NONE} outside tests.
 */
@FunctionalInterface
interface Faults {
  /** No faults. */
  Faults NONE = (point, connection) -> {};

  /** Called at {@code point} of an append with its connection; may throw to break it there. */
  void at(Point point, Connection connection) throws SQLException;

  /** The points of an append where a test may break it. */
  enum Point {
    /** The events are about to be sent. */
    APPENDING,
    /** The transaction committed; the caller has not yet been told. */
    COMMITTED
  }
}
