package dev.tunable.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The storage's tables, versioned: {@code tunable_schema} holds the version of the tables and the
 * Tunable that wrote it. The storage creates the tables on first use and upgrades an older version
 * step by step; it refuses a newer version, naming the Tunable that wrote it, since an older program
 * cannot know what a newer one's rows mean. A schema that is already current needs no privilege
 * but reading it, so that workers may run with a role that cannot change tables.
 *
 * <p>Version 1: {@code tunable_event} is the log: an identity {@code id} (the cursor, with the
 * primary key's index), the study, the kind of event, the event as JSON ({@code
 * dev.tunable.internal.storage.EventCodec}, the journal's format) and the token of the append that
 * wrote it; {@code tunable_worker} has a row per storage handle with its heartbeat.
 *
 * <p>Immutable; a test builds schemas with more or fewer versions to play a newer or older program.
 */
final class Schema {
  /** The tables of this Tunable. */
  static final Schema CURRENT = new Schema(List.of(List.of(
      """
      CREATE TABLE tunable_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        study text NOT NULL,
        kind text NOT NULL,
        body text NOT NULL,
        append_token uuid NOT NULL,
        appended timestamptz NOT NULL DEFAULT now())""",
      "COMMENT ON TABLE tunable_event IS 'Tunable''s event log: every study''s events in the order"
          + " appended; id is the readers'' cursor. Append only while holding the advisory lock"
          + " (1414876738, oid of this table), as Tunable does, or readers may miss rows'",
      """
      CREATE TABLE tunable_worker (
        id text PRIMARY KEY,
        host text NOT NULL,
        pid bigint NOT NULL,
        grace interval NOT NULL,
        started timestamptz NOT NULL DEFAULT now(),
        beat timestamptz NOT NULL DEFAULT now(),
        expires timestamptz NOT NULL,
        closed timestamptz)""",
      "COMMENT ON TABLE tunable_worker IS 'Tunable''s storage handles: alive while expires (the"
          + " last heartbeat plus grace, by the server''s clock) is ahead and closed is null'")),
      runningVersion());

  /** First key of the advisory locks: "TUNA". */
  static final int LOCK_SPACE = 0x54554E41;
  /** First key of the log's advisory lock; the second is the log table's oid. */
  static final int LOG_LOCK_SPACE = LOCK_SPACE + 1;

  /** The statements that take the tables from version {@code i} to {@code i + 1}. */
  private final List<List<String>> migrations;
  private final String tunableVersion;

  Schema(List<List<String>> migrations, String tunableVersion) {
    this.migrations = List.copyOf(migrations);
    this.tunableVersion = tunableVersion;
  }

  /** This program's version of the tables. */
  int version() {
    return migrations.size();
  }

  /** The statements of each version, from the first. */
  List<List<String>> migrations() {
    return migrations;
  }

  /** This Tunable's version, as written with the schema. */
  String tunableVersion() {
    return tunableVersion;
  }

  /** The version stored, and the Tunable that stored it. */
  record Stored(int version, String tunableVersion) {}

  /**
   * Creates or upgrades the tables to {@link #version()}, or checks that they are at it; returns
   * the key of the log's advisory lock.
   *
   * @throws NewerSchemaException if the tables are of a newer version than this program knows
   */
  long ensure(Connection connection) throws SQLException {
    connection.setAutoCommit(true);
    Stored stored = stored(connection);
    if (stored == null || stored.version() < version()) {
      stored = createOrUpgrade(connection);
    }
    if (stored.version() > version()) {
      throw new NewerSchemaException(stored, this);
    }
    return logLockKey(connection);
  }

  /**
   * Creates or upgrades the tables, unless another worker starting at the same time did: they
   * take turns on a session lock. The lock is taken before the transaction that looks again
   * begins, since a transaction that began before another committed its new tables may not see
   * them (PostgreSQL refreshes its catalog caches when a transaction starts or locks a table, not
   * when it takes an advisory lock).
   */
  private Stored createOrUpgrade(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "SELECT pg_advisory_lock(?, hashtext(current_schema()))")) {
      lock.setInt(1, LOCK_SPACE);
      lock.execute();
    }
    try {
      connection.setAutoCommit(false);
      Stored stored = stored(connection);
      if (stored == null || stored.version() < version()) {
        migrate(connection, stored);
        stored = new Stored(version(), tunableVersion);
      }
      connection.commit();
      connection.setAutoCommit(true);
      return stored;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(connection, e);
      throw e;
    } finally {
      try (PreparedStatement unlock = connection.prepareStatement(
          "SELECT pg_advisory_unlock(?, hashtext(current_schema()))")) {
        connection.setAutoCommit(true);
        unlock.setInt(1, LOCK_SPACE);
        unlock.execute();
      }
    }
  }

  private void migrate(Connection connection, Stored stored) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (stored == null) {
        statement.execute("""
            CREATE TABLE tunable_schema (
              version integer NOT NULL,
              tunable_version text NOT NULL,
              updated timestamptz NOT NULL DEFAULT now())""");
        statement.execute("COMMENT ON TABLE tunable_schema IS 'The version of Tunable''s tables"
            + " (one row), and the Tunable that created or last upgraded them'");
        statement.execute("INSERT INTO tunable_schema (version, tunable_version) VALUES (0, '')");
      }
      for (int version = stored == null ? 0 : stored.version(); version < version(); version++) {
        for (String sql : migrations.get(version)) {
          statement.execute(sql);
        }
      }
    }
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE tunable_schema SET version = ?, tunable_version = ?, updated = now()")) {
      update.setInt(1, version());
      update.setString(2, tunableVersion);
      update.executeUpdate();
    }
  }

  /** The stored version, or null when the tables do not exist yet. */
  static Stored stored(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery(
          "SELECT to_regclass('tunable_schema') IS NOT NULL")) {
        exists.next();
        if (!exists.getBoolean(1)) {
          return null;
        }
      }
      try (ResultSet row = statement.executeQuery(
          "SELECT version, tunable_version FROM tunable_schema")) {
        if (!row.next()) {
          throw new SQLException("tunable_schema has no row; it was emptied by hand");
        }
        return new Stored(row.getInt(1), row.getString(2));
      }
    }
  }

  private static long logLockKey(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet oid = statement.executeQuery("SELECT 'tunable_event'::regclass::oid::bigint")) {
      oid.next();
      return oid.getLong(1);
    }
  }

  private static void rollbackQuietly(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  private static String runningVersion() {
    try (InputStream in = Schema.class.getResourceAsStream("tunable-version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The tables are of a version newer than this program's. */
  static final class NewerSchemaException extends IllegalStateException {
    private static final long serialVersionUID = 1;

    NewerSchemaException(Stored stored, Schema schema) {
      super("its tables are of schema version " + stored.version() + ", written by Tunable "
          + stored.tunableVersion() + ", and this Tunable (" + schema.tunableVersion()
          + ") knows schema versions up to " + schema.version() + " only: run Tunable "
          + stored.tunableVersion() + " or later here, or give this one a database or schema"
          + " (currentSchema=...) of its own");
    }
  }
}
