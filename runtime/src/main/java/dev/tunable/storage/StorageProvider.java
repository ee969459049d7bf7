package dev.tunable.storage;

/**
 * Opens the storages of one kind of URL for {@link dev.tunable.Storages#open(String)}, which finds
 * providers with {@link java.util.ServiceLoader}: a storage kept out of the runtime (a database
 * reached through a JDBC driver) ships one in its own module and declares it in {@code
 * META-INF/services/dev.tunable.storage.StorageProvider} and, as a module, with {@code provides
 * dev.tunable.storage.StorageProvider with ...}.
 *
 * <p>Implementations must have a public no-argument constructor and be thread-safe.
 *
 * @since 0.1
 */
public interface StorageProvider {

  /** The URL prefix this provider opens, such as {@code "jdbc:postgresql:"}. */
  String scheme();

  /**
   * The storage at {@code url}, which starts with {@link #scheme()}.
   *
   * @throws IllegalArgumentException if the URL is malformed; the message must not show a
   *     password the URL holds (see {@link dev.tunable.Storages#mask(String)})
   */
  Storage open(String url);
}
