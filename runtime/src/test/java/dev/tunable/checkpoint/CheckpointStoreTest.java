package dev.tunable.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints round trip in memory and through files. */
class CheckpointStoreTest {

  /** A codec of weight vectors: length, then the doubles. */
  static final StateCodec<double[]> VECTORS = new StateCodec<>() {
    @Override
    public void write(double[] state, OutputStream out) throws IOException {
      DataOutputStream data = new DataOutputStream(out);
      data.writeInt(state.length);
      for (double v : state) {
        data.writeDouble(v);
      }
      data.flush();
    }

    @Override
    public double[] read(InputStream in) throws IOException {
      DataInputStream data = new DataInputStream(in);
      double[] state = new double[data.readInt()];
      for (int i = 0; i < state.length; i++) {
        state[i] = data.readDouble();
      }
      return state;
    }
  };

  private static void roundTrips(CheckpointStore<double[]> store) {
    store.save("study a", 3, new double[] {1.5, -2, Double.MIN_VALUE});
    store.save("study a", 1, new double[] {7});
    store.save("other/study", 3, new double[] {9});
    assertArrayEquals(new double[] {1.5, -2, Double.MIN_VALUE}, store.load("study a", 3).get());
    assertEquals(List.of(1L, 3L), List.copyOf(store.trials("study a")));
    assertArrayEquals(new double[] {9}, store.load("other/study", 3).get());
    store.save("study a", 3, new double[] {4});
    assertArrayEquals(new double[] {4}, store.load("study a", 3).get());
    store.delete("study a", 3);
    assertEquals(Optional.empty(), store.load("study a", 3));
    assertEquals(List.of(1L), List.copyOf(store.trials("study a")));
    assertTrue(store.trials("none").isEmpty());
  }

  @Test
  void memoryRoundTrip() {
    roundTrips(CheckpointStore.inMemory());
  }

  @Test
  void directoryRoundTripSurvivesANewStore(@TempDir Path dir) {
    roundTrips(CheckpointStore.directory(dir, VECTORS));
    CheckpointStore<double[]> reopened = CheckpointStore.directory(dir, VECTORS);
    assertArrayEquals(new double[] {7}, reopened.load("study a", 1).get());
    assertArrayEquals(new double[] {9}, reopened.load("other/study", 3).get());
  }

  /**
   * Regression: the study names ".", ".." and "" were kept as file names, so "." and "" shared the
   * store's directory and ".." wrote its checkpoints beside it (found by the checkpoint contract).
   */
  @Test
  void studiesNamedDotDotDotOrNothingStayInsideTheStoreAndApart(@TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("checkpoints");
    CheckpointStore<double[]> store = CheckpointStore.directory(root, VECTORS);
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
