package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Direction;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Storage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The storage creates its tables, upgrades older ones, and refuses newer ones. */
@ExtendWith(PostgresExtension.class)
class SchemaVersionTest {
  private final PostgresServer server;

  SchemaVersionTest(PostgresServer server) {
    this.server = server;
  }

  /** This program's tables and one more version: a newer Tunable. */
  private static Schema newer() {
    List<List<String>> migrations = new ArrayList<>(Schema.CURRENT.migrations());
    migrations.add(List.of("ALTER TABLE tunable_event ADD COLUMN note text"));
    return new Schema(migrations, "9.9.9");
  }

  private static Storage open(String url, Schema schema) {
    return new PostgresStorage(Settings.parse(url, Map.of()), schema, Faults.NONE);
  }

  private Schema.Stored stored(String url) throws SQLException {
    String schema = PostgresServer.schemaOf(url);
    try (Connection admin = server.admin(PostgresServer.DATABASE);
        Statement statement = admin.createStatement()) {
      statement.execute("SET search_path = " + schema);
      return Schema.stored(admin);
    }
  }

  @Test
  void theFirstUseCreatesTheTablesAtThisVersion() throws SQLException {
    String url = server.freshUrl();
    try (Storage storage = open(url, Schema.CURRENT)) {
      assertEquals(List.of(), storage.read(0).events());
    }
    assertEquals(new Schema.Stored(Schema.CURRENT.version(), Schema.CURRENT.tunableVersion()),
        stored(url));
    assertFalse(Schema.CURRENT.tunableVersion().contains("${"), "the version is filtered in");
  }

  @Test
  void aNewerProgramUpgradesAnOlderSchemaAndKeepsTheEvents() throws SQLException {
    String url = server.freshUrl();
    List<Event> created = List.of(new StudyCreated("s", List.of(Direction.MINIMIZE),
        Instant.parse("2026-01-02T03:04:05Z")));
    try (Storage old = open(url, Schema.CURRENT)) {
      old.append(0, news -> created);
    }
    try (Storage upgraded = open(url, newer())) {
      assertEquals(created, upgraded.read(0).events());
    }
    assertEquals(new Schema.Stored(Schema.CURRENT.version() + 1, "9.9.9"), stored(url));
    String schema = PostgresServer.schemaOf(url);
    try (Connection admin = server.admin(PostgresServer.DATABASE);
        ResultSet column = admin.createStatement().executeQuery("SELECT count(*) FROM"
            + " information_schema.columns WHERE table_schema = '" + schema + "'"
            + " AND table_name = 'tunable_event' AND column_name = 'note'")) {
      column.next();
      assertEquals(1, column.getInt(1), "the newer version's migration ran");
    }
  }

  @Test
  void anOlderProgramRefusesANewerSchemaSayingWhichTunableToRun() throws SQLException {
    String url = server.freshUrl();
    open(url, newer()).close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> open(url, Schema.CURRENT));
    assertEquals("cannot open the PostgreSQL storage '" + dev.tunable.Storages.mask(url) + "':"
        + " its tables are of schema version " + (Schema.CURRENT.version() + 1) + ", written by"
        + " Tunable 9.9.9, and this Tunable (" + Schema.CURRENT.tunableVersion() + ") knows"
        + " schema versions up to " + Schema.CURRENT.version() + " only: run Tunable 9.9.9 or"
        + " later here, or give this one a database or schema (currentSchema=...) of its own",
        e.getMessage());
    assertFalse(e.getMessage().contains(server.password()));
    assertEquals(Schema.CURRENT.version() + 1, stored(url).version(), "left as it was");
  }

  @Test
  void workersStartingTogetherCreateTheTablesOnce() throws Exception {
    String url = server.freshUrl();
    ExecutorService threads = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Storage>> opens = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        opens.add(() -> open(url, Schema.CURRENT));
      }
      List<Storage> storages = new ArrayList<>();
      for (Future<Storage> storage : threads.invokeAll(opens)) {
        storages.add(storage.get());
      }
      long cursor = storages.get(0).append(0, news -> List.of(new StudyCreated("s",
          List.of(Direction.MAXIMIZE), Instant.EPOCH)));
      for (Storage storage : storages) {
        assertEquals(cursor, storage.read(0).cursor());
        storage.close();
      }
      assertTrue(stored(url).version() == Schema.CURRENT.version());
    } finally {
      threads.shutdown();
    }
  }
}
