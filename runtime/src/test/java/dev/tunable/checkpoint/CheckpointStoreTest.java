package dev.tunable.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What only the directory store does: codecs, foreign files, file names. What every store does is
 * in {@link CheckpointStoreContract}.
 */
class CheckpointStoreTest {

  /**
   * Regression: the study names ".", ".." and "" were kept as file names, so "." and "" shared the
   * store's directory and ".." wrote its checkpoints beside it (found by the checkpoint contract).
   */
  @Test
  void studiesNamedDotDotDotOrNothingStayInsideTheStoreAndApart(@TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("checkpoints");
    CheckpointStore<double[]> store =
        CheckpointStore.directory(root, CheckpointStoreContract.VECTORS);
    store.save(".", 1, new double[] {1});
    store.save("", 2, new double[] {2});
    store.save("..", 3, new double[] {3});
    assertEquals(List.of(1L), List.copyOf(store.trials(".")));
    assertEquals(List.of(2L), List.copyOf(store.trials("")));
    assertEquals(List.of(3L), List.copyOf(store.trials("..")));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(root), files.toList(), "the store wrote outside its directory");
    }
  }

  @Test
  void serializableStatesNeedNoCodeAndAForeignFileIsReportedAsSuch(@TempDir Path dir)
      throws IOException {
    CheckpointStore<String> store =
        CheckpointStore.directory(dir, StateCodec.serializable(String.class));
    store.save("s", 0, "weights");
    assertEquals("weights", store.load("s", 0).get());
    Files.writeString(dir.resolve("s").resolve("1.checkpoint"), "not a checkpoint");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> store.load("s", 1));
    assertTrue(e.getMessage().contains("trial #1"), e.getMessage());
  }
}
