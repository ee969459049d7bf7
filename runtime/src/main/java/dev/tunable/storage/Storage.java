package dev.tunable.storage;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Where studies live: an append-only log of {@link Event events}, which studies replay. Get the
 * built-in storages from {@link dev.tunable.Storages}.
 *
 * <p>The SPI is the log alone, so that every storage shares the study's replay and rules: a storage
 * reads events after a cursor and appends events atomically after reading what others appended. A
 * database storage implements the same two methods and the liveness check.
 *
 * <p>Thread-safety: implementations must be safe for use by several threads and several studies at
 * once; {@link #append} must exclude every other writer of the same log, in this process and in
 * others, for the whole call.
 *
 * @since 0.1
 */
public interface Storage extends AutoCloseable {

  /**
   * The events appended after {@code cursor}, with the cursor after them. {@code 0} is the start
   * of the log; cursors are otherwise opaque.
   */
  Batch read(long cursor);

  /**
   * Passes the events appended after {@code cursor} to {@code each}, in order, in one or more
   * batches, each with the cursor after it, and returns the cursor after the last; passes nothing
   * when nothing was appended. A study replays its log this way, so that a storage can pass on a
   * long log a part at a time, in memory proportional to a part. If this method throws, the
   * batches passed on were read correctly, and the caller may continue from the last one's cursor.
   *
   * <p>The default passes {@link #read(long)} as one batch.
   *
   * @return the cursor after the events passed on
   */
  default long read(long cursor, Consumer<Batch> each) {
    Batch batch = read(cursor);
    if (batch.cursor() != cursor || !batch.events().isEmpty()) {
      each.accept(batch);
    }
    return batch.cursor();
  }

  /**
   * Under an exclusive lock: reads the events appended after {@code cursor}, passes them (with the
   * cursor after them) to {@code plan}, and appends the events {@code plan} returns (possibly
   * none), in order, all or none. When this method returns, the appended events are as durable as
   * the storage promises. If {@code plan} throws, nothing is appended and the exception
   * propagates; the caller has then still seen the batch and may continue from its cursor.
   *
   * <p>A storage may call {@code plan} more than once: a database that lost its connection after
   * running it, and found that its events were not appended, runs it again. Each call is given the
   * events appended after the batch of the call before; only the events of the last call are
   * appended, right after its batch.
   *
   * @return the cursor after the appended events
   */
  long append(long cursor, Function<Batch, List<Event>> plan);

  /** The identity of this storage's worker (this process, or this handle), recorded on trials. */
  String workerId();

  /**
   * Whether the worker {@code workerId} may still be running trials; trials of dead workers are
   * marked {@link dev.tunable.TrialState#FAIL} when a study is opened. Implementations say in their
   * Javadoc how they tell (a held lock, a heartbeat).
   */
  boolean isAlive(String workerId);

  /**
   * Those of {@code workerIds} that {@link #isAlive} would call alive, asked at once: a study asks
   * about the workers of all its running trials every few seconds, which a database storage
   * answers in one round trip instead of one per worker. The default asks {@link #isAlive} about
   * each.
   */
  default Set<String> alive(Set<String> workerIds) {
    return workerIds.stream().filter(this::isAlive).collect(Collectors.toUnmodifiableSet());
  }

  /** Releases the storage's files or connections. */
  @Override
  void close();

  /** Events read from a storage and the cursor after them. */
  record Batch(List<Event> events, long cursor) {
    public Batch {
      events = List.copyOf(events);
    }
  }
}
