package dev.tunable.checkpoint;

class MemoryCheckpointStoreTest extends CheckpointStoreContract {
  @Override
  protected CheckpointStore<double[]> create() {
    return CheckpointStore.inMemory();
  }

  @Override
  protected CheckpointStore<double[]> reopen(CheckpointStore<double[]> store) {
    return store;
  }
}
