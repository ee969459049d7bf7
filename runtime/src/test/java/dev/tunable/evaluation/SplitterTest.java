package dev.tunable.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitterTest {

  /** 100 rows: 70 of class 0, 20 of class 1, 10 of class 2, interleaved. */
  private static final int[] LABELS =
      IntStream.range(0, 100).map(i -> i % 10 == 0 ? 2 : i % 10 <= 2 ? 1 : 0).toArray();

  @Test
  void kFoldHoldsOutEveryRowExactlyOnce() {
    List<Fold> folds = Splitter.kFold(7, 3).split(52);
    assertEquals(7, folds.size());
    int[] heldOut = new int[52];
    for (Fold fold : folds) {
      assertPartition(fold, 52);
      for (int row : fold.test()) {
        heldOut[row]++;
      }
      // 52 = 7 * 7 + 3: fold sizes 7 or 8.
      assertTrue(fold.testSize() == 7 || fold.testSize() == 8, fold.toString());
    }
    for (int row = 0; row < 52; row++) {
      assertEquals(1, heldOut[row], "row " + row);
    }
  }

  @Test
  void kFoldShuffles() {
    int[] first = Splitter.kFold(5, 3).split(50).get(0).test();
    assertFalse(Arrays.equals(IntStream.range(0, 10).toArray(), first));
    assertTrue(first[first.length - 1] >= 10, "the first fold should not be the first ten rows");
  }

  @Test
  void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
    List<Fold> a = Splitter.stratifiedKFold(5, 11).split(LABELS);
    List<Fold> b = Splitter.stratifiedKFold(5, 11).split(LABELS);
    List<Fold> c = Splitter.stratifiedKFold(5, 12).split(LABELS);
    for (int f = 0; f < 5; f++) {
      assertArrayEquals(a.get(f).test(), b.get(f).test());
      assertArrayEquals(a.get(f).train(), b.get(f).train());
    }
    boolean differs = false;
    for (int f = 0; f < 5; f++) {
      differs |= !Arrays.equals(a.get(f).test(), c.get(f).test());
    }
    assertTrue(differs, "seed 12 should give other folds than seed 11");
  }

  @Test
  void stratifiedKFoldKeepsEachClassShareInEveryFold() {
    List<Fold> folds = Splitter.stratifiedKFold(5, 1).split(LABELS);
    int[] heldOut = new int[LABELS.length];
    for (Fold fold : folds) {
      assertPartition(fold, LABELS.length);
      // 70/20/10 over 5 folds: exactly 14, 4 and 2 per fold.
      assertArrayEquals(new int[] {14, 4, 2}, classCounts(fold.test()), fold.toString());
      for (int row : fold.test()) {
        heldOut[row]++;
      }
    }
    for (int count : heldOut) {
      assertEquals(1, count);
    }
  }

  @Test
  void stratifiedKFoldSpreadsUnevenClassesToWithinOneRow() {
    // 24 rows of class 0, 13 of class 1.
    int[] labels = IntStream.range(0, 37).map(i -> i % 3 == 0 ? 1 : 0).toArray();
    for (Fold fold : Splitter.stratifiedKFold(4, 5).split(labels)) {
      int[] counts = classCounts(fold.test(), labels);
      assertTrue(counts[0] == 6, "class 0 has 24 rows: 6 per fold, got " + counts[0]);
      assertTrue(counts[1] == 3 || counts[1] == 4, "class 1 has 13 rows: 3 or 4, got " + counts[1]);
    }
  }

  @Test
  void repeatedKFoldReshufflesEachRepeat() {
    Splitter splitter = Splitter.repeatedStratifiedKFold(5, 3, 9);
    List<Fold> folds = splitter.split(LABELS);
    assertEquals(15, folds.size());
    assertEquals(15, splitter.foldCount());
    for (int repeat = 0; repeat < 3; repeat++) {
      int[] heldOut = new int[LABELS.length];
      for (Fold fold : folds.subList(repeat * 5, repeat * 5 + 5)) {
        assertEquals(repeat, fold.repeat());
        assertArrayEquals(new int[] {14, 4, 2}, classCounts(fold.test()));
        for (int row : fold.test()) {
          heldOut[row]++;
        }
      }
      for (int count : heldOut) {
        assertEquals(1, count);
      }
    }
    assertEquals(List.of(0, 1, 2, 3, 4, 5), folds.stream().limit(6).map(Fold::index).toList());
    assertFalse(Arrays.equals(folds.get(0).test(), folds.get(5).test()));
    assertEquals(10, Splitter.repeatedKFold(5, 2, 1).split(20).size());
  }

  @Test
  void holdoutSplitsOffTheFraction() {
    Fold plain = Splitter.holdout(0.25, 4).split(80).get(0);
    assertPartition(plain, 80);
    assertEquals(20, plain.testSize());
    Fold stratified = Splitter.stratifiedHoldout(0.2, 4).split(LABELS).get(0);
    assertPartition(stratified, LABELS.length);
    assertArrayEquals(new int[] {14, 4, 2}, classCounts(stratified.test()));
  }

  @Test
  void splitOfASubsetUsesOnlyThoseRows() {
    int[] rows = IntStream.range(0, 100).filter(i -> i % 2 == 1).toArray();
    for (Fold fold : Splitter.stratifiedKFold(3, 2).split(rows, LABELS)) {
      assertEquals(50, fold.trainSize() + fold.testSize());
      for (int row : fold.train()) {
        assertEquals(1, row % 2);
      }
      for (int row : fold.test()) {
        assertEquals(1, row % 2);
      }
    }
  }

  @Test
  void errorsSayWhatIsWrongAndHowToFixIt() {
    assertEquals(
        "k-fold needs at least 2 folds, got 1; 5 or 10 are usual",
        assertThrows(IllegalArgumentException.class, () -> Splitter.kFold(1, 0)).getMessage());
    assertEquals(
        "Splitter.stratifiedKFold(5, seed 0) needs the class label of every row: call"
            + " split(labels) instead of split(100)",
        assertThrows(IllegalStateException.class, () -> Splitter.stratifiedKFold(5, 0).split(100))
            .getMessage());
    assertEquals(
        "Splitter.kFold(10, seed 0) needs at least 10 rows, got 4; use fewer folds",
        assertThrows(IllegalArgumentException.class, () -> Splitter.kFold(10, 0).split(4))
            .getMessage());
    assertEquals(
        "the test fraction must be strictly between 0 and 1, got 1.0; 0.2 holds out a fifth of the"
            + " rows",
        assertThrows(IllegalArgumentException.class, () -> Splitter.holdout(1.0, 0)).getMessage());
    assertEquals(
        "row 3 is listed twice; rows must be distinct",
        assertThrows(
                IllegalArgumentException.class,
                () -> Splitter.kFold(2, 0).split(new int[] {1, 3, 3}, null))
            .getMessage());
  }

  @Test
  void describesItselfAsTheCallThatMadeIt() {
    assertEquals("Splitter.kFold(5, seed 1)", Splitter.kFold(5, 1).toString());
    assertEquals("Splitter.stratifiedKFold(3, seed 2)", Splitter.stratifiedKFold(3, 2).toString());
    assertEquals("Splitter.repeatedKFold(5, 2, seed 3)", Splitter.repeatedKFold(5, 2, 3).toString());
    assertEquals(
        "Splitter.repeatedStratifiedKFold(5, 4, seed 0)",
        Splitter.repeatedStratifiedKFold(5, 4, 0).toString());
    assertEquals("Splitter.holdout(0.2, seed 7)", Splitter.holdout(0.2, 7).toString());
    assertEquals(
        "Splitter.stratifiedHoldout(0.25, seed 7)", Splitter.stratifiedHoldout(0.25, 7).toString());
  }

  private static void assertPartition(Fold fold, int rows) {
    boolean[] seen = new boolean[rows];
    for (int row : fold.train()) {
      assertTrue(!seen[row], "row " + row + " twice in " + fold);
      seen[row] = true;
    }
    for (int row : fold.test()) {
      assertTrue(!seen[row], "row " + row + " both trains and scores in " + fold);
      seen[row] = true;
    }
    for (int row = 0; row < rows; row++) {
      assertTrue(seen[row], "row " + row + " missing from " + fold);
    }
  }

  private static int[] classCounts(int[] rows) {
    return classCounts(rows, LABELS);
  }

  private static int[] classCounts(int[] rows, int[] labels) {
    int[] counts = new int[IntStream.of(labels).max().orElse(0) + 1];
    for (int row : rows) {
      counts[labels[row]]++;
    }
    return counts;
  }
}
