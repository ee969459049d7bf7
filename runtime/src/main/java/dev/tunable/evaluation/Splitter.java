package dev.tunable.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * How to split a data set's rows into {@link Fold folds}: a single train/validation split, k-fold,
 * or repeated k-fold, each plain or stratified. Deterministic: the same seed, rows and labels always
 * give the same folds. Immutable and thread-safe.
 *
 * <pre>{@code
 * List<Fold> folds = Splitter.stratifiedKFold(5, 42).split(labels);   // classification
 * List<Fold> folds = Splitter.kFold(5, 42).split(rowCount);            // regression
 * Fold holdout = Splitter.stratifiedHoldout(0.2, 42).split(labels).get(0);
 * }</pre>
 *
 * <p>Stratified splitters keep each class's share of rows the same in every fold (to within one
 * row per class); they need the class label of every row. A class with fewer rows than folds is
 * held out in only some folds. In k-fold every row is held out exactly once per repetition, and
 * fold sizes differ by at most one row.
 *
 * @since 0.1
 */
public final class Splitter {
  private enum Kind { HOLDOUT, K_FOLD }

  private final Kind kind;
  private final boolean stratified;
  private final int folds;
  private final int repeats;
  private final double testFraction;
  private final long seed;

  private Splitter(
      Kind kind, boolean stratified, int folds, int repeats, double testFraction, long seed) {
    this.kind = kind;
    this.stratified = stratified;
    this.folds = folds;
    this.repeats = repeats;
    this.testFraction = testFraction;
    this.seed = seed;
  }

  /** One shuffled split that holds out {@code testFraction} of the rows (at least one row). */
  public static Splitter holdout(double testFraction, long seed) {
    return new Splitter(Kind.HOLDOUT, false, 1, 1, checkFraction(testFraction), seed);
  }

  /** One shuffled split that holds out {@code testFraction} of each class's rows. */
  public static Splitter stratifiedHoldout(double testFraction, long seed) {
    return new Splitter(Kind.HOLDOUT, true, 1, 1, checkFraction(testFraction), seed);
  }

  /** Shuffled k-fold: {@code k} folds, each row held out in exactly one. */
  public static Splitter kFold(int k, long seed) {
    return new Splitter(Kind.K_FOLD, false, checkFolds(k), 1, 0, seed);
  }

  /** Shuffled k-fold that keeps each class's share of rows the same in every fold. */
  public static Splitter stratifiedKFold(int k, long seed) {
    return new Splitter(Kind.K_FOLD, true, checkFolds(k), 1, 0, seed);
  }

  /** {@code repeats} k-folds, each shuffled anew: {@code k * repeats} folds in all. */
  public static Splitter repeatedKFold(int k, int repeats, long seed) {
    return new Splitter(Kind.K_FOLD, false, checkFolds(k), checkRepeats(repeats), 0, seed);
  }

  /** {@code repeats} stratified k-folds, each shuffled anew: {@code k * repeats} folds in all. */
  public static Splitter repeatedStratifiedKFold(int k, int repeats, long seed) {
    return new Splitter(Kind.K_FOLD, true, checkFolds(k), checkRepeats(repeats), 0, seed);
  }

  /** Whether this splitter needs class labels. */
  public boolean isStratified() {
    return stratified;
  }

  /** The number of folds {@link #split} returns. */
  public int foldCount() {
    return folds * repeats;
  }

  /**
   * Splits rows {@code 0 .. rows - 1}.
   *
   * @throws IllegalStateException if this splitter is stratified: it needs labels
   */
  public List<Fold> split(int rows) {
    if (stratified) {
      throw new IllegalStateException(
          this + " needs the class label of every row: call split(labels) instead of split(" + rows
              + ")");
    }
    if (rows < 0) {
      throw new IllegalArgumentException("the number of rows must be at least 0, got " + rows);
    }
    return split(allRows(rows), null);
  }

  /**
   * Splits rows {@code 0 .. labels.length - 1}; {@code labels[i]} is row {@code i}'s class, used
   * only by stratified splitters.
   */
  public List<Fold> split(int[] labels) {
    return split(allRows(labels.length), labels);
  }

