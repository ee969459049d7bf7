package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker reads what was appended since its cursor through the primary key's index, not the
 * whole log, in pages: the cost of a read does not grow with the study (timings in
 * BENCHMARKS.md). The plans checked are generic ones on a table without statistics, as the
 * driver's prepared statements get them before autovacuum first analyzes the table: the plans
 * that scanned the whole table on every read until the storage's connections turned sequential
 * scans off.
 */
@ExtendWith(PostgresExtension.class)
class ReadCostTest {
  private final PostgresServer server;

  ReadCostTest(PostgresServer server) {
    this.server = server;
  }

  @Test
  void readsAndAppendsReadInPages() throws SQLException {
    String url = server.freshUrl();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 12_000; i++) {
      events.add(new TrialReported("s", i / 3, i % 3, i));
    }
    try (Storage storage = Storages.open(url)) {
      long cursor = storage.append(0, news -> events); // 12 INSERT statements of 1,000 rows
      assertEquals(events.size(), storage.read(0).events().size()); // 3 pages of 5,000
      assertEquals(List.of(events.get(11_999)), storage.read(cursor - 1).events());
      List<Storage.Batch> given = new ArrayList<>(); // an append from the start reads every page
      storage.append(0, news -> {
        given.add(news);
        return List.of();
      });
      assertEquals(events, given.get(0).events());
      assertEquals(cursor, given.get(0).cursor());
    }
  }

  @Test
  void aPlanMadeWhenTheLogWasShortStillFollowsTheIndexWhenItIsLong() throws SQLException {
    String url = server.freshUrl();
    try (Storage storage = Storages.open(url);
        Connections connections = new Connections(Settings.parse(url, Map.of()));
        Connection connection = connections.open(); // set up as the storage's connections are
        Statement statement = connection.createStatement()) {
      List<Event> few = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        few.add(new TrialReported("s", i, 0, i));
      }
      storage.append(0, news -> few);
      for (String query : List.of(PostgresStorage.READ, PostgresStorage.READ_WITH_TOKEN)) {
        boolean token = query.contains("append_token = ?");
        String name = token ? "with_token" : "plain";
        statement.execute("PREPARE " + name + (token ? "(uuid, bigint)" : "(bigint)") + " AS "
            + numbered(query));
        for (int i = 0; i < 6; i++) { // the plan cache then keeps a generic plan
          statement.execute("EXECUTE " + name + (token ? "(gen_random_uuid(), 90)" : "(90)"));
        }
      }
      List<Event> many = new ArrayList<>();
      for (int i = 0; i < 20_000; i++) {
        many.add(new TrialReported("s", 100 + i, 0, i));
      }
      long cursor = storage.append(storage.read(0).cursor(), news -> many);
      for (String name : List.of("plain", "with_token")) {
        String plan = explain(statement, "EXPLAIN EXECUTE " + name
            + (name.equals("plain") ? "(" : "(gen_random_uuid(), ") + (cursor - 10) + ")");
        assertFalse(plan.contains("Seq Scan"), name + ":\n" + plan);
      }
    }
  }

  /** {@code query} with {@code $1, $2, ...} for its {@code ?}s, for PREPARE. */
  private static String numbered(String query) {
    StringBuilder out = new StringBuilder();
    int n = 0;
    for (char c : query.toCharArray()) {
      out.append(c == '?' ? "$" + ++n : String.valueOf(c));
    }
    return out.toString();
  }

  private static String explain(Statement statement, String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        plan.append(rows.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
