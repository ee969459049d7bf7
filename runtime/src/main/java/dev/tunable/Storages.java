package dev.tunable;

import dev.tunable.internal.storage.FileStorage;
import dev.tunable.internal.storage.MemoryStorage;
import dev.tunable.storage.Durability;
import dev.tunable.storage.Storage;
import java.nio.file.Path;

/**
 * The built-in storages.
 *
 * @since 0.1
 */
public final class Storages {
  private Storages() {}

  /**
   * A storage in this process's memory, lost when it ends; the default. Several studies, and {@link
   * Study#load} in the same process, may share one.
   */
  public static Storage inMemory() {
    return new MemoryStorage();
  }

  /**
   * An embedded persistent storage: an append-only journal at {@code path}, created if absent,
   * with every change forced to disk before the call that made it returns ({@link
   * Durability#SYNC}): {@code ask}, {@code tell}, {@code report}, {@code setUserAttribute} and
   * {@code enqueue} each write one record. Several studies, and several processes on one machine,
   * may share one file; trial numbers are unique across them. A record torn by a process killed
   * mid-write is cut off by the next process that opens the file. Trials left running by a dead
   * process are marked failed when the study is next opened; a process is known dead when the
   * operating system has released the lock it held on the file. Close the storage when done.
   *
   * <p>The parent directory must exist.
   */
  public static Storage file(Path path) {
    return new FileStorage(path, Durability.SYNC);
  }

  /** {@link #file(Path)} with the given durability. */
  public static Storage file(Path path, Durability durability) {
    return new FileStorage(path, durability);
  }
}
