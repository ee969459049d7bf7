package dev.tunable.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.postgres.PostgresExtension;
import dev.tunable.postgres.PostgresServer;
import dev.tunable.storage.Storage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/** {@code tunable delete} and {@code tunable studies} on PostgreSQL, a private server's schema. */
@ExtendWith(PostgresExtension.class)
class DeleteOnPostgresTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = Tunable.commandLine();
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    int code = command.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  @Test
  void aDeletedStudyIsGoneAndItsNameFreeWithThePasswordNeverShown(PostgresServer server) {
    String url = server.freshUrl();
    try (Storage storage = Storages.open(url)) {
      for (String name : List.of("old", "kept")) {
        Study study = Study.builder().name(name).storage(storage).progress(false).build();
        study.tell(study.ask(SPACE), 0.5);
      }
    }
    String[] deleted = run("delete", "old", "--yes", "--storage", url);
    assertEquals("0", deleted[0], deleted[2]);
    assertEquals("deleted study 'old' (1 trial) from " + Storages.mask(url) + "\n", deleted[1]);
    assertFalse(deleted[1].contains(server.password()), deleted[1]);

    String[] listed = run("studies", "--storage", url);
    assertEquals(List.of("kept"), listed[1].lines().skip(1).map(l -> l.split(" ")[0]).toList());
    String[] gone = run("show", "old", "--storage", url);
    assertEquals("1", gone[0]);
    assertEquals("tunable show: no study named 'old' in " + Storages.mask(url)
        + "; its studies are 'kept'\n", gone[2]);
    assertTrue(Storages.mask(url).contains("password=***"), "the URL has a password to hide");
    assertFalse(gone[2].contains(server.password()), gone[2]);

    try (Storage storage = Storages.open(url)) {
      Study renewed = Study.builder().name("old").storage(storage).progress(false).build();
      assertEquals(List.of(), renewed.trials(), "a new study took the name");
      renewed.tell(renewed.ask(SPACE), 0.25);
    }
  }

  /** The statement the README gives to reclaim the rows of a deleted study. */
  @Test
  void theRowsOfADeletedStudyMayBeRemovedWithSql(PostgresServer server) throws Exception {
    String url = server.freshUrl();
    try (Storage storage = Storages.open(url)) {
      Study old = Study.builder().name("old").storage(storage).progress(false).build();
      old.tell(old.ask(SPACE), 0.5);
      Study.delete("old", storage);
      Study renewed = Study.builder().name("old").storage(storage).progress(false).build();
      renewed.tell(renewed.ask(SPACE), 0.25);
      Study.builder().name("kept").storage(storage).progress(false).build();
    }
    String schema = PostgresServer.schemaOf(url);
    try (Connection admin = server.admin(PostgresServer.DATABASE);
        Statement sql = admin.createStatement()) {
      sql.execute("SET search_path TO " + schema);
      int removed = sql.executeUpdate("DELETE FROM tunable_event WHERE study = 'old' AND id <"
          + " (SELECT max(id) FROM tunable_event WHERE study = 'old' AND kind = 'study_deleted')");
      assertEquals(7, removed, "created, its search space and run settings, started, the"
          + " automatic sampler's two attributes (which sampler, its cost) and finished");
    }
    try (Storage storage = Storages.open(url)) {
      assertEquals(List.of("old", "kept"), Study.names(storage));
      assertEquals(List.of(0.25), Study.load("old", storage).trials().stream()
          .map(t -> t.value()).toList());
    }
  }
}
