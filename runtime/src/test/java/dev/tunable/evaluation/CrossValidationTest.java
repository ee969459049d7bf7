package dev.tunable.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

  @Test
  void summarizesTheFoldScores() {
    List<Fold> folds = Splitter.kFold(4, 1).split(40);
    double[] scores = {0.5, 0.7, 0.9, 0.7};
    CrossValidationResult cv = CrossValidation.run(folds, fold -> scores[fold.index()]);
    assertEquals(List.of(0.5, 0.7, 0.9, 0.7), cv.scores());
    assertEquals(0.7, cv.mean(), 1e-12);
    // Deviations -0.2, 0, 0.2, 0: sqrt(0.08 / 4).
    assertEquals(Math.sqrt(0.02), cv.standardDeviation(), 1e-12);
    assertEquals("0.7000 ± 0.1414 over 4 folds", cv.toString());
  }

  @Test
  void reportsEachFoldWithTheRunningMean() {
    double[] scores = {1, 3, 2};
    List<FoldScore> reported = new ArrayList<>();
    CrossValidation.run(Splitter.kFold(3, 1).split(9), fold -> scores[fold.index()], reported::add);
    assertEquals(
        List.of(new FoldScore(0, 1, 1), new FoldScore(1, 3, 2), new FoldScore(2, 2, 2)), reported);
  }

  /**
   * Issue 16: a scorer that throws a checked exception needs no wrapping; the exception reaches
   * the caller as it was thrown, and the folds after it are not scored.
   */
  @Test
  void aCheckedExceptionFromTheScorerReachesTheCallerUnchanged() {
    IOException failure = new IOException("the library's training call failed");
    List<Integer> scored = new ArrayList<>();
    IOException thrown = assertThrows(IOException.class,
        () -> CrossValidation.run(Splitter.kFold(4, 1).split(40), fold -> {
          scored.add(fold.index());
          if (fold.index() == 1) {
            throw failure;
          }
          return 0.5;
        }));
    assertSame(failure, thrown);
    assertEquals(List.of(0, 1), scored);
  }

  /**
   * Scorers written before issue 16 compile unchanged: a lambda that throws nothing checked needs
   * no {@code throws} clause around the call, and a method reference to a {@code
   * ToDoubleFunction} fits.
   */
  @Test
  void aScorerThatThrowsNothingCheckedNeedsNoThrowsClause() {
    java.util.function.ToDoubleFunction<Fold> existing = fold -> fold.test().length;
    CrossValidationResult cv = CrossValidation.run(Splitter.kFold(4, 1).split(40),
        existing::applyAsDouble);
    assertEquals(10.0, cv.mean(), 1e-12);
  }

  /** Issue 16: nested cross-validation passes a checked exception from either function. */
  @Test
  void nestedCrossValidationPassesCheckedExceptionsThrough() {
    List<Fold> outer = Splitter.kFold(3, 1).split(30);
    IOException fromTuning = new IOException("tuning failed");
    assertSame(fromTuning, assertThrows(IOException.class,
        () -> NestedCrossValidation.run(outer, rows -> {
          throw fromTuning;
        }, (chosen, fold) -> 1.0)));
    java.util.concurrent.TimeoutException fromEvaluation =
        new java.util.concurrent.TimeoutException("training took too long");
    List<Integer> evaluated = new ArrayList<>();
    assertSame(fromEvaluation, assertThrows(java.util.concurrent.TimeoutException.class,
        () -> NestedCrossValidation.run(outer, rows -> rows.length, (chosen, fold) -> {
          evaluated.add(fold.index());
          if (fold.index() == 1) {
            throw fromEvaluation;
          }
          return chosen;
        })));
    assertEquals(List.of(0, 1), evaluated);
  }

  /** The hook a pruner uses: an exception from the listener stops the remaining folds. */
  @Test
  void aListenerExceptionStopsTheRemainingFolds() {
    RuntimeException pruned = new RuntimeException("pruned");
    List<Integer> scored = new ArrayList<>();
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                CrossValidation.run(
                    Splitter.kFold(5, 1).split(50),
                    fold -> {
                      scored.add(fold.index());
                      return 0.1;
                    },
                    score -> {
                      if (score.fold() == 1) {
                        throw pruned;
                      }
                    }));
    assertSame(pruned, thrown);
    assertEquals(List.of(0, 1), scored);
  }

  @Test
  void aNonFiniteScoreNamesTheFold() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                CrossValidation.run(
                    Splitter.kFold(3, 1).split(9), fold -> fold.index() == 2 ? Double.NaN : 1));
    assertEquals(
        "fold 2 of 3 scored NaN: the model diverged or the metric is undefined on this fold's rows",
        e.getMessage());
  }

  /**
   * A "model" that memorizes rows: nested cross-validation gives it no credit for rows it tuned
   * on, while choosing and scoring on the same rows does.
   */
  @Test
  void nestedCrossValidationNeverShowsTuningTheHeldOutRows() {
    int[] labels = IntStream.range(0, 60).map(i -> i % 3 == 0 ? 1 : 0).toArray();
    List<Fold> outer = Splitter.stratifiedKFold(3, 7).split(labels);
    List<int[]> tunedOn = new ArrayList<>();
    NestedCrossValidationResult<Integer> nested =
        NestedCrossValidation.run(
            outer,
            trainRows -> {
              tunedOn.add(trainRows);
              // "Tuning": pick the inner fold count with the best inner score; inner folds must
              // use the outer training rows only.
              for (Fold inner : Splitter.stratifiedKFold(2, 1).split(trainRows, labels)) {
                for (int row : inner.test()) {
                  assertTrue(contains(trainRows, row));
                }
              }
              return trainRows.length;
            },
            (chosen, fold) -> {
              assertEquals(fold.trainSize(), chosen);
              return fold.testSize();
            });
    assertEquals(List.of(40, 40, 40), nested.chosen());
    assertEquals(List.of(20.0, 20.0, 20.0), nested.scores().scores());
    for (int f = 0; f < 3; f++) {
      for (int row : outer.get(f).test()) {
        assertTrue(!contains(tunedOn.get(f), row), "outer test row " + row + " reached tuning");
      }
    }
  }

  private static boolean contains(int[] rows, int row) {
    return IntStream.of(rows).anyMatch(r -> r == row);
  }
}
