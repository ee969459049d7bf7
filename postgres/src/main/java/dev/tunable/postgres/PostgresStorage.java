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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log in PostgreSQL tables ({@link Schema}), shared by worker processes on many machines.
 *
 * <p><b>Cursor.</b> A cursor is the {@code id} of the last row read, an identity column with the
 * primary key's index, so that a worker reads only what was appended since its cursor (an index
 * range scan) however long the log. Rows of every study share the log, as every storage's
 * cursor is per storage; studies pick their own events out of what they read.
 *
 * <p><b>Locking.</b> {@link #append} is one transaction in two round trips: the first takes the
 * log's transaction-scoped advisory lock ({@code pg_advisory_xact_lock}) and reads the rows after
 * the cursor (two statements sent together; the second sees what committed before it began,
 * including the append that held the lock last); the plan runs; the second inserts its events and
 * commits, which releases the lock. Since appends hold the lock from before their ids are drawn
 * until they are visible, ids become visible in order, and a reader needs no lock: no row can
 * later appear below a cursor it returned. An advisory lock needs no privilege on the tables,
 * unlike {@code LOCK TABLE}. (Planning without the lock and appending in one round trip unless
 * another worker came first was tried, and measured slower with 8 and 16 busy workers: nearly
 * every append was overtaken; see BENCHMARKS.md.)
 *
 * <p><b>Lost connections.</b> Every call that fails because the connection was lost or the server
 * is down or restarting (see {@link Retry}) reconnects and tries again, with backoff, for at most
 * {@code retrySeconds}, then fails naming the URL (password masked) and how long it tried. Every
 * append carries a random token, stored with its events: when the connection was lost after the
 * events were sent, the next try checks under the lock whether that token committed (the lost
 * transaction has ended by then, since it held the lock) and, if it did, returns its cursor
 * instead of appending again; if it did not, the plan is given what was appended after the batch
 * it was last given, and its events are appended.
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
  /** The storages' logger of Tunable's hierarchy, which users filter on (issue 17). */
  private static final Logger LOG = LoggerFactory.getLogger("dev.tunable.storage");
  /** Rows per INSERT statement of an append with many events. */
  private static final int ROWS_PER_INSERT = 1000;

  private final Settings settings;
  private final Faults faults;
  private final Connections connections;
  private final String host = host();
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
    this.settings = settings;
    this.faults = faults;
    this.connections = new Connections(settings);
    this.workerId = host + "/" + ProcessHandle.current().pid() + "/"
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

  @Override
  public long append(long cursor, Function<Batch, List<Event>> plan) {
    requireOpen();
    Attempts attempts = new Attempts(UUID.randomUUID());
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

  /** What the tries of one append share: its token, and what the plan was last given. */
  private static final class Attempts {
    final UUID token;
    /** The batch the plan was last given, or null. */
    Batch seen;

    Attempts(UUID token) {
      this.token = token;
    }
  }

  /**
   * The append, in two round trips: the lock and the rows after the batch the plan was last given
   * (with whether they carry this append's token: a try that lost its connection but committed),
   * then the insert and the commit.
   */
  private long appendLocked(Connection connection, long cursor,
      Function<Batch, List<Event>> plan, Attempts attempts) throws SQLException {
    connection.setAutoCommit(false);
    long from = attempts.seen == null ? cursor : attempts.seen.cursor();
    Page page = new Page(from);
    // One round trip; each statement sees what committed before it began, so the rows include
    // those of the append that held the lock last.
    try (PreparedStatement lockAndRead = connection.prepareStatement(
        "SELECT pg_advisory_xact_lock(?, ?); " + READ_WITH_TOKEN)) {
      lockAndRead.setInt(1, Schema.LOG_LOCK_SPACE);
      lockAndRead.setInt(2, (int) logOid);
      lockAndRead.setObject(3, attempts.token);
      lockAndRead.setLong(4, from);
      lockAndRead.execute();
      lockAndRead.getMoreResults();
      try (ResultSet rows = lockAndRead.getResultSet()) {
        page.add(rows);
      }
    }
    if (page.full()) {
      try (PreparedStatement more = connection.prepareStatement(READ_WITH_TOKEN)) {
        do {
          more.setObject(1, attempts.token);
          more.setLong(2, page.last);
          page.count = 0;
          try (ResultSet rows = more.executeQuery()) {
            page.add(rows);
          }
        } while (page.full());
      }
    }
    if (page.committed > 0) {
      connection.commit();
      return page.committed;
    }
    Batch news = new Batch(page.events, page.last);
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
    long appended = insertAndCommit(connection, encoded, attempts.token);
    faults.at(Point.COMMITTED, connection);
    return appended;
  }

  /**
   * The rows after a cursor, in pages: with a {@code LIMIT} the planner walks the primary key's
   * index from the cursor whatever its statistics say, so that a read costs what it returns.
   */
  private static final int PAGE = 5000;
  static final String READ =
      "SELECT id, body, false FROM tunable_event WHERE id > ? ORDER BY id LIMIT " + PAGE;
  /** {@link #READ}, with whether each row carries an append's token. */
  static final String READ_WITH_TOKEN = "SELECT id, body, append_token = ?"
      + " FROM tunable_event WHERE id > ? ORDER BY id LIMIT " + PAGE;

  /** Rows read so far: their events, the last id, and the last row of an append's token. */
  private static final class Page {
    final List<Event> events = new ArrayList<>();
    long last;
    long committed;
    int count;

    Page(long cursor) {
      this.last = cursor;
    }

    void add(ResultSet rows) throws SQLException {
      while (rows.next()) {
        count++;
        last = rows.getLong(1);
        if (rows.getBoolean(3)) {
          committed = last; // a try that lost its connection had committed; it held the lock
        } else {
          events.addAll(decode(last, rows.getString(2)));
        }
      }
    }

    boolean full() {
      return count == PAGE;
    }
  }

  private static Batch select(Connection connection, long cursor) throws SQLException {
    Page page = new Page(cursor);
    try (PreparedStatement select = connection.prepareStatement(READ)) {
      do {
        select.setLong(1, page.last);
        page.count = 0;
        try (ResultSet rows = select.executeQuery()) {
          page.add(rows);
        }
      } while (page.full());
    }
    return new Batch(page.events, page.last);
  }

  private static List<Event> decode(long id, String body) {
    try {
      return EventCodec.decode(body);
    } catch (RuntimeException e) {
      throw new IllegalStateException("row " + id + " of tunable_event is not a valid event: "
          + e.getMessage() + "; was it written by hand?", e);
    }
  }

  /** Inserts the events and commits, the last statement and the commit in one round trip. */
  private static long insertAndCommit(Connection connection, Encoded encoded, UUID token)
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
      if (to == size) {
        sql.append("; COMMIT");
      }
      try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
        int parameter = 1;
        for (int i = from; i < to; i++) {
          insert.setString(parameter++, encoded.studies()[i]);
          insert.setString(parameter++, encoded.kinds()[i]);
          insert.setString(parameter++, encoded.bodies()[i]);
          insert.setObject(parameter++, token);
        }
        insert.execute();
        try (ResultSet ids = insert.getResultSet()) {
          while (ids.next()) {
            last = Math.max(last, ids.getLong(1));
          }
        }
      }
    }
    connection.commit(); // a no-op for the driver, which saw the COMMIT; kept for its state
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
    return alive(Set.of(workerId)).contains(workerId);
  }

  /** The same as {@link #isAlive}, for every worker at once: one round trip. */
  @Override
  public Set<String> alive(Set<String> workerIds) {
    Set<String> others = new HashSet<>(workerIds);
    boolean self = others.remove(workerId) && !closed;
    Set<String> alive = new HashSet<>();
    if (!others.isEmpty()) {
      Connection current = appending.get();
      if (current != null) {
        try {
          alive.addAll(alive(current, others));
        } catch (SQLException e) {
          throw new PlanConnectionException(e); // the append fails with it, and may be retried
        }
      } else {
        alive.addAll(call("check workers in", connection -> {
          connection.setAutoCommit(true);
          return alive(connection, others);
        }));
      }
    }
    if (self) {
      alive.add(workerId);
    }
    return Set.copyOf(alive);
  }

  private static Set<String> alive(Connection connection, Set<String> workerIds)
      throws SQLException {
    try (PreparedStatement check = connection.prepareStatement("SELECT id FROM tunable_worker"
        + " WHERE id = ANY (?) AND closed IS NULL"
        + " AND greatest(expires, pg_postmaster_start_time() + grace) > now()")) {
      check.setArray(1, connection.createArrayOf("text", workerIds.toArray()));
      Set<String> alive = new HashSet<>();
      try (ResultSet rows = check.executeQuery()) {
        while (rows.next()) {
          alive.add(rows.getString(1));
        }
      }
      return alive;
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
      beat.setString(2, host); // looked up once: a lookup may wait for DNS
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
        LOG.info("worker {} beats again in {}", workerId, settings.masked());
      }
    } catch (SQLException | RuntimeException e) {
      if (beatConnection != null) {
        connections.discard(beatConnection);
        beatConnection = null;
      }
      if (!beatFailing) {
        beatFailing = true;
        // One line, once until it beats again: a database restart makes every worker say it.
        LOG.warn("worker " + workerId + " cannot beat in "
            + settings.masked() + "; other workers take it for dead "
            + settings.grace().toMillis() / 1000.0 + " s after its last beat: " + e.getMessage());
        LOG.debug("why the heartbeat failed", e);
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
      LOG.warn("cannot mark worker " + workerId + " closed in "
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
        LOG.debug("retrying to {} {} in {} after: {}", verb, settings.masked(), pause,
            e.getMessage());
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
