package dev.tunable.checkpoint;

import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

class DirectoryCheckpointStoreTest extends CheckpointStoreContract {
  @TempDir
  Path directory;
  private final Map<CheckpointStore<double[]>, Path> paths = new IdentityHashMap<>();

  @Override
  protected CheckpointStore<double[]> create() {
    Path path = directory.resolve("store-" + paths.size());
    CheckpointStore<double[]> store = CheckpointStore.directory(path, VECTORS);
    paths.put(store, path);
    return store;
  }

  @Override
  protected CheckpointStore<double[]> reopen(CheckpointStore<double[]> store) {
    return CheckpointStore.directory(paths.get(store), VECTORS);
  }
}
