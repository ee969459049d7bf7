package dev.tunable.postgres;

import dev.tunable.storage.Storage;
import dev.tunable.storage.StorageContract;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every storage must do, against a real PostgreSQL server; each test on tables of its own. */
@ExtendWith(PostgresExtension.class)
class PostgresStorageTest extends StorageContract {
  private final PostgresServer server;
  private final Map<Storage, String> urls = new IdentityHashMap<>();

  PostgresStorageTest(PostgresServer server) {
    this.server = server;
  }

  @Override
  protected Storage create() {
    String url = server.freshUrl();
    Storage storage = open(url);
    urls.put(storage, url);
    return storage;
  }

  @Override
  protected Storage reopen(Storage storage) {
    return open(urls.get(storage));
  }

  private Storage open(String url) {
    Storage storage = dev.tunable.Storages.open(url);
    return storage;
  }
}
