package dev.tunable.internal.sampler.gp;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.SearchSpace;
import dev.tunable.TrialState;
import dev.tunable.internal.Seeds;
import dev.tunable.internal.sampler.SobolAlgorithm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Gaussian-process Bayesian optimization: after {@code startupTrials} Sobol points, each trial
 * fits a Matérn-5/2 ARD Gaussian process to the complete trials (values standardized after
 * compressing a long upper tail, see {@link #warped}; kernel
 * hyperparameters by maximum a posteriori, see {@link KernelFit}) and proposes the point of
 * highest log expected improvement ({@link Acquisition}) over the lowest posterior mean at the
 * observed points ({@link #incumbent}).
 *
 * <p>Once progress stalls (the last {@value #STALL_WINDOW} trials improved the best value by
 * less than 1e-4 of the improvement since the first ones), every other trial sets the best
 * point's neighbourhood aside: the posterior is built from the points more than one length scale
 * away from it, with the best of those as the value to improve on. Expected improvement alone
 * keeps refining a local optimum whose fitted length scales make the rest of the space look
 * known; restarts of trust-region methods (TuRBO) leave such a basin too, but throw away what
 * the model learned. The trials in between go on refining the best point. On Hartmann6 this took
 * the seeds that leave its local minimum from 25 to 27 of 30 on seeds 0–29 (BENCHMARKS.md).
 *
 * <p>What a trial costs stays bounded as the study grows (issue 15). The kernel is refitted at
 * every trial up to {@value #REFIT_ALWAYS} observations, then only when their number has grown
 * by {@value #REFIT_GROWTH} of itself (at most {@value #REFIT_MAX_STEP}) since the last refit,
 * or when the observations since then fit the kernel poorly ({@link #degradedAfter}: the kernel
 * refitted then serves until the next scheduled refit); in between, the covariance factor of the trials before grows by the new trials' rows ({@link
 * CovarianceFactor}). Beyond {@value ModelledSubset#SIZE} observations the model is built on a
 * subset of them ({@link ModelledSubset}) plus the trials since the last refit.
 *
 * <p>The same history gives the same proposal in any process. Which kernel a trial uses, the
 * subset and the random draws of the kernel's fit are functions of the complete trials alone
 * (the fit's draws come from the seed and the number of observations it is fitted to), and the
 * acquisition's from the seed and the trial number. What the sampler keeps between calls
 * ({@link ModelCache}) only spares recomputing those functions, giving bit for bit what
 * recomputing gives; a resumed study or another process recomputes them. Only complete trials
 * with a finite value inform the model; pruned and failed trials are ignored, and so are trials
 * that lack an active dimension of the space or hold a value it does not allow. Running trials
 * count as if they had returned the model's posterior mean there (but no better than the best
 * value seen), so that parallel workers do not all evaluate the same point ({@link
 * #withBelievedRunningTrials}).
 *
 * <p>On a conditional space, one model covers every branch: the coordinates of a dimension that a
 * trial, or a point the acquisition weighs, leaves inactive are set to one constant ({@link
 * Encoding#imputed}), so that points of one branch are compared on that branch's dimensions and
 * points of different branches differ by the choice's coordinate, whose length scale says how
 * much one branch's values tell about another's. A proposal's inactive coordinates are ignored.
 */
public final class GpAlgorithm implements Sampler {
  /** Trials without progress after which the best point's neighbourhood is set aside. */
  static final int STALL_WINDOW = 10;
  /** Progress below this fraction of the progress since the first trials does not count. */
  private static final double STALL_TOLERANCE = 1e-4;
  /** The fewest observations a model set aside from the best point's neighbourhood keeps. */
  private static final int MIN_KEPT = 5;
  /** Up to this many observations, the kernel is refitted at every trial. */
  static final int REFIT_ALWAYS = 40;
  /** Beyond, it is refitted each time the observations grow by this fraction, */
  static final double REFIT_GROWTH = 0.05;
  /** or by this many, whichever is fewer. */
  static final int REFIT_MAX_STEP = 25;
  /**
   * Observations since the last refit that are less likely under its kernel, per point, than the
   * ones it was fitted to by more than this many nats make the kernel refitted at once.
   */
  static final double DEGRADED = 1.0;
  /** A tail this many times as far above the median as the best lies below it is compressed. */
  static final double TAIL_RATIO = 10;
  /** Distinguishes the kernel fits' random draws from the trials' own. */
  private static final long FIT_STREAM = 0x6B65726E656C4669L;

  private final long seed;
  private final int startupTrials;
  private final boolean noiseless;
  private final SobolAlgorithm startup;
  private final ModelCache cache = new ModelCache();

  public GpAlgorithm(long seed, GpSettings settings) {
    this.seed = seed;
    this.startupTrials = settings.startupTrials();
    this.noiseless = settings.deterministicObjective();
    this.startup = new SobolAlgorithm(seed);
    LogEi.load();
  }

  @Override
  public Config sample(SamplerContext context) {
    if (context.directions().size() != 1) {
      throw new IllegalArgumentException(
          "the GP sampler optimizes one objective, but the study has " + context.directions().size()
              + " directions " + context.directions() + "; use a multi-objective sampler");
    }
    SearchSpace<?> space = context.space();
    if (space.size() == 0) {
      return space.fromUnit(new double[0]);
    }
    Encoding encoding = new Encoding(space);
    List<Observation> observations = observations(context, encoding);
    if (observations.size() < startupTrials) {
      return startup.sample(context);
    }
    SplittableRandom random = Seeds.forTrial(seed, context.trialNumber());
    Search search = search(context, encoding, observations, random);
    return space.fromUnit(search.acquisition.maximize(random, search.bestPoints));
  }

  /**
   * The acquisition this sampler maximizes at {@code context}'s trial, fitted with the same
   * random draws {@link #sample} makes (for tests); needs at least one complete trial.
   */
  Acquisition acquisition(SamplerContext context) {
    Encoding encoding = new Encoding(context.space());
    return search(context, encoding, observations(context, encoding),
        Seeds.forTrial(seed, context.trialNumber())).acquisition;
  }

  /**
   * How many of the complete trials of {@code context} the kernel of its proposal was fitted to
   * (for tests).
   */
  int fittedTo(SamplerContext context) {
    Encoding encoding = new Encoding(context.space());
    List<Observation> observations = observations(context, encoding);
    double[][] x = observations.stream().map(Observation::point).toArray(double[][]::new);
    double[] scores = observations.stream().mapToDouble(Observation::score).toArray();
    return model(x, scores, standardized(warped(scores)), encoding.categorical()).fittedTo;
  }

  /** An acquisition to maximize, and the best points its local searches start near. */
  private record Search(Acquisition acquisition, List<double[]> bestPoints) {}

  /**
   * Standardizes the observations and takes the model of {@link #model}; builds the posterior on
   * its points, or, once progress has stalled, on those outside the best point's neighbourhood.
   */
  private Search search(SamplerContext context, Encoding encoding,
      List<Observation> observations, SplittableRandom random) {
    int n = observations.size();
    double[][] x = new double[n][];
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = observations.get(i).point;
      scores[i] = observations.get(i).score;
    }
    double[] y = standardized(warped(scores));
    boolean[] categorical = encoding.categorical();
    Model model = model(x, scores, y, categorical);
    Kernel kernel = model.factor.kernel();
    // Every other trial only: in between, the best point's neighbourhood goes on being refined.
    boolean lookElsewhere = context.trialNumber() % 2 == 0 && stalled(y);
    List<Integer> kept = lookElsewhere
        ? outsideBestNeighbourhood(x, y, model.points, categorical, kernel) : null;
    CovarianceFactor factor = model.factor;
    if (kept == null || kept.size() < MIN_KEPT) {
      kept = model.points;
    } else {
      factor = CovarianceFactor.of(pointsOf(x, kept), categorical, kernel);
    }
    double[] keptY = valuesOf(y, kept);
    List<double[]> pending = pending(context, encoding);
    GaussianProcess gp = pending.isEmpty()
        ? new GaussianProcess(factor, keptY)
        : withBelievedRunningTrials(factor, keptY, pending);
    List<double[]> bestPoints = kept.stream()
        .sorted(Comparator.comparingDouble(i -> y[i]))
        .limit(Acquisition.OBSERVED_STARTS)
        .map(i -> x[i])
        .toList();
    return new Search(new Acquisition(gp, encoding, incumbent(gp, pointsOf(x, kept))),
        bestPoints);
  }

  /**
   * The value expected improvement improves on: the lowest posterior mean at the observed points
   * (the "plug-in" incumbent), not the lowest observed value. On a noisy objective the lowest
   * observation is mostly a lucky draw, and improving on it looks hopeless everywhere, so the
   * search stalls; on a noiseless one the two agree. On noisy Branin the GP's median log10 regret
   * at 300 trials went from -1.35 to -1.87 (BENCHMARKS.md).
   */
  static double incumbent(GaussianProcess gp, double[][] observed) {
    return Arrays.stream(observed).mapToDouble(gp::mean).min().orElseThrow();
  }

  /**
   * The scores as given or, if their upper tail reaches more than {@value #TAIL_RATIO} times as
   * far above the median as the median lies above the best, {@code log(1 + (s - best) / (median
   * - best))}: same order, same scale near the best, the tail compressed. Values that span orders
   * of magnitude (Goldstein–Price, Beale, Rosenbrock: from near 0 to 10^5–10^6) otherwise leave
   * the standardized good values all near one level, and the model, dominated by the tail, sees
   * no structure where the minimum lies; several BO libraries warp such values (log, power or
   * rank). With it, the GP's median log10 regret at 100 trials (30 seeds) went from -0.17 to
   * -3.52 on Goldstein–Price, -1.13 to -4.32 on Beale, 1.61 to 0.68 on Rosenbrock5
   * (BENCHMARKS.md).
   */
  static double[] warped(double[] scores) {
    int n = scores.length;
    if (n < 3) {
      return scores;
    }
    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double best = sorted[0];
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    double spread = median - best;
    if (!(spread > 0) || sorted[n - 1] - median <= TAIL_RATIO * spread) {
      return scores;
    }
    double[] warped = new double[n];
    for (int i = 0; i < n; i++) {
      warped[i] = Math.log1p((scores[i] - best) / spread);
    }
    return warped;
  }

  /** The scores shifted and scaled to mean 0 and variance 1 (mean 0 only, if all are equal). */
  private static double[] standardized(double[] scores) {
    int n = scores.length;
    double mean = 0;
    for (double score : scores) {
      mean += score / n;
    }
    double variance = 0;
    for (double score : scores) {
      variance += (score - mean) * (score - mean) / n;
    }
    double deviation = variance > 0 ? Math.sqrt(variance) : 1;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = (scores[i] - mean) / deviation;
    }
    return y;
  }

  /**
   * The points a model is built on (indices into the observations) and their covariance factor
   * under the kernel fitted at the last refit ({@link #lastRefit}); if the observations since
   * that refit came to fit it poorly ({@link #degradedAfter}), under the kernel fitted to the
   * observations up to the first that made it so, which stays in use until the next scheduled
   * refit. Refitting at every later trial instead cost noisy objectives, whose new points go on
   * surprising the scheduled kernel, a fit per trial (2-D noisy Branin at 150 trials: 22–28 ms a
   * proposal instead of 2–3 ms).
   */
  private Model model(double[][] x, double[] scores, double[] y, boolean[] categorical) {
    int n = x.length;
    int refit = lastRefit(n);
    Model model = model(x, scores, y, categorical, refit);
    if (refit < n) {
      int degraded = degradedAfter(model.factor, valuesOf(y, model.points), n - refit);
      if (degraded > 0) {
        model = model(x, scores, y, categorical, refit + degraded);
      }
    }
    return model;
  }

  /** The model with the kernel fitted to the first {@code refit} observations. */
  private Model model(
      double[][] x, double[] scores, double[] y, boolean[] categorical, int refit) {
    List<Integer> fitted = ModelledSubset.of(x, scores, refit, categorical);
    Kernel kernel = cache.kernel(x, scores, refit, categorical,
        () -> KernelFit.fit(pointsOf(x, fitted), standardized(warped(valuesOf(scores, fitted))),
            categorical, Seeds.forTrial(seed ^ FIT_STREAM, refit), noiseless));
    List<Integer> points = new ArrayList<>(fitted);
    for (int i = refit; i < x.length; i++) {
      points.add(i);
    }
    return new Model(points, cache.factor(pointsOf(x, points), categorical, kernel), refit);
  }

  /**
   * The observations a model is built on (indices, in order: those the kernel was fitted to,
   * then those since), their covariance factor, and how many observations the kernel was fitted
   * to.
   */
  private record Model(List<Integer> points, CovarianceFactor factor, int fittedTo) {}

  /**
   * The number of observations the kernel in use was fitted to, with {@code n} observations:
   * {@code n} itself up to {@link #REFIT_ALWAYS}, then a point of a schedule whose steps grow
   * with the number of observations by {@link #REFIT_GROWTH} (at least 1, at most {@link
   * #REFIT_MAX_STEP}). A function of {@code n} alone, so that any process finds the same kernel
   * for the same history; between refits the covariance factor grows by appending rows.
   */
  static int lastRefit(int n) {
    if (n <= REFIT_ALWAYS) {
      return n;
    }
    int refit = REFIT_ALWAYS;
    while (true) {
      int step = (int) Math.min(REFIT_MAX_STEP, Math.max(1, Math.ceil(refit * REFIT_GROWTH)));
      if (refit + step > n) {
        return refit;
      }
      refit += step;
    }
  }

  /**
   * How many of the last {@code added} of the factor's points, with values {@code y}, it takes
   * before the first of them are less likely under its kernel than the points before them, by
   * more than {@link #DEGRADED} nats per point on average (0 if that never happens): each point's
   * log density given the points before it, {@code -½z_i² - log L_ii} with {@code z = L⁻¹y}, read
   * off the factor in {@code O(n²)}, and a point's density does not depend on the points after
   * it. Points the model predicted well, as those refining a minimum, raise it; surprises lower
   * it.
   */
  static int degradedAfter(CovarianceFactor factor, double[] y, int added) {
    int n = factor.size();
    double[] lower = factor.lower();
    double[] z = Cholesky.forward(lower, n, y);
    double before = 0;
    double after = 0;
    for (int i = 0; i < n; i++) {
      double density = -0.5 * z[i] * z[i] - Math.log(lower[i * n + i]);
      if (i < n - added) {
        before += density / (n - added);
      } else {
        after += density;
        int count = i - (n - added) + 1;
        if (after / count < before - DEGRADED) {
          return count;
        }
      }
    }
    return 0;
  }

  private static double[] valuesOf(double[] y, List<Integer> indices) {
    double[] values = new double[indices.size()];
    for (int k = 0; k < values.length; k++) {
      values[k] = y[indices.get(k)];
    }
    return values;
  }

  private static double[][] pointsOf(double[][] x, List<Integer> indices) {
    double[][] points = new double[indices.size()][];
    for (int k = 0; k < points.length; k++) {
      points[k] = x[indices.get(k)];
    }
    return points;
  }

  /**
   * Whether the last {@link #STALL_WINDOW} observations (in trial order) improved the best value
   * by less than {@link #STALL_TOLERANCE} of all the improvement since the first {@link
   * #STALL_WINDOW}: a scale the objective's own units and outliers do not distort.
   */
  static boolean stalled(double[] y) {
    int n = y.length;
    if (n < 2 * STALL_WINDOW) {
      return false;
    }
    double bestBefore = Double.POSITIVE_INFINITY;
    double best = Double.POSITIVE_INFINITY;
    double first = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (i < n - STALL_WINDOW) {
        bestBefore = Math.min(bestBefore, y[i]);
      }
      if (i < STALL_WINDOW) {
        first = Math.min(first, y[i]);
      }
      best = Math.min(best, y[i]);
    }
    return bestBefore - best <= STALL_TOLERANCE * (first - best);
  }

  /**
   * Those of {@code candidates} at least one length scale (kernel distance 1) from the best of
   * them.
   */
  private static List<Integer> outsideBestNeighbourhood(double[][] x, double[] y,
      List<Integer> candidates, boolean[] categorical, Kernel kernel) {
    int best = candidates.get(0);
    for (int i : candidates) {
      if (y[i] < y[best]) {
        best = i;
      }
    }
    List<Integer> outside = new ArrayList<>();
    for (int i : candidates) {
      if (kernel.squaredDistance(x[i], x[best], categorical) >= 1) {
        outside.add(i);
      }
    }
    return outside;
  }

  /**
   * The posterior with every running trial's point added as if it had returned what the model
   * expects there, its posterior mean (the kriging believer of Ginsbourger et al. 2010), but no
   * better than the best value seen: the variance collapses at those points and shrinks near
   * them, and expected improvement over the best value vanishes at them, so parallel workers
   * spread out, while the mean elsewhere stays what the real values say. (A believed value
   * below the best would leave expected improvement at the running point itself: the next
   * worker would be sent next to it.) The kernel stays the one fitted to real values.
   *
   * <p>Before (issue 15), running trials counted as the worst value seen (a pessimistic
   * constant liar), which spread the workers too but made the model believe that the region
   * being refined was poor: with 4 workers, Branin's median log10 regret at 100 trials was
   * -2.78 with it and is -5.53 with the believer (one worker: -5.04); the plain believer,
   * without the bound, gave -5.45 there, and -4.88 against -5.14 with 8 workers (BENCHMARKS.md).
   */
  private static GaussianProcess withBelievedRunningTrials(
      CovarianceFactor factor, double[] y, List<double[]> pending) {
    int n = y.length;
    GaussianProcess real = new GaussianProcess(factor, y);
    double best = Arrays.stream(y).min().orElseThrow();
    double[][] allX = Arrays.copyOf(factor.x(), n + pending.size());
    double[] allY = Arrays.copyOf(y, n + pending.size());
    double[] prediction = new double[2];
    for (int i = 0; i < pending.size(); i++) {
      allX[n + i] = pending.get(i);
      real.predict(pending.get(i), prediction, null, null);
      allY[n + i] = Math.max(best, prediction[0]);
    }
    return new GaussianProcess(
        factor.extendedTo(allX, factor.categorical(), factor.kernel()), allY);
  }

  /** The encoded points of trials still running, asked for before this one. */
  private static List<double[]> pending(SamplerContext context, Encoding encoding) {
    List<double[]> pending = new ArrayList<>();
    for (FrozenTrial trial : context.trials()) {
      if (trial.state() == TrialState.RUNNING && trial.number() < context.trialNumber()) {
        double[] point = encoding.encode(trial.params());
        if (point != null) {
          pending.add(point);
        }
      }
    }
    return pending;
  }

  /** Encoded complete trials, scored so that lower is better. */
  private static List<Observation> observations(SamplerContext context, Encoding encoding) {
    boolean minimize = context.direction() == Direction.MINIMIZE;
    List<Observation> observations = new ArrayList<>();
    for (FrozenTrial trial : context.trials()) {
      if (trial.state() != TrialState.COMPLETE || !Double.isFinite(trial.value())) {
        continue;
      }
      double[] point = encoding.encode(trial.params());
      if (point != null) {
        observations.add(new Observation(point, minimize ? trial.value() : -trial.value()));
      }
    }
    return observations;
  }

  private record Observation(double[] point, double score) {}
}
