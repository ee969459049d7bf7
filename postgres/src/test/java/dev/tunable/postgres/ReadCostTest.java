package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Storages;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Storage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker reads what was appended since its cursor through the primary key's index, not the
 * whole log, in pages: the cost of a read does not grow with the study (timings in
 * BENCHMARKS.md).
 */
@ExtendWith(PostgresExtension.class)
class ReadCostTest {
  private final PostgresServer server;

  ReadCostTest(PostgresServer server) {
    this.server = server;
  }

  @Test
  void readingSinceACursorIsAnIndexRangeScan() throws SQLException {
    String url = server.freshUrl();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 30_000; i++) {
      events.add(new TrialReported("s", i / 3, i % 3, i));
    }
    try (Storage storage = Storages.open(url)) {
      long cursor = storage.append(0, news -> events); // 30 INSERT statements of 1,000 rows
      assertEquals(events.size(), storage.read(0).events().size());
      assertEquals(List.of(events.get(29_999)), storage.read(cursor - 1).events());
      List<Storage.Batch> given = new ArrayList<>(); // an append from the start reads every page
      storage.append(0, news -> {
        given.add(news);
        return List.of();
      });
      assertEquals(events, given.get(0).events());
      assertEquals(cursor, given.get(0).cursor());
      try (Connection admin = server.admin(PostgresServer.DATABASE);
          Statement statement = admin.createStatement()) {
        statement.execute("SET search_path = " + PostgresServer.schemaOf(url));
        statement.execute("ANALYZE tunable_event");
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT id, body FROM tunable_event"
            + " WHERE id > " + (cursor - 10_000) + " ORDER BY id LIMIT 5000")) {
          while (rows.next()) {
            plan.append(rows.getString(1)).append('\n');
          }
        }
        assertTrue(plan.toString().contains("Index Scan using tunable_event_pkey"), plan.toString());
      }
    }
  }
}
