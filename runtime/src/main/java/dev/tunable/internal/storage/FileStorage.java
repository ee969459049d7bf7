package dev.tunable.internal.storage;

import dev.tunable.storage.Durability;
import dev.tunable.storage.Event;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An append-only journal of events in one file, shared safely by threads and by processes on one
 * machine.
 *
 * <p><b>Format.</b> UTF-8 text, readable with {@code less}. The first line is the header, {@code
 * tunable-journal 1}: a magic word and the format version (a later version may add words after
 * it). Then one record per line: 8 lower-case hex digits giving the payload's length in bytes, a
 * space, 8 hex digits of its CRC-32C, a space, the payload, a newline. The payload is one event as
 * a JSON object ({@link EventCodec}), or the events of one atomic append as a JSON array; it holds
 * no raw newline. Records are only ever appended. Journals written before the header existed begin
 * with a record, and are read and appended to as they are.
 *
 * <p><b>Recognition.</b> A file is opened as a journal only if it is empty (a new journal, which
 * its first append starts with the header line), begins with the header line of a version this
 * code reads, or begins with a valid record. Any other file is refused with an error naming it and
 * what it begins with, and is never changed; a journal of a newer format version is refused naming
 * both versions (issue 12: opening a CSV file used to empty it).
 *
 * <p><b>Torn records and damage.</b> A process killed while writing can leave a partial last
 * record. When a record is invalid (incomplete, or failing its checksum), every later byte offset
 * is tried for a valid record, not only those after a newline. If one is found, the journal is
 * damaged: the error names the byte offset, nothing is changed, and the message gives the command
 * of {@link Salvage}, which copies every valid record into a new journal. If none is found, the
 * invalid bytes are a torn tail, left by a writer that died holding the lock: readers stop before
 * them, and the next append, holding the lock, cuts them off before it writes (Optuna's journal
 * failed here: optuna/optuna#5138). A study only opened, never appended to, changes nothing.
 *
 * <p><b>Size.</b> Positions are {@code long}s and the file is read a chunk at a time (a record
 * larger than a chunk is read whole), so a journal may outgrow any array; {@link #read(long,
 * Consumer)} passes its events on a chunk at a time, taking the locks for each, so that a study
 * replays a journal of many gigabytes in memory proportional to its trials (issue 12: a journal
 * over 2 GiB could not be opened again).
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
 * <p><b>Durability.</b> With {@link Durability#SYNC} each append is forced to the disk before it
 * returns; with {@link Durability#WRITE} it is only written to the operating system, which keeps it
 * if the process dies but not if the machine loses power.
 *
 * <p><b>Interrupts.</b> Thread-safe, and deaf to interrupts: a caller's interrupt status neither
 * fails a call nor closes the file, and is left as it was (issue 12: an objective that restored its
 * interrupt status closed the journal for the whole process, dropping its locks). A {@link
 * FileChannel} closes itself when a thread blocked in, or entering, one of its I/O operations is
 * interrupted, and closing it would drop every lock this process holds on the file, the workers'
 * liveness locks included. So the data is read, written and forced through a {@link
 * RandomAccessFile}, whose I/O ignores interrupts; the channel serves only {@code tryLock} and
 * {@code release}, which do too; and the one blocking call, waiting for the append lock while
 * another process holds it, is made by a thread of this class that nothing else can interrupt,
 * while the caller waits for it uninterruptibly.
 */
public final class FileStorage implements Storage {
  /** The byte whose lock excludes other writers and readers, far past any real data. */
  static final long APPEND_LOCK = (1L << 62) - 1;
  private static final long WORKER_SLOTS = 1L << 62;
  private static final long SLOT_COUNT = 1L << 40;
  private static final SecureRandom SLOTS = new SecureRandom();
  /** Open journals of this process by real path: one file handle per file, since closing any
   * handle of a file drops every lock the process holds on it. */
  private static final Map<Path, Journal> OPEN = new HashMap<>();
  /** Makes the calls that can block and that an interrupt would abort; see the class Javadoc. */
  private static final ExecutorService BLOCKING = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "tunable-journal-lock");
    thread.setDaemon(true);
    return thread;
  });

  private final Path path;
  private final Journal journal;
  private final Durability durability;
  private final int chunk;
  private final long batchBytes;
  private final long slot;
  private final FileLock workerLock;
  private final String workerId;

  public FileStorage(Path path, Durability durability) {
    this(path, durability, JournalReader.DEFAULT_CHUNK, JournalReader.DEFAULT_CHUNK);
  }

  /**
   * For tests: reads {@code chunk} bytes at a time and passes on the events of about {@code
   * batchBytes} of records at a time.
   */
  FileStorage(Path path, Durability durability, int chunk, long batchBytes) {
    this.path = path.toAbsolutePath().normalize();
    this.durability = durability;
    this.chunk = chunk;
    this.batchBytes = batchBytes;
    this.journal = Journal.open(this.path);
    long chosen;
    FileLock lock;
    try {
      // Refuse a file that is not a journal before anything else, and change nothing in it.
      locked("open", () -> JournalFormat.start(reader(journal.file.length()), this.path));
      do {
        chosen = Math.floorMod(SLOTS.nextLong(), SLOT_COUNT);
        lock = tryLock(WORKER_SLOTS + chosen);
      } while (lock == null);
    } catch (IOException e) {
      journal.release();
      throw new UncheckedIOException("cannot lock a worker slot in " + this.path, e);
    } catch (RuntimeException e) {
      journal.release();
      throw e;
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
    List<Event> events = new ArrayList<>();
    long end = read(cursor, batch -> events.addAll(batch.events()));
    return new Batch(events, end);
  }

  /**
   * Passes on the events after {@code cursor} a chunk at a time, reading each chunk under the
   * locks and passing it on after releasing them.
   */
  @Override
  public long read(long cursor, Consumer<Batch> each) {
    long position = cursor;
    while (true) {
      // A study reads before each trial it starts; when nothing was appended since, the file's
      // size says so without the locks. A record being written makes the file longer, and is then
      // read under the locks, once complete.
      try {
        if (journal.file.length() == position) {
          return position;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the journal " + path, e);
      }
      long from = position;
      Scan scan = locked("read", () -> scan(from, batchBytes));
      if (scan.cursor() != from) {
        each.accept(new Batch(scan.events(), scan.cursor()));
      }
      position = scan.cursor();
      if (scan.atEnd()) {
        return position;
      }
    }
  }

  @Override
  public long append(long cursor, Function<Batch, List<Event>> plan) {
    return locked("append to", () -> {
      Scan scan = scan(cursor, Long.MAX_VALUE);
      List<Event> events = plan.apply(new Batch(scan.events(), scan.cursor()));
      if (events.isEmpty()) {
        return scan.cursor(); // nothing to write, so nothing is cut either
      }
      byte[] record = frame(EventCodec.encode(events));
      if (scan.isNew()) {
        byte[] headed = Arrays.copyOf(JournalFormat.HEADER_LINE,
            JournalFormat.HEADER_LINE.length + record.length);
        System.arraycopy(record, 0, headed, JournalFormat.HEADER_LINE.length, record.length);
        record = headed;
      }
      if (scan.tornAt() >= 0) {
        // Proven torn: no valid record follows, and its writer died holding the lock we hold.
        journal.file.setLength(scan.tornAt());
      }
      long position = scan.cursor();
      journal.file.seek(position);
      journal.file.write(record);
      if (durability == Durability.SYNC) {
        journal.file.getFD().sync();
      }
      return position + record.length;
    });
  }

  /** Runs {@code action} holding this process's lock and then the file lock. */
  private <T> T locked(String verb, IoAction<T> action) {
    journal.lock.lock();
    try {
      FileLock fileLock = lockAppendRange();
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

  /**
   * The file lock that excludes other processes: at once if it is free, else waited for on a
   * thread of this class, since an interrupt of a thread blocked in {@link FileChannel#lock}
   * closes the channel.
   */
  private FileLock lockAppendRange() throws IOException {
    FileLock lock = journal.channel.tryLock(APPEND_LOCK, 1, false);
    return lock != null
        ? lock
        : uninterruptibly(() -> journal.channel.lock(APPEND_LOCK, 1, false));
  }

  /**
   * Runs {@code call} on a thread of this class and waits for it, however often the calling thread
   * is interrupted meanwhile; the calling thread's interrupt status is then as it was, or set if
   * it was interrupted while waiting.
   */
  static <T> T uninterruptibly(Callable<T> call) throws IOException {
    Future<T> future = BLOCKING.submit(call);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          }
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          throw new IOException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @FunctionalInterface
  private interface IoAction<T> {
    T run() throws IOException;
  }

  static byte[] frame(String json) {
    return JournalFormat.frame(json);
  }

  private JournalReader reader(long end) {
    RandomAccessFile file = journal.file;
    return new JournalReader((position, into, offset, length) -> {
      file.seek(position);
      return file.read(into, offset, Math.min(length, JournalReader.READ_SIZE));
    }, end, chunk);
  }

  /**
   * What a scan found: the events of the valid records read, the cursor after them, where a torn
   * tail begins (or -1), whether the file holds no record yet (its first append writes the header
   * line), and whether the scan reached the end or stopped at its budget.
   */
  private record Scan(List<Event> events, long cursor, long tornAt, boolean isNew, boolean atEnd) {}

  /**
   * Reads the valid records after {@code cursor}, about {@code budget} bytes of them (at least
   * one), or up to the end or a torn tail. Changes nothing. Caller holds the locks.
   *
   * @throws IllegalStateException if the journal is damaged, or not a journal
   */
  private Scan scan(long cursor, long budget) throws IOException {
    long end = journal.file.length();
    if (cursor > end) {
      throw new IllegalStateException(
          "the journal " + path + " is shorter (" + end + " bytes) than already read (" + cursor
              + " bytes): it was truncated or replaced while in use");
    }
    JournalReader in = reader(end);
    long position = cursor;
    if (cursor == 0) {
      JournalFormat.Start start = JournalFormat.start(in, path);
      if (start.isNew()) {
        return new Scan(List.of(), 0, start.kind() == JournalFormat.Kind.EMPTY ? -1 : 0, true,
            true);
      }
      position = start.position();
    }
    long first = position;
    List<Event> events = new ArrayList<>();
    while (position < end) {
      if (position - first >= budget) {
        return new Scan(events, position, -1, false, false);
      }
      int length = in.validRecordAt(position);
      if (length < 0) {
        long valid = in.nextValidRecord(position + 1, end);
        if (valid >= 0) {
          throw new IllegalStateException(JournalFormat.damaged(path, position,
              "the record there is not valid (it begins with "
                  + JournalFormat.quote(in.bytes(position, 40), 40) + ")", valid));
        }
        return new Scan(events, position, position, false, true);
      }
      try {
        events.addAll(EventCodec.decode(in.payload(position, length)));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "the journal " + path + " has a record at byte " + position
                + " that passes its checksum but is not a valid event: " + e.getMessage(), e);
      }
      position += JournalFormat.RECORD_HEADER + length + 1;
    }
    return new Scan(events, position, -1, false, true);
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

  /**
   * Forces a directory's entries to disk, so that a power loss cannot lose a new file in it; best
   * effort, as some systems cannot open a directory. On a thread of this class: forcing through a
   * {@link FileChannel} is aborted by an interrupt.
   */
  static void syncDirectory(Path directory) {
    if (directory == null) {
      return;
    }
    try {
      uninterruptibly(() -> {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
          channel.force(true);
        }
        return null;
      });
    } catch (IOException e) {
      // Not supported here (Windows); the file's own records are still forced.
    }
  }

  /**
   * One open journal file of this process, shared by its storages: the file, read and written
   * through {@code file}; its channel, used only to take and release locks.
   */
  private static final class Journal {
    final Path key;
    final RandomAccessFile file;
    final FileChannel channel;
    final ReentrantLock lock = new ReentrantLock();
    int users;

    private Journal(Path key, RandomAccessFile file) {
      this.key = key;
      this.file = file;
      this.channel = file.getChannel();
    }

    static Journal open(Path path) {
      synchronized (OPEN) {
        try {
          // Never open a second handle on a file this process has open: closing it would drop
          // the locks held through the first.
          if (Files.exists(path)) {
            Journal journal = OPEN.get(path.toRealPath());
            if (journal != null && journal.channel.isOpen()) {
              journal.users++;
              return journal;
            }
          }
          boolean created = !Files.exists(path);
          RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw");
          if (created) {
            syncDirectory(path.getParent());
          }
          Journal journal = new Journal(path.toRealPath(), file);
          OPEN.put(journal.key, journal);
          journal.users++;
          return journal;
        } catch (IOException e) {
          Path folder = path.toAbsolutePath().getParent();
          throw new UncheckedIOException("cannot open the journal " + path + ": "
              + (folder != null && !Files.isDirectory(folder)
                  ? "its folder " + folder + " does not exist" : e.getMessage()), e);
        }
      }
    }

    void release() {
      synchronized (OPEN) {
        if (--users == 0) {
          OPEN.remove(key, this);
          try {
            file.close();
          } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal " + key, e);
          }
        }
      }
    }
  }
}
