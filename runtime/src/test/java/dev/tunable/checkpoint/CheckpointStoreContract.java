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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CheckpointStore} must do; each store's test extends this class. Subclasses
 * say how to make a fresh store and how to open the same store again (as another process would).
 */
public abstract class CheckpointStoreContract {
  /** A codec of weight vectors: length, then the doubles. */
  public static final StateCodec<double[]> VECTORS = new StateCodec<>() {
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

  /** For the subclass of each implementation under test. */
  protected CheckpointStoreContract() {}

  /** A new, empty store of weight vectors. */
  protected abstract CheckpointStore<double[]> create();

  /** The store {@code store} holds, opened again; may be {@code store} itself. */
  protected abstract CheckpointStore<double[]> reopen(CheckpointStore<double[]> store);

  private static double[] vector(double value, int length) {
    double[] vector = new double[length];
    Arrays.fill(vector, value);
    return vector;
  }

  @Test
  void anEmptyStoreHasNoCheckpoints() {
    CheckpointStore<double[]> store = create();
    assertEquals(Optional.empty(), store.load("s", 0));
    assertTrue(store.trials("s").isEmpty());
    store.delete("s", 0);
  }

  @Test
  void aSavedStateLoadsBackAndASaveReplacesTheTrialsLastOne() {
    CheckpointStore<double[]> store = create();
    store.save("s", 3, new double[] {1.5, -2, Double.MIN_VALUE, Double.NaN});
    store.save("s", 1, new double[] {7});
    store.save("s", 12, new double[0]);
    assertArrayEquals(new double[] {1.5, -2, Double.MIN_VALUE, Double.NaN},
        store.load("s", 3).orElseThrow());
    assertArrayEquals(new double[0], store.load("s", 12).orElseThrow());
    assertEquals(List.of(1L, 3L, 12L), List.copyOf(store.trials("s")));
    store.save("s", 3, new double[] {4});
    assertArrayEquals(new double[] {4}, store.load("s", 3).orElseThrow());
    assertArrayEquals(new double[] {7}, reopen(store).load("s", 1).orElseThrow());
  }

  @Test
  void deleteForgetsOneTrialOnly() {
    CheckpointStore<double[]> store = create();
    store.save("s", 0, new double[] {1});
    store.save("s", 1, new double[] {2});
    store.delete("s", 0);
    store.delete("s", 5);
    assertEquals(Optional.empty(), store.load("s", 0));
    assertEquals(List.of(1L), List.copyOf(store.trials("s")));
    assertEquals(List.of(1L), List.copyOf(reopen(store).trials("s")));
  }

  @Test
  void trialsIsASortedSnapshotThatLaterSavesDoNotChange() {
    CheckpointStore<double[]> store = create();
    store.save("s", 10, new double[] {1});
    store.save("s", 2, new double[] {1});
    SortedSet<Long> trials = store.trials("s");
    store.save("s", 5, new double[] {1});
    assertEquals(List.of(2L, 10L), List.copyOf(trials));
    assertThrows(UnsupportedOperationException.class, () -> trials.add(7L));
  }

  /** Studies never see each other's checkpoints, whatever their names. */
  @Test
  void studiesAreIndependentWhateverTheirNames() {
    List<String> names = List.of("a", "A", "a b", "a+b", "a%20b", "other/study", "../escape",
        "..", ".", "", "ünïcode \"quoted\"", "a\\b", "*", "study-1f3a");
    CheckpointStore<double[]> store = create();
    for (int i = 0; i < names.size(); i++) {
      store.save(names.get(i), i, new double[] {i});
    }
    CheckpointStore<double[]> reopened = reopen(store);
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      assertEquals(List.of((long) i), List.copyOf(reopened.trials(name)), "trials of '" + name + "'");
      assertArrayEquals(new double[] {i}, reopened.load(name, i).orElseThrow(), "'" + name + "'");
    }
  }

  @Test
  void trialNumbersAreNeverNegative() {
    CheckpointStore<double[]> store = create();
    assertThrows(IllegalArgumentException.class, () -> store.save("s", -1, new double[] {1}));
    assertThrows(IllegalArgumentException.class, () -> store.load("s", -1));
    assertThrows(IllegalArgumentException.class, () -> store.delete("s", -1));
    assertTrue(store.trials("s").isEmpty());
  }

  /**
   * Thread-safe: writers replacing one trial's state and saving and deleting others while readers
   * load it never leave a reader with half a state, and every trial ends with its last save.
   */
  @Test
  void concurrentSavesLoadsAndDeletesNeverShowHalfAState() throws Exception {
    CheckpointStore<double[]> store = create();
    int writers = 2;
    int readers = 2;
    int saves = 20;
    int length = 512;
    store.save("s", 0, vector(-1, length));
    ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
    AtomicBoolean writing = new AtomicBoolean(true);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writes.add(pool.submit(() -> {
          go.await();
          for (int i = 0; i < saves; i++) {
            store.save("s", 0, vector(writer * saves + i, length));
            if (i % 4 == 1) {
              store.delete("s", 1 + writer);
            }
            store.save("s", 1 + writer, vector(i, 3));
          }
          return null;
        }));
      }
      List<Future<Integer>> reads = new ArrayList<>();
      for (int r = 0; r < readers; r++) {
        reads.add(pool.submit(() -> {
          go.await();
          int seen = 0;
          while (writing.get() || seen == 0) {
            double[] state = store.load("s", 0).orElseThrow();
            assertEquals(length, state.length, "a state of another length");
            for (double v : state) {
              assertEquals(state[0], v, "half of one state and half of another");
            }
            store.trials("s");
            seen++;
          }
          return seen;
        }));
      }
      go.countDown();
      for (Future<?> write : writes) {
        write.get(2, TimeUnit.MINUTES);
      }
      writing.set(false);
      for (Future<Integer> read : reads) {
        assertTrue(read.get(2, TimeUnit.MINUTES) > 0);
      }
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
    double last = store.load("s", 0).orElseThrow()[0];
    assertTrue(last % saves == saves - 1, "trial 0 ends with a writer's last save, not " + last);
    List<Long> trials = new ArrayList<>();
    for (long trial = 0; trial <= writers; trial++) {
      trials.add(trial);
    }
    assertEquals(trials, List.copyOf(reopen(store).trials("s")));
    for (int writer = 0; writer < writers; writer++) {
      assertArrayEquals(vector(saves - 1, 3), store.load("s", 1 + writer).orElseThrow());
    }
  }
}
