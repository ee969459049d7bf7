package dev.tunable.internal.sampler.gp;

import static dev.tunable.SamplerRuns.best;
import static dev.tunable.SamplerRuns.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Snapshots;
import dev.tunable.TrialState;
import dev.tunable.annotations.Scale;
import dev.tunable.benchmarks.TestFunction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GpSamplerTest {
  private static final SearchSpace<Config> BRANIN =
      SearchSpace.builder().real("x1", -5, 10).real("x2", 0, 15).build();

  private static double branin(Config c) {
    double x1 = c.getDouble("x1");
    double x2 = c.getDouble("x2");
    double a = x2 - 5.1 / (4 * Math.PI * Math.PI) * x1 * x1 + 5 / Math.PI * x1 - 6;
    return a * a + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
  }

  @Test
  void aLongUpperTailIsCompressedByTheLogOfTheDistanceFromTheBestInMedianUnits() {
    // Median 2, best 0: the tail reaches 998 above the median, over 10 times 2, so each score s
    // becomes log(1 + s / 2).
    double[] warped = GpAlgorithm.warped(new double[] {2, 0, 1000, 3, 1});
    double[] expected = {Math.log(2), 0, Math.log(501), Math.log(2.5), Math.log(1.5)};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], warped[i], 1e-12, "score " + i);
    }
    // Shifted and scaled scores warp to the same values: the warp has no units.
    double[] scaled = GpAlgorithm.warped(new double[] {-7 + 2e3, -7, -7 + 1e6, -7 + 3e3, -7 + 1e3});
    assertArrayEquals(warped, scaled, 1e-9);
  }

  @Test
  void scoresWithoutALongTailAreLeftAsTheyAre() {
    // Median 2, best 0, the tail 20 above the median: exactly 10 times, not more.
    double[] scores = {2, 0, 22, 3, 1};
    assertArrayEquals(scores, GpAlgorithm.warped(scores));
    double[] equal = {5, 5, 5, 5};
    assertArrayEquals(equal, GpAlgorithm.warped(equal));
    double[] few = {0, 1e9};
    assertArrayEquals(few, GpAlgorithm.warped(few));
  }

  @Test
  void noPointNearTheBestSeenPromisesMoreThanTheProposal() {
    // On Hartmann6 the best point often lies on a face of the cube while a small step inside is
    // better: the acquisition's searches must find such steps rather than repeat the best point.
    TestFunction hartmann = TestFunction.hartmann6();
    Encoding encoding = new Encoding(hartmann.space());
    SplittableRandom random = new SplittableRandom(1);
    // Seed and trials: the previous acquisition, started at the best points themselves, fell
    // short by 1.1 in log EI on seed 8 after 30 trials (of 90 cases scanned, none now).
    for (int[] study : new int[][] {{8, 30}, {19, 30}, {4, 50}, {13, 50}}) {
      long seed = study[0];
      GpAlgorithm sampler = new GpAlgorithm(seed, GpSettings.DEFAULTS);
      List<FrozenTrial> history =
          run(sampler, hartmann.space(), Direction.MINIMIZE, hartmann::apply, study[1]);
      SamplerContext context =
          new SamplerContext(hartmann.space(), study[1], List.of(Direction.MINIMIZE), history);
      Acquisition acquisition = sampler.acquisition(context);
      double proposed = acquisition.logEi(encoding.encode(sampler.sample(context)));
      FrozenTrial bestTrial =
          history.stream().min(Comparator.comparingDouble(FrozenTrial::value)).orElseThrow();
      double[] best = encoding.encode(bestTrial.params());
      for (int i = 0; i < 3000; i++) {
        double[] near = best.clone();
        double scale = i % 2 == 0 ? 0.02 : 0.1;
        for (int d = 0; d < near.length; d++) {
          near[d] = Math.max(0, Math.min(1, near[d] + scale * (2 * random.nextDouble() - 1)));
        }
        double promised = acquisition.logEi(near);
        assertTrue(promised <= proposed + 0.1, "seed " + seed + ": log EI " + promised + " at "
            + Arrays.toString(near) + ", near the best point, above the proposal's " + proposed);
      }
    }
  }

  @Test
  void progressStallsWhenTheLastTrialsBarelyImproveOnTheFirstOnes() {
    double[] y = new double[25];
    for (int i = 0; i < y.length; i++) {
      y[i] = i < 15 ? 10 - i : -4 - 1e-5 * i;  // from 10 down to -4, then tiny steps
    }
    assertTrue(GpAlgorithm.stalled(y));
    y[24] = -4.01;  // a step of 0.01 against 5 since the best of the first ten trials
    assertFalse(GpAlgorithm.stalled(y));
    assertFalse(GpAlgorithm.stalled(Arrays.copyOf(new double[] {1, 0}, 19)), "too few to judge");
  }

  @Test
  void expectedImprovementImprovesOnTheLowestPosteriorMeanNotALuckyObservation() {
    // Twenty points on a line, all of true value 0, observed with noise; one draw is -0.9.
    double[][] x = new double[20][];
    double[] y = new double[20];
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < 20; i++) {
      x[i] = new double[] {i / 19.0};
      y[i] = i == 7 ? -0.9 : 0.3 * (random.nextDouble() - 0.5);
    }
    GaussianProcess noisy = new GaussianProcess(x, y, new boolean[] {false},
        new Kernel(new double[] {1}, 1, 0.1));
    double incumbent = GpAlgorithm.incumbent(noisy, x);
    // The model averages the lucky draw with its neighbours: the incumbent is far above it.
    assertTrue(incumbent > -0.3, "incumbent " + incumbent);
    assertEquals(Arrays.stream(x).mapToDouble(noisy::mean).min().orElseThrow(), incumbent);
    // Without noise, the posterior interpolates: the incumbent is the lowest observation.
    GaussianProcess exact = new GaussianProcess(x, y, new boolean[] {false},
        new Kernel(new double[] {1}, 1, 1e-9));
    assertEquals(-0.9, GpAlgorithm.incumbent(exact, x), 0.01);
  }

  @Test
  void oncePastItsStallTheSamplerLeavesHartmannsLocalMinimum() {
    // Seed 53's first trials fall into the local minimum's basin (-3.20316; its best value
    // after 40 trials is -3.20316): once progress stalls, the sampler must look elsewhere and
    // leave it. (Seeds 5 and 28 were such seeds before the kernel was refitted on a schedule,
    // seed 5 until expected improvement took the plug-in incumbent; seeds 40, 56, 58 and 61 are
    // others; 4, 5, 8, 13 and 28 stay within 100 trials.)
    TestFunction hartmann = TestFunction.hartmann6();
    List<FrozenTrial> history = run(new GpAlgorithm(53, GpSettings.DEFAULTS), hartmann.space(),
        Direction.MINIMIZE, hartmann::apply, 100);
    assertTrue(best(history.subList(0, 40)) > -3.21, "in the local basin at 40 trials");
    assertTrue(best(history) < -3.21, "best " + best(history));
  }

  /** Runs {@code trials} trials one after the other; returns the history. */
  @Test
  void findsTheMinimumOfBranin() {
    List<FrozenTrial> history =
        run(Samplers.gp(3), BRANIN, Direction.MINIMIZE, GpSamplerTest::branin, 35);
    // Random search is near 0.5 above the optimum after 35 trials; the GP gets within 1e-2 (2.3e-3
    // on this seed since a long tail of values is compressed, issue 15; 1e-3 before).
    assertTrue(best(history) - 5 / (4 * Math.PI) < 1e-2, "best " + best(history));
  }

  @Test
  void maximizingMinusFIsMinimizingF() {
    List<FrozenTrial> minimized =
        run(Samplers.gp(4), BRANIN, Direction.MINIMIZE, GpSamplerTest::branin, 20);
    List<FrozenTrial> maximized =
        run(Samplers.gp(4), BRANIN, Direction.MAXIMIZE, c -> -branin(c), 20);
    for (int n = 0; n < minimized.size(); n++) {
      assertEquals(minimized.get(n).params(), maximized.get(n).params(), "trial " + n);
    }
  }

  @Test
  void firstTrialsAreTheSobolSequenceThenTheModelTakesOver() {
    List<FrozenTrial> history =
        run(Samplers.gp(5), BRANIN, Direction.MINIMIZE, GpSamplerTest::branin, 12);
    List<FrozenTrial> sobol =
        run(Samplers.sobol(5), BRANIN, Direction.MINIMIZE, GpSamplerTest::branin, 12);
    for (int n = 0; n < GpSettings.DEFAULTS.startupTrials(); n++) {
      assertEquals(sobol.get(n).params(), history.get(n).params(), "trial " + n);
    }
    assertNotEquals(sobol.get(10).params(), history.get(10).params());
  }

  @Test
  void sameSeedSameTrialsOtherSeedOtherTrials() {
    ToDoubleFunction<Config> f = GpSamplerTest::branin;
    List<FrozenTrial> first = run(Samplers.gp(8), BRANIN, Direction.MINIMIZE, f, 16);
    List<FrozenTrial> again = run(Samplers.gp(8), BRANIN, Direction.MINIMIZE, f, 16);
    List<FrozenTrial> other = run(Samplers.gp(9), BRANIN, Direction.MINIMIZE, f, 16);
    for (int n = 0; n < first.size(); n++) {
      assertEquals(first.get(n).params(), again.get(n).params(), "trial " + n);
    }
    assertNotEquals(first.get(15).params(), other.get(15).params());
  }

  @Test
  void handlesEveryKindOfDimension() {
    SearchSpace<Config> space = SearchSpace.builder()
        .real("lr", 1e-5, 1e-1, Scale.LOG)
        .integer("units", 1, 1000, Scale.LOG)
        .add(Dimension.real("dropout", 0, 0.8).withStep(0.1))
        .add(Dimension.integer("layers", 1, 9).withStep(2))
        .categorical("activation", "relu", "tanh", "gelu", "elu")
        .bool("bias")
        .build();
    // Optimum 0 at lr = 1e-3, units = 100, dropout = 0.3, layers = 5, gelu, bias.
    ToDoubleFunction<Config> f = c -> {
      double lr = Math.log10(c.getDouble("lr")) + 3;
      double units = Math.log10(c.getLong("units")) - 2;
      double dropout = c.getDouble("dropout") - 0.3;
      double layers = (c.getLong("layers") - 5) / 4.0;
      return lr * lr + units * units + 4 * dropout * dropout + layers * layers
          + (c.getString("activation").equals("gelu") ? 0 : 1)
          + (c.getBoolean("bias") ? 0 : 0.5);
    };
    List<FrozenTrial> history = run(Samplers.gp(11), space, Direction.MINIMIZE, f, 45);
    for (FrozenTrial trial : history) {
      space.check(trial.params().asMap());
    }
    FrozenTrial best = history.stream()
        .min((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
    Config c = best.params();
    assertEquals("gelu", c.getString("activation"), best.toString());
    assertTrue(c.getBoolean("bias"), best.toString());
    assertEquals(5, c.getLong("layers"), best.toString());
    assertTrue(best.value() < 0.1, best.toString());
    // The model's proposals (after start-up) mostly keep the best choices once found.
    long gelu = history.subList(30, 45).stream()
        .filter(t -> t.params().getString("activation").equals("gelu")).count();
    assertTrue(gelu >= 10, gelu + " of the last 15 trials use gelu");
  }

  @Test
  void ignoresTrialsItCannotLearnFrom() {
    List<FrozenTrial> history =
        run(Samplers.gp(12), BRANIN, Direction.MINIMIZE, GpSamplerTest::branin, 14);
    List<FrozenTrial> noisy = new ArrayList<>(history);
    Instant t = Instant.EPOCH;
    Config inside = BRANIN.fromUnit(new double[] {0.5, 0.5});
    Config lacksX2 = Config.builder().set(Dimension.real("x1", -5, 10), 1.0).build();
    Config outside = Config.builder()
        .set(Dimension.real("x1", -50, 50), 42.0)
        .set(Dimension.real("x2", 0, 15), 1.0)
        .build();
    noisy.add(Snapshots.complete(14, lacksX2, -100));
    noisy.add(Snapshots.complete(15, outside, -100));
    noisy.add(Snapshots.complete(16, inside, Double.NaN));
    noisy.add(Snapshots.pruned(17, inside, new TreeMap<>(Map.of(3L, -100.0))));
    noisy.add(Snapshots.failed(18, inside, "boom"));
    // A running trial that is not older than the one being proposed is not pending.
    noisy.add(Snapshots.running(20, inside));
    Sampler sampler = Samplers.gp(12);
    Config clean =
        sampler.sample(new SamplerContext(BRANIN, 20, List.of(Direction.MINIMIZE), history));
    Config withNoise =
        sampler.sample(new SamplerContext(BRANIN, 20, List.of(Direction.MINIMIZE), noisy));
    assertEquals(clean, withNoise);
  }

  @Test
  void parallelWorkersDoNotAllGetTheSamePoint() {
    List<FrozenTrial> history =
        run(Samplers.gp(15), BRANIN, Direction.MINIMIZE, GpSamplerTest::branin, 15);
    Sampler sampler = Samplers.gp(15);
    Config first =
        sampler.sample(new SamplerContext(BRANIN, 15, List.of(Direction.MINIMIZE), history));
    List<FrozenTrial> withRunning = new ArrayList<>(history);
    withRunning.add(Snapshots.running(15, first));
    Config second =
        sampler.sample(new SamplerContext(BRANIN, 16, List.of(Direction.MINIMIZE), withRunning));
    double[] a = BRANIN.toUnit(first);
    double[] b = BRANIN.toUnit(second);
    assertTrue(Math.hypot(a[0] - b[0], a[1] - b[1]) > 0.01, first + " and " + second);
    // Without the running trial, trial 16 would land on trial 15's point again.
    Config blind =
        sampler.sample(new SamplerContext(BRANIN, 16, List.of(Direction.MINIMIZE), history));
    double[] c = BRANIN.toUnit(blind);
    assertTrue(Math.hypot(a[0] - c[0], a[1] - c[1]) < 0.01, first + " and " + blind);
  }

  @Test
  void whatASamplerKeepsBetweenTrialsGivesTheProposalsRecomputingGives() {
    // One sampler along the study keeps kernels and covariance factors from trial to trial; a
    // fresh sampler recomputes them. Trials 41-59 use kernels fitted at 40, 42, 44, ... (and
    // refits where the fit degrades), so the kept factor is extended between refits.
    List<FrozenTrial> history =
        run(Samplers.gp(3), BRANIN, Direction.MINIMIZE, GpSamplerTest::branin, 60);
    for (int n : new int[] {41, 43, 50, 59}) {
      Config fresh = Samplers.gp(3).sample(new SamplerContext(
          BRANIN, n, List.of(Direction.MINIMIZE), history.subList(0, n)));
      assertEquals(history.get(n).params(), fresh, "trial " + n);
    }
  }

  @Test
  void aKernelRefittedWhenTheFitDegradedServesUntilTheNextScheduledRefit() {
    // Branin through noise of deviation 0.2: new points near the minimum go on surprising the
    // kernel of the last scheduled refit, and the kernel refitted at the first surprise serves
    // the trials after it, in a fresh sampler as in the one that went along.
    SplittableRandom noise = new SplittableRandom(8);
    GpAlgorithm kept = new GpAlgorithm(3, GpSettings.DEFAULTS);
    List<FrozenTrial> history = run(kept, BRANIN, Direction.MINIMIZE,
        c -> branin(c) + 0.2 * noise.nextGaussian(), 150);
    int servedLater = 0;
    for (int n = GpAlgorithm.REFIT_ALWAYS + 2; n < 150; n++) {
      SamplerContext context =
          new SamplerContext(BRANIN, n, List.of(Direction.MINIMIZE), history.subList(0, n));
      int fittedTo = kept.fittedTo(context);
      int scheduled = GpAlgorithm.lastRefit(n);
      assertTrue(fittedTo >= scheduled && fittedTo <= n, "trial " + n + ": " + fittedTo);
      if (fittedTo > scheduled && fittedTo < n) {
        servedLater++;
        assertEquals(history.get(n).params(),
            new GpAlgorithm(3, GpSettings.DEFAULTS).sample(context), "trial " + n);
      }
    }
    assertTrue(servedLater >= 3, servedLater + " trials served by an earlier degraded refit");
  }

  @Test
  void beyondTheModelledSubsetKeptWorkStillGivesWhatRecomputingGives() {
    TestFunction sphere = TestFunction.sphere(3);
    SplittableRandom random = new SplittableRandom(4);
    List<FrozenTrial> history = new ArrayList<>();
    int n = ModelledSubset.SIZE + 30;
    for (int i = 0; i < n; i++) {
      Config config = sphere.space().fromUnit(random.doubles(3).toArray());
      history.add(Snapshots.complete(i, config, sphere.apply(config)));
    }
    Sampler kept = Samplers.gp(5);
    kept.sample(new SamplerContext(
        sphere.space(), n - 3, List.of(Direction.MINIMIZE), history.subList(0, n - 3)));
    Config extended =
        kept.sample(new SamplerContext(sphere.space(), n, List.of(Direction.MINIMIZE), history));
    Config fresh = Samplers.gp(5)
        .sample(new SamplerContext(sphere.space(), n, List.of(Direction.MINIMIZE), history));
    assertEquals(fresh, extended);
  }

  @Test
  void theKernelIsRefittedAtEveryTrialFirstThenAtGrowingSteps() {
    for (int n = 1; n <= GpAlgorithm.REFIT_ALWAYS; n++) {
      assertEquals(n, GpAlgorithm.lastRefit(n));
    }
    assertEquals(40, GpAlgorithm.lastRefit(41));
    assertEquals(42, GpAlgorithm.lastRefit(43));
    int previous = GpAlgorithm.lastRefit(GpAlgorithm.REFIT_ALWAYS);
    for (int n = GpAlgorithm.REFIT_ALWAYS + 1; n < 3000; n++) {
      int refit = GpAlgorithm.lastRefit(n);
      assertTrue(refit <= n && refit >= previous, "n = " + n + ": " + refit);
      assertTrue(n - refit < Math.max(2, Math.min(GpAlgorithm.REFIT_MAX_STEP, 0.06 * n)),
          "n = " + n + ": last refit " + refit);
      previous = refit;
    }
    assertTrue(GpAlgorithm.lastRefit(1000) > 975);
  }

  @Test
  void aKernelIsDegradedWhenNewPointsSurpriseItNotWhenTheyConfirmIt() {
    // A smooth function the kernel below models well, observed at 30 points; then 5 more.
    Kernel kernel = new Kernel(new double[] {4}, 1, 1e-6);
    boolean[] ordered = {false};
    double[][] x = new double[35][];
    double[] smooth = new double[35];
    double[] surprising = new double[35];
    for (int i = 0; i < 35; i++) {
      x[i] = new double[] {(i * 0.618034) % 1};
      smooth[i] = Math.sin(3 * x[i][0]);
      // The last five jump by a unit the smooth kernel gives no room for.
      surprising[i] = smooth[i] + (i >= 30 ? (i % 2 == 0 ? 1 : -1) : 0);
    }
    CovarianceFactor factor = CovarianceFactor.of(x, ordered, kernel);
    assertEquals(0, GpAlgorithm.degradedAfter(factor, smooth, 5));
    assertEquals(1, GpAlgorithm.degradedAfter(factor, surprising, 5));
    // The first new point confirms the kernel and the second surprises it: two points.
    surprising[30] = smooth[30];
    assertEquals(2, GpAlgorithm.degradedAfter(factor, surprising, 5));
  }

  @Test
  void aProposalKeepsAwayFromEveryRunningTrial() {
    // Four workers ask one after the other, each while the ones before it still run.
    List<FrozenTrial> history =
        run(Samplers.gp(1), BRANIN, Direction.MINIMIZE, GpSamplerTest::branin, 10);
    Sampler sampler = Samplers.gp(1);
    List<FrozenTrial> withRunning = new ArrayList<>(history);
    List<double[]> running = new ArrayList<>();
    for (int i = 10; i < 14; i++) {
      double[] point = BRANIN.toUnit(sampler.sample(
          new SamplerContext(BRANIN, i, List.of(Direction.MINIMIZE), List.copyOf(withRunning))));
      // Blind to the running trials, the same trial would land on the first one's point.
      double[] blind = BRANIN.toUnit(
          sampler.sample(new SamplerContext(BRANIN, i, List.of(Direction.MINIMIZE), history)));
      for (double[] other : running) {
        assertTrue(distance(point, other) > 0.1, "trial " + i + " at " + Arrays.toString(point)
            + " next to a running trial at " + Arrays.toString(other));
      }
      if (!running.isEmpty()) {
        assertTrue(distance(blind, running.get(0)) < 1e-3, Arrays.toString(blind));
      }
      running.add(point);
      withRunning.add(Snapshots.running(i, BRANIN.fromUnit(point)));
    }
  }

  private static double distance(double[] a, double[] b) {
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  }

  @Test
  void aSpaceWithOneCategoricalOnlyConcentratesOnItsBestChoice() {
    SearchSpace<Config> space =
        SearchSpace.builder().categorical("c", "a", "b", "c", "d", "e").build();
    ToDoubleFunction<Config> f = c -> "abcde".indexOf(c.getString("c")) == 3 ? 0 : 1;
    List<FrozenTrial> history = run(Samplers.gp(13), space, Direction.MINIMIZE, f, 20);
    long best = history.subList(10, 20).stream().filter(t -> t.value() == 0).count();
    assertTrue(best >= 8, best + " of 10 model trials chose the best category");
  }

  @Test
  void refusesStudiesWithSeveralObjectives() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Samplers.gp(1).sample(new SamplerContext(
            BRANIN, 0, List.of(Direction.MINIMIZE, Direction.MAXIMIZE), List.of())));
    assertTrue(e.getMessage().contains("2 directions"), e.getMessage());
  }
}
