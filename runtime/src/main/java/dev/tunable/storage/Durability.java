package dev.tunable.storage;

/**
 * How far a storage writes each change before the call that made it returns, for storages that
 * offer a choice, such as {@link dev.tunable.Storages#file(java.nio.file.Path, Durability)}.
 *
 * @since 0.1
 */
public enum Durability {
  /**
   * Written and forced to the disk ({@code fsync}): a finished trial survives the process being
   * killed and the machine losing power. The default.
   */
  SYNC,
  /**
   * Written to the operating system, not forced: a finished trial survives the process being
   * killed ({@code kill -9}), but the last changes may be lost if the machine loses power.
   */
  WRITE
}
