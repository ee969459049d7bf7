package dev.tunable.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Pruner;
import dev.tunable.PrunerContext;
import dev.tunable.Pruners;
import dev.tunable.Snapshots;
import dev.tunable.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Every built-in pruner on constructed curves: it prunes what it should and nothing else. */
class PrunerTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static FrozenTrial trial(long number, TrialState state, long steps,
      LongToDoubleFunction curve) {
    TreeMap<Long, Double> values = new TreeMap<>();
    for (long step = 0; step < steps; step++) {
      values.put(step, curve.applyAsDouble(step));
    }
    double[] objective = state == TrialState.COMPLETE
        ? new double[] {values.get(steps - 1)} : new double[0];
    return Snapshots.trial(number, state, objective, Config.builder().build(), values, null);
  }

  private static FrozenTrial running(long number, double... curve) {
    return trial(number, TrialState.RUNNING, curve.length, s -> curve[(int) s]);
  }

  /** Complete trials 0..n-1, trial i with the constant curve {@code levels[i]} over 10 steps. */
  private static List<FrozenTrial> complete(double... levels) {
    List<FrozenTrial> trials = new ArrayList<>();
    for (int i = 0; i < levels.length; i++) {
      double level = levels[i];
      trials.add(trial(i, TrialState.COMPLETE, 10, s -> level));
    }
    return trials;
  }

  private static boolean prunes(Pruner pruner, Direction direction, List<FrozenTrial> history,
      FrozenTrial trial) {
    List<FrozenTrial> all = new ArrayList<>(history);
    all.add(trial);
    return pruner.shouldPrune(new PrunerContext(trial, List.of(direction), all));
  }

  @Test
  void medianPrunesTrialsAboveTheMedianOnly() {
    List<FrozenTrial> history = complete(1, 2, 3, 4, 5);
    Pruner median = Pruners.median();
    assertFalse(prunes(median, Direction.MINIMIZE, history, running(5, 9, 2.5)));
    assertTrue(prunes(median, Direction.MINIMIZE, history, running(5, 9, 3.5)));
    // the trial's best so far counts, not its latest value
    assertFalse(prunes(median, Direction.MINIMIZE, history, running(5, 2.5, 3.5)));
    assertTrue(prunes(median, Direction.MAXIMIZE, history, running(5, 0, 2.5)));
    assertFalse(prunes(median, Direction.MAXIMIZE, history, running(5, 0, 3.5)));
  }

  @Test
  void medianWaitsForStartupTrialsWarmupAndInterval() {
    FrozenTrial bad = running(5, 9, 9, 9, 9);
    assertFalse(prunes(Pruners.median(), Direction.MINIMIZE, complete(1, 2, 3, 4), bad));
    assertTrue(prunes(Pruners.median().withStartupTrials(4), Direction.MINIMIZE,
        complete(1, 2, 3, 4), bad));
    List<FrozenTrial> history = complete(1, 2, 3, 4, 5);
    assertFalse(prunes(Pruners.median().withWarmupSteps(4), Direction.MINIMIZE, history, bad));
    assertTrue(prunes(Pruners.median().withWarmupSteps(3), Direction.MINIMIZE, history, bad));
    assertFalse(prunes(Pruners.median().withInterval(2), Direction.MINIMIZE, history, bad));
    assertTrue(prunes(Pruners.median().withInterval(3), Direction.MINIMIZE, history, bad));
    assertFalse(prunes(Pruners.median().withMinTrials(6), Direction.MINIMIZE, history, bad));
  }

  @Test
  void medianPrunesATrialThatOnlyReportedNaN() {
    assertTrue(prunes(Pruners.median(), Direction.MINIMIZE, complete(1, 2, 3, 4, 5),
        running(5, Double.NaN, Double.NaN)));
  }

  @Test
  void percentileKeepsTheGivenShare() {
    List<FrozenTrial> history = complete(1, 2, 3, 4, 5);
    // maximize, top 25%: the 75th percentile of 1..5 is 4
    assertFalse(prunes(Pruners.percentile(25), Direction.MAXIMIZE, history, running(5, 4.5)));
    assertTrue(prunes(Pruners.percentile(25), Direction.MAXIMIZE, history, running(5, 3.5)));
    assertThrows(IllegalArgumentException.class, () -> Pruners.percentile(101));
  }

  /**
   * Regression: the percentile was NaN when the order statistic above it was infinite (0 times
   * infinity), so a trial was kept when minimizing and pruned when maximizing the negated values;
   * found by the pruner contract.
   */
  @Test
  void percentileWasNaNNextToAnInfiniteValue() {
    double inf = Double.POSITIVE_INFINITY;
    assertEquals(2, Curves.percentile(new double[] {1, 2, inf}, 50));
    assertEquals(-2, Curves.percentile(new double[] {-inf, -2, -1}, 50));
    assertEquals(inf, Curves.percentile(new double[] {1, inf}, 50));
    assertEquals(-inf, Curves.percentile(new double[] {-inf, 1}, 50));
    assertEquals(inf, Curves.percentile(new double[] {inf, inf}, 30));
    assertTrue(Double.isNaN(Curves.percentile(new double[] {-inf, inf}, 50)));
    // a complete trial whose loss overflowed at step 1 and recovered
    List<FrozenTrial> history = List.of(trial(0, TrialState.COMPLETE, 3, s -> 1),
        trial(1, TrialState.COMPLETE, 3, s -> 2),
        trial(2, TrialState.COMPLETE, 3, s -> s == 1 ? inf : 0.5));
    Pruner median = Pruners.median().withStartupTrials(3);
    assertTrue(prunes(median, Direction.MINIMIZE, history, running(3, 9, 2.5)));
    List<FrozenTrial> negated = List.of(trial(0, TrialState.COMPLETE, 3, s -> -1),
        trial(1, TrialState.COMPLETE, 3, s -> -2),
        trial(2, TrialState.COMPLETE, 3, s -> s == 1 ? -inf : -0.5));
    assertTrue(prunes(median, Direction.MAXIMIZE, negated, running(3, -9, -2.5)));
  }

  /** Negated values give the negated percentile from the other end, to the last bit. */
  @Test
  void percentileOfNegatedValuesIsTheNegatedPercentileFromTheOtherEnd() {
    double[] sorted = {0.1, 0.7, 1.3, 2.9, 3.3, 10.01, 17};
    double[] negated = new double[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      negated[i] = -sorted[sorted.length - 1 - i];
    }
    for (int q = 0; q <= 100; q++) {
      assertEquals(-Curves.percentile(sorted, q), Curves.percentile(negated, 100 - q), "q=" + q);
    }
  }

  @Test
  void successiveHalvingPromotesTheTopShareAtEachRungOnce() {
    // reduction factor 2, rungs at steps 1, 2, 4, 8; complete trials at levels 1, 2, 3
    Pruner asha = Pruners.successiveHalving().withMinResource(1).withReductionFactor(2);
    List<FrozenTrial> history = complete(1, 2, 3);
    // at rung 1 with 1, 1.5, 2, 3: index 4/2 - 1 = 1, so 1.5 is promoted and 2.5 is not
    assertFalse(prunes(asha, Direction.MINIMIZE, history, running(3, 9, 1.5)));
    assertTrue(prunes(asha, Direction.MINIMIZE, history, running(3, 9, 2.5)));
    // nothing is judged before the first rung
    assertFalse(prunes(asha, Direction.MINIMIZE, history, running(3, 9)));
    // between rungs the trial is not judged again, however bad it gets
    Pruner asha4 = Pruners.successiveHalving().withMinResource(1).withReductionFactor(4);
    assertFalse(prunes(asha4, Direction.MINIMIZE, history, running(3, 9, 1, 9, 9)));
    assertTrue(prunes(asha4, Direction.MINIMIZE, history, running(3, 9, 1, 9, 9, 9)));
    assertTrue(prunes(asha, Direction.MINIMIZE, history, running(3, 9, 1, Double.NaN)));
  }

  @Test
  void successiveHalvingWaitsForACompleteTrialToEstimateItsMinimumResource() {
    FrozenTrial other = trial(0, TrialState.PRUNED, 3, s -> 1);
    FrozenTrial bad = running(1, 9, 9);
    assertFalse(prunes(Pruners.successiveHalving(), Direction.MINIMIZE, List.of(other), bad));
    assertTrue(prunes(Pruners.successiveHalving(), Direction.MINIMIZE,
        List.of(trial(0, TrialState.COMPLETE, 3, s -> 1)), bad));
    assertEquals(2, SuccessiveHalvingPruner.estimateMinResource(
        List.of(trial(0, TrialState.COMPLETE, 250, s -> 1))));
  }

  @Test
  void successiveHalvingLetsTheRateMoveTheFirstRung() {
    Pruner late = Pruners.successiveHalving().withMinResource(1).withReductionFactor(2)
        .withMinEarlyStoppingRate(2);
    List<FrozenTrial> history = complete(1, 2, 3);
    assertFalse(prunes(late, Direction.MINIMIZE, history, running(3, 9, 9, 9)));
    assertTrue(prunes(late, Direction.MINIMIZE, history, running(3, 9, 9, 9, 9, 9)));
  }

  @Test
  void hyperbandSharesTrialsAmongBracketsByTheirBudgets() {
    HyperbandPruner hyperband = Pruners.hyperband().withMaxResource(27);
    int brackets = hyperband.bracketCount(27);
    assertEquals(4, brackets);
    // budgets ceil(4·3^s/(s+1)) for s = 3, 2, 1, 0: 27, 12, 6, 4 of 49
    int[] counts = new int[brackets];
    int n = 49_000;
    for (long number = 0; number < n; number++) {
      counts[hyperband.bracketOf(number, brackets)]++;
    }
    int[] budgets = {27, 12, 6, 4};
    for (int i = 0; i < brackets; i++) {
      assertEquals(budgets[i] * 1000.0, counts[i], 300, "bracket " + i);
    }
    assertEquals(hyperband.bracketOf(17, brackets), hyperband.bracketOf(17, brackets));
  }

  @Test
  void hyperbandComparesATrialWithItsBracketOnly() {
    HyperbandPruner hyperband = Pruners.hyperband().withMaxResource(27);
    int brackets = hyperband.bracketCount(27);
    long mine = 100;
    int bracket = hyperband.bracketOf(mine, brackets);
    // excellent trials, all in other brackets, and one poor trial in the trial's bracket
    List<FrozenTrial> history = new ArrayList<>();
    long poor = -1;
    for (long number = 0; number < 100; number++) {
      if (hyperband.bracketOf(number, brackets) != bracket) {
        history.add(trial(number, TrialState.COMPLETE, 27, s -> 0.01));
      } else if (poor < 0) {
        poor = number;
        history.add(trial(number, TrialState.COMPLETE, 27, s -> 5));
      }
    }
    // past the bracket's first rung (3^bracket), 1 beats the bracket's 5 and is kept
    double[] good = new double[27];
    java.util.Arrays.fill(good, 1);
    assertFalse(prunes(hyperband, Direction.MINIMIZE, history, running(mine, good)));
    double[] bad = new double[27];
    java.util.Arrays.fill(bad, 6);
    int firstRung = (int) Math.pow(3, bracket);
    assertTrue(prunes(hyperband, Direction.MINIMIZE, history,
        running(mine, java.util.Arrays.copyOf(bad, firstRung + 1))));
  }

  @Test
  void thresholdStopsNaNDivergenceAndBoundsOnly() {
    ThresholdPruner threshold = Pruners.threshold(0.2, 10);
    assertFalse(prunes(threshold, Direction.MINIMIZE, List.of(), running(0, 5, 9.9)));
    assertTrue(prunes(threshold, Direction.MINIMIZE, List.of(), running(0, 5, 10.1)));
    assertTrue(prunes(threshold, Direction.MINIMIZE, List.of(), running(0, 5, 0.1)));
    assertTrue(prunes(threshold, Direction.MINIMIZE, List.of(), running(0, 5, Double.NaN)));
    Pruner loss = Pruners.threshold(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    assertTrue(prunes(loss, Direction.MINIMIZE, List.of(),
        running(0, 5, Double.POSITIVE_INFINITY)));
    assertFalse(prunes(loss, Direction.MINIMIZE, List.of(), running(0, 5, 1e300)));
    assertFalse(prunes(threshold.withWarmupSteps(2), Direction.MINIMIZE, List.of(),
        running(0, 5, Double.NaN)));
    assertThrows(IllegalArgumentException.class, () -> Pruners.threshold(2, 1));
  }

  @Test
  void patiencePrunesAStalledCurveWhenTheWrappedPrunerAgrees() {
    Pruner patience = Pruners.patience(2);
    assertFalse(prunes(patience, Direction.MINIMIZE, List.of(), running(0, 5, 4, 3, 2, 1)));
    assertFalse(prunes(patience, Direction.MINIMIZE, List.of(), running(0, 5, 4, 4.5, 4.2, 3.9)));
    assertTrue(prunes(patience, Direction.MINIMIZE, List.of(), running(0, 5, 4, 4.5, 4.2, 4.1)));
    assertTrue(prunes(patience, Direction.MAXIMIZE, List.of(), running(0, 1, 2, 1.5, 1.9, 2.0)));
    assertTrue(prunes(Pruners.patience(2).withMinDelta(0.5), Direction.MINIMIZE, List.of(),
        running(0, 5, 4, 4.5, 3.6, 3.6)));
    Pruner never = context -> false;
    assertFalse(prunes(Pruners.patience(2, never), Direction.MINIMIZE, List.of(),
        running(0, 5, 4, 4.5, 4.2, 4.1)));
    Pruner always = context -> true;
    assertFalse(prunes(Pruners.patience(2, always), Direction.MINIMIZE, List.of(),
        running(0, 5, 4, 3, 2, 1)));
  }

  /** A trial reporting running means of {@code scores}, as the fold listener does. */
  private static FrozenTrial folds(long number, TrialState state, double... scores) {
    double[] means = new double[scores.length];
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      sum += scores[i];
      means[i] = sum / (i + 1);
    }
    return trial(number, state, scores.length, s -> means[(int) s]);
  }

  @Test
  void foldPrunerStopsAClearlyWorseConfigurationAfterFewFolds() {
    List<FrozenTrial> history = List.of(
        folds(0, TrialState.COMPLETE, 0.80, 0.84, 0.78, 0.82, 0.81),
        folds(1, TrialState.COMPLETE, 0.90, 0.94, 0.88, 0.93, 0.91));
    FoldPruner pruner = Pruners.folds();
    assertTrue(prunes(pruner, Direction.MAXIMIZE, history, folds(2, TrialState.RUNNING, 0.7, 0.75)));
    // the first fold alone never decides
    assertFalse(prunes(pruner, Direction.MAXIMIZE, history, folds(2, TrialState.RUNNING, 0.5)));
    // a little worse with a fold better than the best's: within the noise
    assertFalse(prunes(pruner, Direction.MAXIMIZE, history,
        folds(2, TrialState.RUNNING, 0.87, 0.95, 0.86)));
    // the same gap, but consistent fold by fold, is clear
    assertTrue(prunes(pruner, Direction.MAXIMIZE, history,
        folds(2, TrialState.RUNNING, 0.88, 0.92, 0.86)));
    assertFalse(prunes(pruner.withMargin(0.05), Direction.MAXIMIZE, history,
        folds(2, TrialState.RUNNING, 0.88, 0.92, 0.86)));
    assertEquals(0.75, FoldPruner.foldScores(
        folds(0, TrialState.RUNNING, 0.7, 0.75).intermediateValues())[1], 1e-12);
  }
}
