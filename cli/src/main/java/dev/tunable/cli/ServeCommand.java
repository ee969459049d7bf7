package dev.tunable.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tunable serve}: the study's report over HTTP, drawn again when its trials change, for
 * studies that workers on other machines are running. Serves the report and nothing else.
 */
@Command(
    name = "serve",
    header = "Serves a study's report over HTTP, live.",
    mixinStandardHelpOptions = true,
    description = {"Serves the study's HTML report (as tunable report writes it) at /, and the"
        + " page reloads itself when trials finish, on this machine or on any worker sharing the"
        + " storage. Listens on 127.0.0.1 unless --bind says otherwise; serves nothing but the"
        + " report (any other path is 404, any method but GET and HEAD 405). Runs until"
        + " interrupted (Ctrl-C).", ""},
    footer = {"", "Examples:",
        "  tunable serve logistic                       # http://127.0.0.1:8080/",
        "  tunable serve logistic --port 9000 --refresh 10"})
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
  @Mixin StorageOption storage;

  @Parameters(paramLabel = "STUDY", description = "The study's name.")
  String name;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "The port; 0 takes a free one. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on; 0.0.0.0 serves every network this machine is on."
          + " Default: ${DEFAULT-VALUE}.")
  String bind;

  @Option(names = "--refresh", paramLabel = "SECONDS", defaultValue = "5",
      description = "How often the page asks whether trials changed. Default: ${DEFAULT-VALUE}.")
  int refreshSeconds;

  @Override
  public Integer call() throws Exception {
    if (refreshSeconds < 1 || refreshSeconds > 3600) {
      throw new picocli.CommandLine.ParameterException(storage.spec.commandLine(),
          "--refresh: " + refreshSeconds + " is not allowed; expected 1 to 3600 seconds");
    }
    PrintWriter out = storage.spec.commandLine().getOut();
    Path folder = Files.createTempDirectory("tunable-serve");
    try (Storage opened = storage.open()) {
      LiveReport report = new LiveReport(storage.load(opened, name), folder, refreshSeconds);
      HttpServer server = HttpServer.create(
          new InetSocketAddress(InetAddress.getByName(bind), port), 0);
      server.createContext("/", report::handle);
      server.setExecutor(Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tunable serve");
        thread.setDaemon(true);
        return thread;
      }));
      server.start();
      try {
        InetSocketAddress address = server.getAddress();
        out.println("Serving the report of study '" + name + "' from " + storage.masked()
            + " at http://" + address.getHostString() + ":" + address.getPort()
            + "/ (Ctrl-C stops)");
        out.flush();
        new CountDownLatch(1).await();
        return 0;
      } catch (InterruptedException stopped) {
        Thread.currentThread().interrupt();
        return 0;
      } finally {
        server.stop(0);
      }
    } finally {
      try (var files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Files.deleteIfExists(folder);
    }
  }

  /** The report of one study, drawn again when its trials changed since the last drawing. */
  static final class LiveReport {
    private final Study study;
    private final Path file;
    private final int refreshSeconds;
    /** The version the page was drawn at; meaningless while {@code page} is null. */
    private String drawn;
    private byte[] page;

    LiveReport(Study study, Path folder, int refreshSeconds) {
      this.study = study;
      this.file = folder.resolve("report.html");
      this.refreshSeconds = refreshSeconds;
    }

    /**
     * What the page polls: a hash of the study's trials, which changes whenever a trial starts,
     * reports or finishes (on any worker: reading the trials catches up with the storage).
     */
    private synchronized String version() {
      return Integer.toHexString(study.trials().hashCode());
    }

    /** The page, drawn again only when the version changed since it was last drawn. */
    private synchronized byte[] page() throws IOException {
      String version = version();
      if (page == null || !version.equals(drawn)) {
        study.writeReport(file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        // A trial that finished between the version and the drawing makes one more reload.
        page = html.replace("</body>", poll(version) + "</body>").getBytes(StandardCharsets.UTF_8);
        drawn = version;
      }
      return page;
    }

    /** A script that reloads the page when the study's version is no longer {@code version}. */
    private String poll(String version) {
      return "<script>setInterval(function(){fetch('version',{cache:'no-store'})"
          + ".then(function(r){return r.text();}).then(function(v){if(v!=='" + version
          + "'){location.reload();}}).catch(function(){});}," + refreshSeconds * 1000
          + ");</script>";
    }

    void handle(HttpExchange exchange) throws IOException {
      try {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (!method.equals("GET") && !method.equals("HEAD")) {
          exchange.getResponseHeaders().set("Allow", "GET, HEAD");
          send(exchange, 405, "text/plain", "only GET and HEAD\n");
        } else if (path.equals("/")) {
          send(exchange, 200, "text/html; charset=utf-8", page());
        } else if (path.equals("/version")) {
          send(exchange, 200, "text/plain", version());
        } else {
          send(exchange, 404, "text/plain", "not found\n");
        }
      } catch (RuntimeException e) { // the storage failed: say so, and keep serving
        send(exchange, 500, "text/plain", "the study could not be read: " + e.getMessage() + "\n");
      } finally {
        exchange.close();
      }
    }

    private static void send(HttpExchange exchange, int status, String type, String body)
        throws IOException {
      send(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body)
        throws IOException {
      exchange.getResponseHeaders().set("Content-Type", type);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(status, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }
}
