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
 * fits a Matérn-5/2 ARD Gaussian process to the complete trials (values standardized, kernel
 * hyperparameters by maximum a posteriori, see {@link KernelFit}) and proposes the point of
 * highest log expected improvement ({@link Acquisition}).
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
 * <p>Stateless: the model is rebuilt from the study's trials at every call, and the randomness
 * of the fit's starts and of the acquisition's candidates comes from the seed and the trial
 * number, so the same history gives the same proposal in any process. Only complete trials with
 * a finite value inform the model; pruned and failed trials are ignored, and so are trials that
 * lack an active dimension of the space or hold a value it does not allow. Running trials count
 * as if they had returned the worst value seen, so that parallel workers do not all evaluate the
 * same point.
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

  private final long seed;
  private final int startupTrials;
  private final boolean noiseless;
  private final SobolAlgorithm startup;

  public GpAlgorithm(long seed, GpSettings settings) {
    this.seed = seed;
    this.startupTrials = settings.startupTrials();
    this.noiseless = settings.deterministicObjective();
    this.startup = new SobolAlgorithm(seed);
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

  /** An acquisition to maximize, and the best points its local searches start near. */
  private record Search(Acquisition acquisition, List<double[]> bestPoints) {}

  /**
   * Standardizes the observations and fits the kernel; builds the posterior on every
   * observation, or, once progress has stalled, on those outside the best point's
   * neighbourhood.
   */
  private Search search(SamplerContext context, Encoding encoding,
      List<Observation> observations, SplittableRandom random) {
    int n = observations.size();
    double[][] x = new double[n][];
    double[] y = new double[n];
    double mean = 0;
    for (Observation observation : observations) {
      mean += observation.score / n;
    }
    double variance = 0;
    for (Observation observation : observations) {
      variance += (observation.score - mean) * (observation.score - mean) / n;
    }
    double deviation = variance > 0 ? Math.sqrt(variance) : 1;
    for (int i = 0; i < n; i++) {
      x[i] = observations.get(i).point;
      y[i] = (observations.get(i).score - mean) / deviation;
    }
    boolean[] categorical = encoding.categorical();
    Kernel kernel = KernelFit.fit(x, y, categorical, random, noiseless);
    // Every other trial only: in between, the best point's neighbourhood goes on being refined.
    boolean lookElsewhere = context.trialNumber() % 2 == 0 && stalled(y);
    List<Integer> kept = lookElsewhere ? outsideBestNeighbourhood(x, y, categorical, kernel) : null;
    if (kept == null || kept.size() < MIN_KEPT) {
      kept = IntStream.range(0, n).boxed().toList();
    }
    double[][] keptX = new double[kept.size()][];
    double[] keptY = new double[kept.size()];
    for (int k = 0; k < kept.size(); k++) {
      keptX[k] = x[kept.get(k)];
      keptY[k] = y[kept.get(k)];
    }
    GaussianProcess gp = new GaussianProcess(keptX, keptY, categorical, kernel);
    List<double[]> pending = pending(context, encoding);
    if (!pending.isEmpty()) {
      gp = withLiars(keptX, keptY, pending, categorical, kernel);
    }
    List<double[]> bestPoints = kept.stream()
        .sorted(Comparator.comparingDouble(i -> y[i]))
        .limit(Acquisition.OBSERVED_STARTS)
        .map(i -> x[i])
        .toList();
    return new Search(
        new Acquisition(gp, encoding, Arrays.stream(keptY).min().orElseThrow()), bestPoints);
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

  /** Indices of the points at least one length scale (kernel distance 1) from the best one. */
  private static List<Integer> outsideBestNeighbourhood(
      double[][] x, double[] y, boolean[] categorical, Kernel kernel) {
    int best = 0;
    for (int i = 1; i < y.length; i++) {
      if (y[i] < y[best]) {
        best = i;
      }
    }
    List<Integer> outside = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (kernel.squaredDistance(x[i], x[best], categorical) >= 1) {
        outside.add(i);
      }
    }
    return outside;
  }

  /**
   * The posterior with every running trial's point added as if it had returned the worst value
   * seen (a pessimistic constant liar): expected improvement vanishes there, so parallel workers
   * spread out instead of all evaluating the same best point. The kernel stays the one fitted to
   * real values.
   */
  private static GaussianProcess withLiars(
      double[][] x, double[] y, List<double[]> pending, boolean[] categorical, Kernel kernel) {
    int n = x.length;
    double worst = Double.NEGATIVE_INFINITY;
    for (double value : y) {
      worst = Math.max(worst, value);
    }
    double[][] allX = Arrays.copyOf(x, n + pending.size());
    double[] allY = Arrays.copyOf(y, n + pending.size());
    for (int i = 0; i < pending.size(); i++) {
      allX[n + i] = pending.get(i);
      allY[n + i] = worst;
    }
    return new GaussianProcess(allX, allY, categorical, kernel);
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
