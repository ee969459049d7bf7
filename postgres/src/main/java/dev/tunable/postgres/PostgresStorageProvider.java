package dev.tunable.postgres;

import dev.tunable.storage.Storage;
import dev.tunable.storage.StorageProvider;

/**
 * Opens {@code jdbc:postgresql:} URLs for {@link dev.tunable.Storages#open(String)}, which finds
 * this class through {@link java.util.ServiceLoader}. Thread-safe and stateless.
 */
public final class PostgresStorageProvider implements StorageProvider {

  /** For {@link java.util.ServiceLoader}. */
  public PostgresStorageProvider() {}

  @Override
  public String scheme() {
    return "jdbc:postgresql:";
  }

  /**
   * The storage at {@code url}; see {@link Settings} for the parameters it takes besides the
   * driver's, and where the password comes from.
   */
  @Override
  public Storage open(String url) {
    return new PostgresStorage(Settings.parse(url, System.getenv()), Schema.CURRENT, Faults.NONE);
  }
}
