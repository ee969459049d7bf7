package dev.tunable.internal.sampler.gp;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.SearchSpace;
import dev.tunable.TrialState;
import dev.tunable.internal.Seeds;
import dev.tunable.internal.sampler.SobolSampler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gaussian-process Bayesian optimization: after {@code startupTrials} Sobol points, each trial
 * fits a Matérn-5/2 ARD Gaussian process to the complete trials (values standardized, kernel
 * hyperparameters by maximum a posteriori, see {@link KernelFit}) and proposes the point of
 * highest log expected improvement ({@link Acquisition}).
 *
 * <p>Stateless: the model is rebuilt from the study's trials at every call, and the randomness
 * of the fit's starts and of the acquisition's candidates comes from the seed and the trial
 * number, so the same history gives the same proposal in any process. Only complete trials with
 * a finite value inform the model; pruned and failed trials are ignored, and so are trials that
 * lack a dimension of the space or hold a value it does not allow. Running trials count as if
 * they had returned the worst value seen, so that parallel workers do not all evaluate the same
 * point.
 */
public final class GpSampler implements Sampler {
  /**
   * Trials proposed by the Sobol sequence before the first model is fitted, by default. Few:
   * the model's early choices explore better than more space-filling points do. Over seeds 0–99
   * of Hartmann6, 5 start-up trials left its local minimum on 77 seeds and 10 on 69, and no
   * function of the benchmark did worse (BENCHMARKS.md).
   */
  public static final int STARTUP_TRIALS = 5;

  private final long seed;
  private final int startupTrials;
  private final boolean noiseless;
  private final SobolSampler startup;

  public GpSampler(long seed) {
    this(seed, STARTUP_TRIALS, false);
  }

  /**
   * @param startupTrials complete trials needed before the first model, at least 1
   * @param noiseless whether the objective is deterministic, so that the noise is not fitted
   */
  public GpSampler(long seed, int startupTrials, boolean noiseless) {
    if (startupTrials < 1) {
      throw new IllegalArgumentException("the GP sampler needs at least 1 start-up trial to fit"
          + " a model to, got " + startupTrials);
    }
    this.seed = seed;
    this.startupTrials = startupTrials;
    this.noiseless = noiseless;
    this.startup = new SobolSampler(seed);
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
    Acquisition acquisition = acquisition(context, encoding, observations, random);
    List<double[]> bestPoints = observations.stream()
        .sorted(Comparator.comparingDouble(Observation::score))
        .limit(Acquisition.OBSERVED_STARTS)
        .map(Observation::point)
        .toList();
    return space.fromUnit(acquisition.maximize(random, bestPoints));
  }

  /**
   * The acquisition this sampler maximizes at {@code context}'s trial, fitted with the same
   * random draws {@link #sample} makes (for tests); needs at least one complete trial.
   */
  Acquisition acquisition(SamplerContext context) {
    Encoding encoding = new Encoding(context.space());
    return acquisition(context, encoding, observations(context, encoding),
        Seeds.forTrial(seed, context.trialNumber()));
  }

  /** Standardizes the observations, fits the kernel and builds the posterior's acquisition. */
  private Acquisition acquisition(SamplerContext context, Encoding encoding,
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
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      x[i] = observations.get(i).point;
      y[i] = (observations.get(i).score - mean) / deviation;
      best = Math.min(best, y[i]);
    }
    boolean[] categorical = encoding.categorical();
    Kernel kernel = KernelFit.fit(x, y, categorical, random, noiseless);
    GaussianProcess gp = new GaussianProcess(x, y, categorical, kernel);
    List<double[]> pending = pending(context, encoding);
    if (!pending.isEmpty()) {
      gp = withLiars(x, y, pending, categorical, kernel);
    }
    return new Acquisition(gp, encoding, best);
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

  @Override
  public String toString() {
    return "Samplers.gp(" + seed + ")";
  }
}
