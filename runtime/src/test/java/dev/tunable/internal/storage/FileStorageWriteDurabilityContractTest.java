package dev.tunable.internal.storage;

import dev.tunable.Storages;
import dev.tunable.storage.Durability;
import dev.tunable.storage.Storage;
import dev.tunable.storage.StorageContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The file storage that leaves flushing to the operating system keeps the same contract. */
class FileStorageWriteDurabilityContractTest extends StorageContract {
  @TempDir Path directory;
  private int files;

  @Override
  protected Storage create() {
    return Storages.file(directory.resolve("journal-" + files++ + ".tunable"),
        Durability.WRITE);
  }

  @Override
  protected Storage reopen(Storage storage) {
    return Storages.file(((FileStorage) storage).path(), Durability.WRITE);
  }
}
