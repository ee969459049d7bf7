package dev.tunable.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for a test run or a benchmark: {@code initdb} into a temporary
 * directory and {@code pg_ctl start} on a free port of 127.0.0.1, with its Unix socket in that
 * directory, stopped and deleted by {@link #close()}. Nothing is shared with a server the machine
 * may run.
 *
 * <p>The programs are found in the directory the system property {@code tunable.test.pgbin} or the
 * environment variable {@code TUNABLE_PG_BIN} names, else in the newest {@code
 * /usr/lib/postgresql/N/bin} (Debian, Ubuntu), else on the {@code PATH}. PostgreSQL refuses to run
 * as root: as root, they run as the user {@code postgres}, which Debian's package creates.
 *
 * <p>The superuser {@link #ADMIN} logs in with a password over TCP; the cluster's only role.
 */
public final class PostgresServer implements AutoCloseable {
  /** The cluster's superuser. */
  public static final String ADMIN = "tunable_admin";
  /** The database tests use. */
  public static final String DATABASE = "tunable";

  private static final AtomicInteger SCHEMAS = new AtomicInteger();

  private final Path bin;
  private final Path root;
  private final Path data;
  private final String password = UUID.randomUUID().toString();
  private final boolean asPostgresUser;
  private final List<String> settings;
  private int port;

  private PostgresServer(Path bin, Path root, List<String> settings) {
    this.bin = bin;
    this.root = root;
    this.data = root.resolve("data");
    this.asPostgresUser = "root".equals(System.getProperty("user.name"));
    this.settings = List.copyOf(settings);
  }

  /** A new cluster, started, with the database {@link #DATABASE}. */
  public static PostgresServer start() {
    return start(List.of());
  }

  /** A new cluster, started with extra {@code -c name=value} settings. */
  public static PostgresServer start(List<String> settings) {
    Path bin = findBin();
    Path root;
    try {
      root = Files.createTempDirectory("tunable-pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PostgresServer server = new PostgresServer(bin, root, settings);
    try {
      server.init();
      server.startOnFreePort();
      try (Connection admin = server.admin("postgres"); Statement statement =
          admin.createStatement()) {
        statement.execute("CREATE DATABASE " + DATABASE);
      }
    } catch (IOException | SQLException | RuntimeException e) {
      server.close();
      throw new IllegalStateException("cannot start a private PostgreSQL cluster with " + bin
          + " in " + root + ": " + e.getMessage() + "\n" + server.log(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    return server;
  }

  private static Path findBin() {
    List<String> named = new ArrayList<>();
    named.add(System.getProperty("tunable.test.pgbin"));
    named.add(System.getenv("TUNABLE_PG_BIN"));
    for (String name : named) {
      if (name != null && !name.isBlank()) {
        Path bin = Path.of(name);
        if (!Files.isExecutable(bin.resolve("initdb"))) {
          throw new IllegalStateException(bin + " has no initdb; point tunable.test.pgbin or"
              + " TUNABLE_PG_BIN at PostgreSQL's bin directory");
        }
        return bin;
      }
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(debian)) {
      try (Stream<Path> versions = Files.list(debian)) {
        Path newest = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")))
            .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())))
            .orElse(null);
        if (newest != null) {
          return newest;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, "initdb"))) {
        return Path.of(directory);
      }
    }
    throw new IllegalStateException("the tests of tunable-postgres run a private PostgreSQL"
        + " server and found none: install it (Debian: apt-get install postgresql; macOS: brew"
        + " install postgresql) or point -Dtunable.test.pgbin or TUNABLE_PG_BIN at the directory"
        + " holding initdb and pg_ctl");
  }

  private static int version(String name) {
    try {
      return Integer.parseInt(name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private void init() throws IOException {
    Path passwordFile = root.resolve("password");
    Files.writeString(passwordFile, password + "\n");
    if (asPostgresUser) {
      UserPrincipal postgres = root.getFileSystem().getUserPrincipalLookupService()
          .lookupPrincipalByName("postgres");
      Files.setOwner(root, postgres);
      Files.setOwner(passwordFile, postgres);
    }
    run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", ADMIN,
        "--pwfile=" + passwordFile, "--auth-host=scram-sha-256", "--auth-local=trust",
        "-E", "UTF8", "--locale=C", "--no-sync"), 120);
  }

  private void startOnFreePort() throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      try {
        startServer();
        return;
      } catch (IOException e) {
        last = e; // the port was taken meanwhile: try another
      }
    }
    throw last;
  }

  /** Starts the stopped server again, on its port. */
  public void startServer() throws IOException {
    StringBuilder options = new StringBuilder("-c port=" + port
        + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + root
        + " -c max_connections=200");
    for (String setting : settings) {
      options.append(" -c ").append(setting);
    }
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
        root.resolve("server.log").toString(), "-w", "-t", "60", "-o", options.toString(),
        "start"), 90);
  }

  /** Stops the server, as an administrator would ({@code pg_ctl stop -m fast}). */
  public void stopServer() throws IOException {
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w",
        "stop"), 90);
  }

  private void run(List<String> command, int timeoutSeconds) throws IOException {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(command);
    Path output = Files.createTempFile("tunable-pg-command", ".log");
    try {
      Process process = new ProcessBuilder(full).redirectErrorStream(true)
          .redirectOutput(output.toFile()).start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", full) + " did not finish in " + timeoutSeconds
            + " s: " + Files.readString(output));
      }
      if (process.exitValue() != 0) {
        throw new IOException(String.join(" ", full) + " failed (" + process.exitValue() + "): "
            + Files.readString(output));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      Files.deleteIfExists(output);
    }
  }

  /** The server's log so far, for failure messages. */
  public String log() {
    try {
      Path log = root.resolve("server.log");
      return Files.exists(log) ? Files.readString(log) : "(no server log)";
    } catch (IOException e) {
      return "(server log unreadable: " + e + ")";
    }
  }

  public int port() {
    return port;
  }

  /** The administrator's password, for worker processes (PGPASSWORD) and URLs. */
  public String password() {
    return password;
  }

  /** A storage URL of {@code database}, as the administrator, without the password. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + ADMIN;
  }

  /**
   * The URL of a new, empty schema of {@link #DATABASE}, with the password, so that each test
   * has tables of its own.
   */
  public String freshUrl() {
    String schema = "test" + SCHEMAS.incrementAndGet();
    try (Connection admin = admin(DATABASE); Statement statement = admin.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return url(DATABASE) + "&password=" + password + "&currentSchema=" + schema;
  }

  /** The schema a URL of {@link #freshUrl()} names. */
  public static String schemaOf(String url) {
    String schema = url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
    return schema.contains("&") ? schema.substring(0, schema.indexOf('&')) : schema;
  }

  /** A connection to {@code database} as the administrator. */
  public Connection admin(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", ADMIN);
    properties.setProperty("password", password);
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, properties);
  }

  /** Stops the server at once and deletes its files. */
  @Override
  public synchronized void close() {
    if (!Files.exists(root)) {
      return;
    }
    try {
      if (Files.exists(data.resolve("postmaster.pid"))) {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate",
            "-w", "stop"), 60);
      }
    } catch (IOException e) {
      System.err.println("cannot stop the test PostgreSQL in " + root + ": " + e.getMessage());
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      System.err.println("cannot delete " + root + ": " + e.getMessage());
    }
  }
}
