/**
 * A study storage in PostgreSQL, shared by worker processes on many machines: put this module on
 * the class or module path and open {@code jdbc:postgresql://host:5432/db?user=worker} with
 * {@link dev.tunable.Storages#open(String)}. It exports nothing: the storage is reached through
 * the runtime's {@link dev.tunable.storage.StorageProvider} SPI alone.
 *
 * @since 0.1
 */
// The PostgreSQL driver names no module of its own: it is required by its Automatic-Module-Name.
@SuppressWarnings("requires-automatic")
module dev.tunable.postgres {
  requires dev.tunable;
  requires java.sql;
  requires org.postgresql.jdbc;
  requires org.slf4j;

  provides dev.tunable.storage.StorageProvider with dev.tunable.postgres.PostgresStorageProvider;
}
