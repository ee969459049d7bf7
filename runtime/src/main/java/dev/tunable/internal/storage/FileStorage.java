package dev.tunable.internal.storage;

import dev.tunable.storage.Durability;
import dev.tunable.storage.Event;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * An append-only journal of events in one file, shared safely by threads and by processes on one
 * machine.
 *
 * <p><b>Format.</b> UTF-8 text, one record per line: 8 hex digits giving the payload's length in
 * bytes, a space, 8 hex digits of its CRC-32C, a space, the payload, a newline. The payload is one
 * event as a JSON object ({@link EventCodec}), or the events of one atomic append as a JSON array.
 * Records are only ever appended.
 *
 * <p><b>Torn records.</b> A process killed while writing can leave a partial last record. Every
 * access happens under the journal's exclusive lock, so a record that is incomplete or fails its
 * checksum while the lock is held, with no valid record after it, was torn by a dead writer: it is
 * cut off (the file truncated to the last good record) and the study opens normally. This is the
 * failure Optuna's journal had (optuna/optuna#5138). A bad record followed by good ones is damage,
 * not a torn write, and is reported with its offset instead of being cut.
 *
 * <p><b>Locking.</b> Appends and reads hold an in-process lock and an exclusive {@link FileLock} on
 * a byte range past any real data; trial numbers are assigned under it after reading what other
 * processes appended.
 *
 * <p><b>Liveness: lock-based.</b> Each open storage holds, for its whole life, an exclusive lock on
 * one byte of a range of 2<sup>40</sup> slots far past the data, at a random slot named in its
 * {@link #workerId()}. The operating system releases the lock when the process dies, even by
 * {@code kill -9}, so a worker is alive exactly when its slot cannot be locked; no heartbeat, no
 * clock. Trials of dead workers are marked FAIL when a study is opened.
 *
 * <p><b>Durability.</b> With {@link Durability#SYNC} each append is forced to the disk ({@code
 * FileChannel.force}) before it returns; with {@link Durability#WRITE} it is only written to the
 * operating system, which keeps it if the process dies but not if the machine loses power.
 *
 * <p>Thread-safe. Interrupting a thread while it uses the storage closes the file (as it does for
 * every {@link FileChannel}); the storage must then be opened again.
 */
public final class FileStorage implements Storage {
  private static final int HEADER = 18;
  private static final long APPEND_LOCK = (1L << 62) - 1;
  private static final long WORKER_SLOTS = 1L << 62;
  private static final long SLOT_COUNT = 1L << 40;
  /** Open journals of this process by real path: one channel per file, since closing any channel
   * of a file drops every lock the process holds on it. */
  private static final Map<Path, Journal> OPEN = new HashMap<>();

  private final Path path;
  private final Journal journal;
  private final Durability durability;
  private final long slot;
  private final FileLock workerLock;
  private final String workerId;

  public FileStorage(Path path, Durability durability) {
    this.path = path.toAbsolutePath().normalize();
    this.durability = durability;
    this.journal = Journal.open(this.path);
    SecureRandom random = new SecureRandom();
    long chosen;
    FileLock lock;
    try {
      do {
        chosen = Math.floorMod(random.nextLong(), SLOT_COUNT);
        lock = tryLock(WORKER_SLOTS + chosen);
      } while (lock == null);
    } catch (IOException e) {
      journal.release();
      throw new UncheckedIOException("cannot lock a worker slot in " + this.path, e);
    }
    this.slot = chosen;
    this.workerLock = lock;
    this.workerId = ProcessHandle.current().pid() + "/" + Long.toHexString(slot);
  }

  private FileLock tryLock(long position) throws IOException {
    try {
      return journal.channel.tryLock(position, 1, false);
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  @Override
  public Batch read(long cursor) {
    // A study reads before each trial it starts; when nothing was appended since, the file's size
    // says so without the locks. A record being written makes the file longer, and is then read
    // under the locks, once complete.
    try {
      if (journal.channel.size() == cursor) {
        return new Batch(List.of(), cursor);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal " + path, e);
    }
    return locked("read", () -> scan(cursor));
  }

  @Override
  public long append(long cursor, Function<Batch, List<Event>> plan) {
    return locked("append to", () -> {
      Batch batch = scan(cursor);
      List<Event> events = plan.apply(batch);
      if (events.isEmpty()) {
        return batch.cursor();
      }
      ByteBuffer record = ByteBuffer.wrap(frame(EventCodec.encode(events)));
      long position = batch.cursor();
      while (record.hasRemaining()) {
        position += journal.channel.write(record, position);
      }
      if (durability == Durability.SYNC) {
        journal.channel.force(false);
      }
      return position;
    });
  }

  /** Runs {@code action} holding this process's lock and then the file lock. */
  private <T> T locked(String verb, IoAction<T> action) {
    journal.lock.lock();
    try {
      FileLock fileLock = journal.channel.lock(APPEND_LOCK, 1, false);
      try {
        return action.run();
      } finally {
        fileLock.release();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot " + verb + " the journal " + path, e);
    } finally {
      journal.lock.unlock();
    }
  }

  @FunctionalInterface
  private interface IoAction<T> {
    T run() throws IOException;
  }

  static byte[] frame(String json) {
    byte[] payload = json.getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(payload);
    byte[] record = new byte[HEADER + payload.length + 1];
    hex(record, 0, payload.length);
    record[8] = ' ';
    hex(record, 9, (int) crc.getValue());
    record[17] = ' ';
    System.arraycopy(payload, 0, record, HEADER, payload.length);
    record[record.length - 1] = '\n';
    return record;
  }

  /** Reads the records after {@code cursor}; cuts off a torn tail. Caller holds the locks. */
  private Batch scan(long cursor) throws IOException {
    long size = journal.channel.size();
    if (cursor > size) {
      throw new IllegalStateException(
          "the journal " + path + " is shorter (" + size + " bytes) than already read (" + cursor
              + " bytes): it was truncated or replaced while in use");
    }
    if (cursor == size) {
      return new Batch(List.of(), cursor);
    }
    byte[] bytes = new byte[Math.toIntExact(size - cursor)];
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    while (buffer.hasRemaining()) {
      if (journal.channel.read(buffer, cursor + buffer.position()) < 0) {
        break;
      }
    }
    List<Event> events = new ArrayList<>();
    int position = 0;
    while (position < bytes.length) {
      int length = recordLength(bytes, position);
      if (length < 0) {
        handleBadTail(bytes, position, cursor);
        break;
      }
      String json = new String(bytes, position + HEADER, length, StandardCharsets.UTF_8);
      try {
        events.addAll(EventCodec.decode(json));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "the journal " + path + " has a record at byte " + (cursor + position)
                + " that passes its checksum but is not a valid event: " + e.getMessage(), e);
      }
      position += HEADER + length + 1;
    }
    return new Batch(events, cursor + position);
  }

  private void handleBadTail(byte[] bytes, int position, long cursor) throws IOException {
    for (int i = position + 1; i < bytes.length; i++) {
      if (bytes[i - 1] == '\n' && recordLength(bytes, i) >= 0) {
        throw new IllegalStateException(
            "the journal " + path + " is damaged: the record at byte " + (cursor + position)
                + " is invalid but valid records follow it at byte " + (cursor + i)
                + "; this is not a torn last write, so nothing was cut off. Restore the file from"
                + " a backup, or remove the damaged line by hand");
      }
    }
    // A torn last record of a writer that died holding the lock: cut it off.
    journal.channel.truncate(cursor + position);
    journal.channel.force(true);
  }

  /** The payload length of a valid record at {@code position}, or -1. */
  private static int recordLength(byte[] bytes, int position) {
    if (bytes.length - position < HEADER + 1
        || bytes[position + 8] != ' ' || bytes[position + 17] != ' ') {
      return -1;
    }
    long length = parseHex(bytes, position);
    long expectedCrc = parseHex(bytes, position + 9);
    if (length < 0 || expectedCrc < 0 || length > bytes.length - position - HEADER - 1
        || bytes[(int) (position + HEADER + length)] != '\n') {
      return -1;
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, position + HEADER, (int) length);
    return crc.getValue() == expectedCrc ? (int) length : -1;
  }

  private static long parseHex(byte[] bytes, int position) {
    long value = 0;
    for (int i = position; i < position + 8; i++) {
      int digit = Character.digit(bytes[i], 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  private static void hex(byte[] out, int position, int value) {
    for (int i = 7; i >= 0; i--) {
      out[position + i] = (byte) Character.forDigit(value & 0xF, 16);
      value >>>= 4;
    }
  }

  /** The journal file. */
  public Path path() {
    return path;
  }

  @Override
  public String workerId() {
    return workerId;
  }

  /** Whether the worker's slot is locked, by this process or another; ids of other forms: no. */
  @Override
  public boolean isAlive(String workerId) {
    int slash = workerId.indexOf('/');
    long other;
    try {
      other = Long.parseLong(workerId.substring(slash + 1), 16);
    } catch (NumberFormatException e) {
      return false;
    }
    if (slash < 0 || other < 0 || other >= SLOT_COUNT) {
      return false;
    }
    if (other == slot) {
      return true;
    }
    try {
      FileLock probe = tryLock(WORKER_SLOTS + other);
      if (probe == null) {
        return true;
      }
      probe.release();
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot probe worker " + workerId + " in " + path, e);
    }
  }

  @Override
  public void close() {
    synchronized (OPEN) {
      if (!workerLock.isValid()) {
        return;
      }
      try {
        workerLock.release();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot release the worker lock of " + path, e);
      } finally {
        journal.release();
      }
    }
  }

  @Override
  public String toString() {
    return "Storages.file(" + path + ")";
  }

  /** One open journal file of this process, shared by its storages. */
  private static final class Journal {
    final Path key;
    final FileChannel channel;
    final ReentrantLock lock = new ReentrantLock();
    int users;

    private Journal(Path key, FileChannel channel) {
      this.key = key;
      this.channel = channel;
    }

    static Journal open(Path path) {
      synchronized (OPEN) {
        try {
          // Never open a second channel on a file this process has open: closing it would drop
          // the locks held through the first.
          if (java.nio.file.Files.exists(path)) {
            Journal journal = OPEN.get(path.toRealPath());
            // A channel closed by an interrupt cannot be used again: open a new one.
            if (journal != null && journal.channel.isOpen()) {
              journal.users++;
              return journal;
            }
          }
          boolean created = !java.nio.file.Files.exists(path);
          FileChannel channel = FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
          if (created) {
            syncDirectory(path.getParent());
          }
          Journal journal = new Journal(path.toRealPath(), channel);
          OPEN.put(journal.key, journal);
          journal.users++;
          return journal;
        } catch (IOException e) {
          throw new UncheckedIOException("cannot open the journal " + path, e);
        }
      }
    }

    /**
     * Forces the directory entry of a new journal to disk, so that a power loss cannot lose the
     * whole file; best effort, as some systems cannot open a directory.
     */
    private static void syncDirectory(Path directory) {
      if (directory == null) {
        return;
      }
      try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
        channel.force(true);
      } catch (IOException e) {
        // Not supported here (Windows); the file's own records are still forced.
      }
    }

    void release() {
      synchronized (OPEN) {
        if (--users == 0) {
          OPEN.remove(key, this);
          try {
            channel.close();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal " + key, e);
          }
        }
      }
    }
  }
}
