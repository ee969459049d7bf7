package dev.tunable.internal.storage;

import dev.tunable.storage.Storage;
import dev.tunable.storage.StorageContract;

class MemoryStorageTest extends StorageContract {
  @Override
  protected Storage create() {
    return new MemoryStorage();
  }

  @Override
  protected Storage reopen(Storage storage) {
    return storage;
  }
}
