package dev.tunable.postgres;

import dev.tunable.internal.storage.EventCodec;
import dev.tunable.postgres.Faults.Point;
import dev.tunable.storage.Event;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The event log in PostgreSQL tables ({@link Schema}), shared by worker processes on many machines.
 *
 * <p><b>Cursor.</b> A cursor is the {@code id} of the last row read, an identity column with the
 * primary key's index, so that a worker reads only what was appended since its cursor (an index
 * range scan) however long the log. Rows of every study share the log, as every storage's
 * cursor is per storage; studies pick their own events out of what they read.
 *
 * <p><b>Locking.</b> Every append holds the log's transaction-scoped advisory lock ({@code
 * pg_advisory_xact_lock}) from before its ids are drawn until it commits, so that ids become
 * visible in order and a reader needs no lock: no row can later appear below a cursor it returned.
 * An advisory lock needs no privilege on the tables, unlike {@code LOCK TABLE}. An append reads
 * what was appended after its cursor and plans on it holding nothing; then one call of the
 * function {@code tunable_append}, one round trip, takes the lock, appends the events if nothing
 * was appended after what the plan saw, and commits; otherwise it returns those rows, the plan is
 * given them, and the append is tried again. So the lock is held only on the server, never across
 * a round trip to a worker that a busy machine may be slow to schedule. After {@value
 * #OPTIMISTIC_TRIES} such conflicts, an append plans holding the lock (lock, read, plan, insert,
 * commit in one transaction), so that a worker never starves among busy ones. Either way the
 * events land right after the last batch the plan was given.
 *
 * <p><b>Lost connections.</b> Every call that fails because the connection was lost or the server
 * is down or restarting (see {@link Retry}) reconnects and tries again, with backoff, for at most
 * {@code retrySeconds}, then fails naming the URL (password masked) and how long it tried. Every
 * append carries a random token, stored with its events: when the connection was lost after the
 * events were sent, the next try checks under the lock whether that token committed (the lost
 * transaction has ended by then, since it held the lock) and, if it did, returns its cursor
 * instead of appending again; if it did not, the events are sent again, or planned again on what
 * was appended meanwhile.
 *
 * <p><b>Liveness: heartbeats.</b> Each storage handle registers a worker row and beats from a
 * daemon thread every {@code heartbeatSeconds}, setting the row's expiry to the server's {@code
 * now()} plus {@code graceSeconds}: the database's clock, so that skewed machine clocks do not
 * matter. A worker is alive while its row is not closed and its expiry is ahead; after a server
 * restart every worker also gets its grace anew from the restart, so that the server's own absence
 * does not kill the workers. {@link #close()} stops beating and marks the row closed.
 *
 * <p>Thread-safe: each call takes a connection of its own.
 */
final class PostgresStorage implements Storage {
  private static final System.Logger LOG = System.getLogger(PostgresStorage.class.getName());
  /** Rows per INSERT statement of an append with many events. */
  private static final int ROWS_PER_INSERT = 1000;

  /** Conflicts an append plans through before it takes the lock to plan. */
  static final int OPTIMISTIC_TRIES = 3;

  private final Settings settings;
  private final Faults faults;
  private final int optimisticTries;
  private final Connections connections;
  private final String workerId;
  private final long logOid;
  /** The connection of the append this thread is in, for {@link #isAlive} called by its plan. */
  private final ThreadLocal<Connection> appending = new ThreadLocal<>();
  private final ScheduledExecutorService beats;
  /** Used by the heartbeat thread alone. */
  private Connection beatConnection;
  private volatile boolean beating = true;
  private boolean beatFailing;
  private volatile boolean closed;
  /** Calls tried again after a lost connection, for tests. */
  private final AtomicLong retries = new AtomicLong();

  PostgresStorage(Settings settings, Schema schema, Faults faults) {
    this(settings, schema, faults, OPTIMISTIC_TRIES);
  }

  /** With {@code optimisticTries} 0, every append plans holding the lock (for tests). */
  PostgresStorage(Settings settings, Schema schema, Faults faults, int optimisticTries) {
    this.settings = settings;
    this.faults = faults;
    this.optimisticTries = optimisticTries;
    this.connections = new Connections(settings);
    this.workerId = host() + "/" + ProcessHandle.current().pid() + "/"
        + HexFormat.of().toHexDigits((int) UUID.randomUUID().getMostSignificantBits());
    try {
      this.logOid = call("open", connection -> {
        try {
          return schema.ensure(connection);
        } catch (Schema.NewerSchemaException e) {
          throw new IllegalStateException(
              "cannot open the PostgreSQL storage '" + settings.masked() + "': " + e.getMessage(),
              e);
        }
      });
      call("open", connection -> {
        checkEncoding(connection);
        connection.setAutoCommit(true);
        beat(connection);
        return null;
      });
    } catch (RuntimeException e) {
      connections.close();
      throw e;
    }
    beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "tunable-postgres-heartbeat " + workerId);
      thread.setDaemon(true);
      return thread;
    });
    long period = settings.heartbeat().toNanos();
    beats.scheduleWithFixedDelay(this::beatFromThread, period, period, TimeUnit.NANOSECONDS);
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }

  private void checkEncoding(Connection connection) throws SQLException {
    try (PreparedStatement show = connection.prepareStatement("SHOW server_encoding");
        ResultSet encoding = show.executeQuery()) {
      encoding.next();
      String name = encoding.getString(1);
      if (!name.equals("UTF8") && !name.equals("SQL_ASCII")) {
        throw new IllegalStateException("cannot use the PostgreSQL storage '" + settings.masked()
            + "': its database's encoding is " + name + ", which cannot hold every text a study"
            + " may store; create the database with ENCODING 'UTF8'");
      }
    }
  }

  @Override
  public Batch read(long cursor) {
    requireOpen();
    return call("read", connection -> {
      connection.setAutoCommit(true);
      return select(connection, cursor);
    });
  }

  /**
   * Reads what was appended after {@code cursor}, plans on it with no lock held, and appends in
   * one round trip ({@code tunable_append}) unless rows were appended meanwhile: the plan is then
   * given those, which came back in the same round trip, and the append tried again. After {@code
   * optimisticTries} such conflicts, the append takes the lock before it plans, so that a worker
   * never starves among busy ones. Either way the events are appended right after the last batch
   * the plan was given, as if the lock had been held since that batch was read.
   */
  @Override
  public long append(long cursor, Function<Batch, List<Event>> plan) {
    requireOpen();
    Attempts attempts = new Attempts(UUID.randomUUID(), cursor);
    Batch batch = optimisticTries > 0 ? read(cursor) : null;
    for (int conflicts = 0; conflicts < optimisticTries; conflicts++) {
      attempts.seen = batch;
      List<Event> events = plan.apply(batch);
      if (events.isEmpty()) {
        return batch.cursor();
      }
      Encoded encoded = Encoded.of(events);
      long after = batch.cursor();
      Batch appendedOrNews = call("append to",
          connection -> appendInOneTrip(connection, after, encoded, attempts));
      if (appendedOrNews.events().isEmpty()) {
        return appendedOrNews.cursor();
      }
      batch = appendedOrNews; // read again under the lock below, after the last conflict
    }
    return call("append to", connection -> appendLocked(connection, cursor, plan, attempts));
  }

  /** An append's events as the columns of their rows. */
  private record Encoded(String[] studies, String[] kinds, String[] bodies) {
    static Encoded of(List<Event> events) {
      int size = events.size();
      Encoded encoded = new Encoded(new String[size], new String[size], new String[size]);
      for (int i = 0; i < size; i++) {
        Event event = events.get(i);
        encoded.studies[i] = event.study();
        encoded.kinds[i] = kind(event);
        encoded.bodies[i] = EventCodec.encode(event);
        requireStorable(event, "its study's name", encoded.studies[i]);
        requireStorable(event, "its text", encoded.bodies[i]);
      }
      return encoded;
    }
  }

  /**
   * Calls {@code tunable_append}: the cursor after the appended events, in an empty batch, or the
   * rows appended after {@code after}, which the plan must see first.
   */
  private Batch appendInOneTrip(Connection connection, long after, Encoded encoded,
      Attempts attempts) throws SQLException {
    connection.setAutoCommit(true);
    faults.at(Point.APPENDING, connection);
    attempts.sent = true;
    List<Event> news = new ArrayList<>();
    long last = after;
    try (PreparedStatement append = connection.prepareStatement(
        "SELECT event_id, event_body FROM tunable_append(?, ?, ?, ?, ?, ?)")) {
      append.setLong(1, after);
      append.setInt(2, (int) logOid);
      append.setArray(3, connection.createArrayOf("text", encoded.studies()));
      append.setArray(4, connection.createArrayOf("text", encoded.kinds()));
      append.setArray(5, connection.createArrayOf("text", encoded.bodies()));
      append.setObject(6, attempts.token);
      try (ResultSet rows = append.executeQuery()) {
        while (rows.next()) {
          last = rows.getLong(1);
          String body = rows.getString(2);
          if (body != null) {
            news.addAll(decode(last, body));
          }
        }
      }
    }
    if (news.isEmpty()) {
      faults.at(Point.COMMITTED, connection);
    }
    return new Batch(news, last);
  }

  /** What the tries of one append share: its token, and what the plan was last given. */
  private static final class Attempts {
    final UUID token;
    /** The cursor the append was called with: its rows, wherever they are, lie after it. */
    final long firstSeen;
    /** The batch the plan was last given, or null. */
    Batch seen;
    /** Whether events were sent, so that a lost connection may have committed them. */
    boolean sent;

    Attempts(UUID token, long cursor) {
      this.token = token;
      this.firstSeen = cursor;
    }
  }

  /**
   * The append in one transaction that holds the log's lock while the plan runs: after conflicts,
   * so that the plan's events cannot be overtaken again.
   */
  private long appendLocked(Connection connection, long cursor,
      Function<Batch, List<Event>> plan, Attempts attempts) throws SQLException {
    connection.setAutoCommit(false);
    try (PreparedStatement lock = connection.prepareStatement(
        "SELECT pg_advisory_xact_lock(?, ?)")) {
      lock.setInt(1, Schema.LOG_LOCK_SPACE);
      lock.setInt(2, (int) logOid);
      lock.execute();
    }
    if (attempts.sent) {
      // The try that sent these events lost its connection; it held this lock, so it has ended.
      long committed = committedCursor(connection, attempts);
      if (committed > 0) {
        connection.commit();
        return committed;
      }
    }
    Batch news = select(connection, attempts.seen == null ? cursor : attempts.seen.cursor());
    // Seen once passed: a plan that fails halfway must not be given the same events again.
    attempts.seen = news;
    List<Event> events;
    appending.set(connection);
    try {
      events = plan.apply(news);
    } catch (PlanConnectionException e) {
      throw e.getCause();
    } finally {
      appending.remove();
    }
    if (events.isEmpty()) {
      connection.commit();
      return news.cursor();
    }
    Encoded encoded = Encoded.of(events);
    faults.at(Point.APPENDING, connection);
    attempts.sent = true;
    long last = insert(connection, encoded, attempts.token);
    faults.at(Point.INSERTED, connection);
    connection.commit();
    faults.at(Point.COMMITTED, connection);
    return last;
  }

  private static long committedCursor(Connection connection, Attempts attempts)
      throws SQLException {
    try (PreparedStatement find = connection.prepareStatement(
        "SELECT max(id) FROM tunable_event WHERE id > ? AND append_token = ?")) {
      find.setLong(1, attempts.firstSeen);
      find.setObject(2, attempts.token);
      try (ResultSet row = find.executeQuery()) {
        row.next();
        long id = row.getLong(1);
        return row.wasNull() ? 0 : id;
      }
    }
  }

  private static Batch select(Connection connection, long cursor) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, body FROM tunable_event WHERE id > ? ORDER BY id")) {
      select.setLong(1, cursor);
      List<Event> events = new ArrayList<>();
      long last = cursor;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          last = rows.getLong(1);
          events.addAll(decode(last, rows.getString(2)));
        }
      }
      return new Batch(events, last);
    }
  }

  private static List<Event> decode(long id, String body) {
    try {
      return EventCodec.decode(body);
    } catch (RuntimeException e) {
      throw new IllegalStateException("row " + id + " of tunable_event is not a valid event: "
          + e.getMessage() + "; was it written by hand?", e);
    }
  }

  private static long insert(Connection connection, Encoded encoded, UUID token)
      throws SQLException {
    long last = 0;
    int size = encoded.bodies().length;
    for (int from = 0; from < size; from += ROWS_PER_INSERT) {
      int to = Math.min(size, from + ROWS_PER_INSERT);
      StringBuilder sql =
          new StringBuilder("INSERT INTO tunable_event (study, kind, body, append_token) VALUES ");
      for (int i = from; i < to; i++) {
        sql.append(i == from ? "(?, ?, ?, ?)" : ", (?, ?, ?, ?)");
      }
      sql.append(" RETURNING id");
      try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
        int parameter = 1;
        for (int i = from; i < to; i++) {
          insert.setString(parameter++, encoded.studies()[i]);
          insert.setString(parameter++, encoded.kinds()[i]);
          insert.setString(parameter++, encoded.bodies()[i]);
          insert.setObject(parameter++, token);
        }
        try (ResultSet ids = insert.executeQuery()) {
          while (ids.next()) {
            last = Math.max(last, ids.getLong(1));
          }
        }
      }
    }
    return last;
  }

  /** The kind of event as the JSON's {@code "type"} names it: TrialStarted is trial_started. */
  static String kind(Event event) {
    String name = event.getClass().getSimpleName();
    StringBuilder kind = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        kind.append('_');
      }
      kind.append(Character.toLowerCase(c));
    }
    return kind.toString();
  }

  /**
   * Refuses text PostgreSQL cannot hold as it is: a NUL character, or half of a surrogate pair
   * (which UTF-8 cannot encode, so that it would come back as '?').
   */
  private static void requireStorable(Event event, String what, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String problem = null;
      if (c == 0) {
        problem = "a NUL character (U+0000), which PostgreSQL text cannot hold";
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        problem = "an unpaired surrogate, which UTF-8 cannot encode";
      } else if (Character.isLowSurrogate(c)) {
        problem = "an unpaired surrogate, which UTF-8 cannot encode";
      }
      if (problem != null) {
        throw new IllegalArgumentException("cannot store " + kind(event) + " of study '"
            + printable(event.study()) + "' in PostgreSQL: " + what + " holds " + problem
            + " (U+" + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i
            + "); remove it or use another name or value");
      }
    }
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints().limit(80).forEach(c -> {
      if (c < 0x20 || Character.getType(c) == Character.SURROGATE) {
        out.append(String.format(Locale.ROOT, "\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return text.codePointCount(0, text.length()) > 80 ? out + "..." : out.toString();
  }

  @Override
  public String workerId() {
    return workerId;
  }

  /**
   * Whether the worker's row is not closed and its last heartbeat, plus the grace period it
   * registered with, is ahead of the server's clock (or its grace since the server last started
   * is). Ids of other storages' workers, and of rows no longer there: no.
   */
  @Override
  public boolean isAlive(String workerId) {
    if (workerId.equals(this.workerId)) {
      return !closed;
    }
    Connection current = appending.get();
    if (current != null) {
      try {
        return alive(current, workerId);
      } catch (SQLException e) {
        throw new PlanConnectionException(e); // the append fails with it, and may be retried
      }
    }
    return call("check a worker in", connection -> {
      connection.setAutoCommit(true);
      return alive(connection, workerId);
    });
  }

  private static boolean alive(Connection connection, String workerId) throws SQLException {
    try (PreparedStatement check = connection.prepareStatement("SELECT closed IS NULL AND"
        + " greatest(expires, pg_postmaster_start_time() + grace) > now()"
        + " FROM tunable_worker WHERE id = ?")) {
      check.setString(1, workerId);
      try (ResultSet row = check.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    }
  }

  /** Registers or refreshes this worker's row: alive until now() plus the grace period. */
  private void beat(Connection connection) throws SQLException {
    try (PreparedStatement beat = connection.prepareStatement("""
        INSERT INTO tunable_worker (id, host, pid, grace, expires)
        VALUES (?, ?, ?, make_interval(secs => ?), now() + make_interval(secs => ?))
        ON CONFLICT (id) DO UPDATE SET beat = now(), expires = excluded.expires""")) {
      double grace = settings.grace().toNanos() / 1e9;
      beat.setString(1, workerId);
      beat.setString(2, host());
      beat.setLong(3, ProcessHandle.current().pid());
      beat.setDouble(4, grace);
      beat.setDouble(5, grace);
      beat.executeUpdate();
    }
  }

  /** One heartbeat, on the heartbeat thread; a failure is logged and the next beat reconnects. */
  private void beatFromThread() {
    if (!beating || closed) {
      return;
    }
    try {
      if (beatConnection == null) {
        beatConnection = connections.open();
        beatConnection.setAutoCommit(true);
      }
      beat(beatConnection);
      if (beatFailing) {
        beatFailing = false;
        LOG.log(System.Logger.Level.INFO, "worker {0} beats again in {1}", workerId,
            settings.masked());
      }
    } catch (SQLException | RuntimeException e) {
      if (beatConnection != null) {
        connections.discard(beatConnection);
        beatConnection = null;
      }
      if (!beatFailing) {
        beatFailing = true;
        LOG.log(System.Logger.Level.WARNING, "worker " + workerId + " cannot beat in "
            + settings.masked() + "; other workers take it for dead after " + settings.grace()
            + " without a beat: " + e.getMessage(), e);
      }
    }
  }

  /** For tests: how many calls were tried again after a lost connection. */
  long retries() {
    return retries.get();
  }

  /** For tests: stops beating, as a hung process would, without closing. */
  void stopBeating() {
    beating = false;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    beats.shutdown();
    try {
      if (!beats.awaitTermination(5, TimeUnit.SECONDS)) {
        beats.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (beatConnection != null) {
      connections.discard(beatConnection);
    }
    // One try: a worker whose row stays open is taken for dead once its grace period is over.
    try (Connection connection = connections.open();
        PreparedStatement close = connection.prepareStatement(
            "UPDATE tunable_worker SET closed = now() WHERE id = ?")) {
      close.setString(1, workerId);
      close.executeUpdate();
    } catch (SQLException e) {
      LOG.log(System.Logger.Level.WARNING, "cannot mark worker " + workerId + " closed in "
          + settings.masked() + "; it is taken for dead " + settings.grace() + " after its last"
          + " heartbeat: " + e.getMessage());
    } finally {
      connections.close();
    }
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the storage " + this + " is closed");
    }
  }

  /** A failure of the append's connection inside its plan, carried out of the plan. */
  private static final class PlanConnectionException extends RuntimeException {
    private static final long serialVersionUID = 1;

    PlanConnectionException(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }

  /** One call's work on a connection; the connection is given back unless the work failed. */
  @FunctionalInterface
  private interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} on a connection, reconnecting and running it again after a lost connection
   * (with backoff, for at most {@code retrySeconds}); fails at once on any other error.
   */
  private <T> T call(String verb, Work<T> work) {
    long start = System.nanoTime();
    int tries = 0;
    while (true) {
      Connection connection = null;
      try {
        connection = connections.take();
        T result = work.run(connection);
        connections.give(connection);
        return result;
      } catch (SQLException e) {
        connections.discard(connection);
        tries++;
        if (!Retry.isConnectionLoss(e)) {
          throw failed(verb, e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Duration pause = Retry.backoff(tries);
        if (elapsed.plus(pause).compareTo(settings.retry()) > 0) {
          throw new UncheckedIOException(new IOException("cannot " + verb + " the PostgreSQL"
              + " storage '" + settings.masked() + "': the database could not be reached for "
              + seconds(elapsed) + " (" + tries + (tries == 1 ? " try" : " tries") + "; the URL's"
              + " retrySeconds, " + settings.retry().toMillis() / 1000.0 + ", sets how long to"
              + " try): " + e.getMessage(), e));
        }
        retries.incrementAndGet();
        LOG.log(System.Logger.Level.DEBUG, "retrying to {0} {1} in {2} after: {3}", verb,
            settings.masked(), pause, e.getMessage());
        pause(pause, verb);
      } catch (RuntimeException | Error e) {
        release(connection, e);
        throw e;
      }
    }
  }

  /** Ends the transaction a failed call may have left open, and keeps the connection if it can. */
  private void release(Connection connection, Throwable cause) {
    if (connection == null) {
      return;
    }
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
      connections.give(connection);
    } catch (SQLException e) {
      cause.addSuppressed(e);
      connections.discard(connection);
    }
  }

  private RuntimeException failed(String verb, SQLException e) {
    String hint = "42501".equals(e.getSQLState())
        ? " (the database role lacks a privilege: see \"Many machines, one study\" in the README"
            + " for the privileges a worker needs, and create or upgrade the tables once with"
            + " their owner)"
        : "";
    return new IllegalStateException("cannot " + verb + " the PostgreSQL storage '"
        + settings.masked() + "': " + e.getMessage() + hint, e);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }

  private void pause(Duration pause, String verb) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting to "
          + verb + " the PostgreSQL storage '" + settings.masked() + "' again"));
    }
  }

  @Override
  public String toString() {
    return "Storages.open(" + settings.masked() + ")";
  }
}