  /**
   * Splits only the given {@code rows} (for example the training rows of an outer fold in nested
   * cross-validation); the folds hold row numbers taken from {@code rows}. {@code labels} is indexed
   * by row number and may be {@code null} when this splitter is not stratified.
   */
  public List<Fold> split(int[] rows, int[] labels) {
    if (stratified && labels == null) {
      throw new IllegalStateException(
          this + " needs the class label of every row, got labels = null");
    }
    checkRows(rows, labels);
    int minimum = kind == Kind.HOLDOUT ? 2 : folds;
    if (rows.length < minimum) {
      throw new IllegalArgumentException(
          this + " needs at least " + minimum + " rows, got " + rows.length
              + (kind == Kind.K_FOLD ? "; use fewer folds" : ""));
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Fold> result = new ArrayList<>(foldCount());
    for (int repeat = 0; repeat < repeats; repeat++) {
      int[] order = stratified ? byClassShuffled(rows, labels, random) : shuffled(rows, random);
      if (kind == Kind.HOLDOUT) {
        result.add(holdoutOf(order, labels, repeat));
      } else {
        dealInto(order, repeat, result);
      }
    }
    return List.copyOf(result);
  }

  /**
   * Deals rows to folds in turn: with rows grouped by class, each class is spread as evenly as a
   * round robin allows, which is what stratification asks for.
   */
  private void dealInto(int[] order, int repeat, List<Fold> result) {
    int[] foldOf = new int[order.length];
    int[] sizes = new int[folds];
    for (int i = 0; i < order.length; i++) {
      foldOf[i] = i % folds;
      sizes[i % folds]++;
    }
    for (int f = 0; f < folds; f++) {
      int[] test = new int[sizes[f]];
      int[] train = new int[order.length - sizes[f]];
      int t = 0;
      int r = 0;
      for (int i = 0; i < order.length; i++) {
        if (foldOf[i] == f) {
          test[t++] = order[i];
        } else {
          train[r++] = order[i];
        }
      }
      result.add(new Fold(result.size(), repeat, train, test));
    }
  }

  private Fold holdoutOf(int[] order, int[] labels, int repeat) {
    boolean[] held = new boolean[order.length];
    if (stratified) {
      // The first rows of each class's shuffled run are held out, so each class keeps its share.
      int start = 0;
      while (start < order.length) {
        int end = start;
        while (end < order.length && labels[order[end]] == labels[order[start]]) {
          end++;
        }
        int count = (int) Math.round((end - start) * testFraction);
        for (int i = start; i < start + count; i++) {
          held[i] = true;
        }
        start = end;
      }
    } else {
      int count = (int) Math.round(order.length * testFraction);
      for (int i = 0; i < count; i++) {
        held[i] = true;
      }
    }
    int testCount = 0;
    for (boolean h : held) {
      testCount += h ? 1 : 0;
    }
    if (testCount == 0 || testCount == order.length) {
      throw new IllegalArgumentException(
          this + " on " + order.length + " rows leaves " + (testCount == 0 ? "no test" : "no train")
              + " rows; use more rows or a test fraction nearer 0.5");
    }
    int[] test = new int[testCount];
    int[] train = new int[order.length - testCount];
    int t = 0;
    int r = 0;
    for (int i = 0; i < order.length; i++) {
      if (held[i]) {
        test[t++] = order[i];
      } else {
        train[r++] = order[i];
      }
    }
    return new Fold(0, repeat, train, test);
  }

  private static int[] shuffled(int[] rows, SplittableRandom random) {
    int[] order = rows.clone();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }

  /** The rows shuffled within each class, classes in ascending label order. */
  private static int[] byClassShuffled(int[] rows, int[] labels, SplittableRandom random) {
    Map<Integer, List<Integer>> byClass = new TreeMap<>();
    for (int row : rows) {
      byClass.computeIfAbsent(labels[row], label -> new ArrayList<>()).add(row);
    }
    int[] order = new int[rows.length];
    int next = 0;
    for (List<Integer> members : byClass.values()) {
      int[] group = members.stream().mapToInt(Integer::intValue).toArray();
      for (int row : shuffled(group, random)) {
        order[next++] = row;
      }
    }
    return order;
  }

  private static int[] allRows(int count) {
    int[] rows = new int[count];
    for (int i = 0; i < count; i++) {
      rows[i] = i;
    }
    return rows;
  }

  private static void checkRows(int[] rows, int[] labels) {
    boolean[] seen = new boolean[0];
    for (int row : rows) {
      if (row < 0 || (labels != null && row >= labels.length)) {
        throw new IllegalArgumentException(
            "row " + row + " is outside the data"
                + (labels != null ? " (" + labels.length + " labels)" : ""));
      }
      if (row >= seen.length) {
        seen = Arrays.copyOf(seen, Math.max(row + 1, seen.length * 2));
      }
      if (seen[row]) {
        throw new IllegalArgumentException(
            "row " + row + " is listed twice; rows must be distinct");
      }
      seen[row] = true;
    }
  }

  private static double checkFraction(double testFraction) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new IllegalArgumentException(
          "the test fraction must be strictly between 0 and 1, got " + testFraction
              + "; 0.2 holds out a fifth of the rows");
    }
    return testFraction;
  }

  private static int checkFolds(int k) {
    if (k < 2) {
      throw new IllegalArgumentException(
          "k-fold needs at least 2 folds, got " + k + "; 5 or 10 are usual");
    }
    return k;
  }

  private static int checkRepeats(int repeats) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
    }
    return repeats;
  }

  @Override
  public String toString() {
    if (kind == Kind.HOLDOUT) {
      return "Splitter." + (stratified ? "stratifiedHoldout(" : "holdout(") + testFraction
          + ", seed " + seed + ")";
    }
    String name = stratified ? "StratifiedKFold(" : "KFold(";
    return repeats > 1
        ? "Splitter.repeated" + name + folds + ", " + repeats + ", seed " + seed + ")"
        : "Splitter." + (stratified ? "s" : "k") + name.substring(1) + folds + ", seed " + seed
            + ")";
  }
}
