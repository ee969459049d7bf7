package dev.tunable.postgres;

import dev.tunable.storage.Storage;
import dev.tunable.storage.StorageContract;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every storage must do, with every append planned while holding the lock, as appends are
 * after {@value PostgresStorage#OPTIMISTIC_TRIES} conflicts.
 */
@ExtendWith(PostgresExtension.class)
class LockedAppendStorageTest extends StorageContract {
  private final PostgresServer server;
  private final Map<Storage, String> urls = new IdentityHashMap<>();

  LockedAppendStorageTest(PostgresServer server) {
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

  private static Storage open(String url) {
    return new PostgresStorage(Settings.parse(url, Map.of()), Schema.CURRENT, Faults.NONE, 0);
  }
}
