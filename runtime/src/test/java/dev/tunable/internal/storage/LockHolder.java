package dev.tunable.internal.storage;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A child process for {@link InterruptTest}: holds a journal's append lock, as another worker
 * process would while it writes, until a line arrives on standard input.
 *
 * <p>Argument: the journal's path.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ,
        StandardOpenOption.WRITE);
        FileLock lock = channel.lock(FileStorage.APPEND_LOCK, 1, false)) {
      System.out.println(lock.isValid() ? "locked" : "not locked");
      System.out.flush();
      System.in.read();
    }
  }
}
