package dev.tunable.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tunable report} writes the study's report; {@code tunable serve} serves it, live. */
class ReportCommandsTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", -5, 10).categorical("activation", "relu", "tanh").build();

  @TempDir Path directory;
  private Path journal;
  private String url;

  @BeforeEach
  void aStudy() {
    journal = directory.resolve("studies.journal");
    url = "file:" + journal;
    try (Storage storage = Storages.file(journal)) {
      Study study = Study.builder().name("tuning").sampler(Samplers.random(3)).storage(storage)
          .progress(false).build();
      study.optimize(SPACE, 12, trial -> Math.abs(trial.params().getDouble("x")));
    }
  }

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine command = Tunable.commandLine();
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    return command.execute(args);
  }

  @Test
  void reportWritesTheStudysPageNamedAfterItOrWhereAsked() throws Exception {
    Path file = directory.resolve("out").resolve("r.html");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "report", "tuning", "--storage", url, "-o", file.toString()),
        err.toString());
    assertEquals(file.toAbsolutePath().toString(), out.toString().trim());
    String html = Files.readString(file);
    assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("Study tuning"));
    assertTrue(html.contains("activation"), "the recorded space's dimensions are drawn");
    assertEquals("a_b_c", ReportCommand.fileName("a/b c"));
    assertEquals("study..", ReportCommand.fileName(".."));
  }

  @Test
  void reportNeverReplacesTheJournal() throws Exception {
    byte[] before = Files.readAllBytes(journal);
    StringWriter err = new StringWriter();
    assertEquals(1, run(new StringWriter(), err, "report", "tuning", "--storage", url, "-o",
        journal.toString()));
    assertTrue(err.toString().contains("Tunable journal"), err.toString());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(journal)));
  }

  @Test
  void serveServesTheReportAloneAndReloadsItWhenTrialsFinish() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    AtomicInteger code = new AtomicInteger(-1);
    Thread serving = new Thread(() -> code.set(run(out, err, "serve", "tuning", "--storage",
        url, "--port", "0", "--refresh", "1")));
    serving.start();
    try {
      Pattern served = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/)");
      Matcher address = served.matcher("");
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!(address = served.matcher(out.toString())).find()) {
        assertTrue(System.nanoTime() < deadline && serving.isAlive(),
            "no address printed: " + out + err);
        Thread.sleep(20);
      }
      URI root = URI.create(address.group(1));
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> page = get(client, root);
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Study tuning") && page.body().contains("12 trials"),
          page.body().substring(0, Math.min(400, page.body().length())));
      assertTrue(page.body().contains("fetch('version'"), "the page polls for changes");
      String version = get(client, root.resolve("version")).body();

      assertEquals(404, get(client, root.resolve("studies.journal")).statusCode());
      assertEquals(404, get(client, root.resolve("../studies.journal")).statusCode());
      HttpResponse<String> post = client.send(HttpRequest.newBuilder(root)
          .POST(HttpRequest.BodyPublishers.ofString("x")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(405, post.statusCode());

      try (Storage storage = Storages.file(journal)) { // a worker elsewhere finishes 3 more
        Study.load("tuning", storage).optimize(SPACE, 3, trial -> 1.0);
      }
      assertNotEquals(version, get(client, root.resolve("version")).body());
      assertTrue(get(client, root).body().contains("15 trials"), "the page is drawn again");
      assertFalse(out.toString().contains("password"));
    } finally {
      serving.interrupt();
      serving.join(10_000);
    }
    assertFalse(serving.isAlive(), "serve stops when interrupted");
    assertEquals(0, code.get(), err.toString());
  }

  private static HttpResponse<String> get(HttpClient client, URI uri) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void importancePrintsEachHyperparameterMostImportantFirst() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "importance", "tuning", "--storage", url), err.toString());
    java.util.List<String> lines = out.toString().lines().toList();
    assertEquals("HYPERPARAMETER  IMPORTANCE", lines.get(0).stripTrailing());
    assertTrue(lines.get(1).startsWith("x  "), out.toString()); // the objective is |x|
    assertTrue(lines.get(2).startsWith("activation  "), out.toString());
    assertEquals(3, lines.size());
  }
}
