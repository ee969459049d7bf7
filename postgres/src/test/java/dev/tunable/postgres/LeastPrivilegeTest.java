package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker runs with the privileges the README lists and no more, once the tables' owner has
 * created them; without those, it says what is missing.
 */
@ExtendWith(PostgresExtension.class)
class LeastPrivilegeTest {
  private static final AtomicInteger ROLES = new AtomicInteger();
  private final PostgresServer server;

  LeastPrivilegeTest(PostgresServer server) {
    this.server = server;
  }

  /** A role that may log in and use {@code schema}, and nothing else yet. */
  private String role(String schema) throws SQLException {
    String role = "worker" + ROLES.incrementAndGet();
    try (Connection admin = server.admin(PostgresServer.DATABASE);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'worker-password'");
      statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
    }
    return role;
  }

  private String urlOf(String ownerUrl, String role) {
    return ownerUrl.replace("user=" + PostgresServer.ADMIN, "user=" + role)
        .replace("password=" + server.password(), "password=worker-password");
  }

  @Test
  void aWorkerNeedsOnlyTheReadmesPrivileges() throws SQLException {
    String ownerUrl = server.freshUrl();
    String schema = PostgresServer.schemaOf(ownerUrl);
    Storages.open(ownerUrl).close(); // the owner creates the tables
    String role = role(schema);
    try (Connection admin = server.admin(PostgresServer.DATABASE);
        Statement statement = admin.createStatement()) {
      // As the README gives them:
      statement.execute("SET search_path = " + schema);
      statement.execute("GRANT SELECT ON tunable_schema TO " + role);
      statement.execute("GRANT SELECT, INSERT ON tunable_event TO " + role);
      statement.execute("GRANT SELECT, INSERT, UPDATE ON tunable_worker TO " + role);
    }
    SearchSpace<Config> space = SearchSpace.builder().real("x", 0, 1).build();
    try (Storage storage = Storages.open(urlOf(ownerUrl, role));
        Storage other = Storages.open(urlOf(ownerUrl, role))) {
      Study study = Study.builder().name("least").storage(storage).progress(false).build();
      study.optimize(space, 5, trial -> trial.params().getDouble("x"));
      assertEquals(study.trials(), Study.load("least", other).trials());
      assertTrue(other.isAlive(storage.workerId()));
    }
  }

  @Test
  void aWorkerThatCannotCreateTheTablesSaysSo() throws SQLException {
    String ownerUrl = server.freshUrl();
    String role = role(PostgresServer.schemaOf(ownerUrl));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Storages.open(urlOf(ownerUrl, role)));
    assertTrue(e.getMessage().contains("permission denied for schema"), e.getMessage());
    assertTrue(e.getMessage().contains("the database role lacks a privilege: see \"Many"
        + " machines, one study\" in the README"), e.getMessage());
  }
}
