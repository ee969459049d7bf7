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
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Gaussian-process Bayesian optimization: after {@link #STARTUP_TRIALS} Sobol points, each trial
 * fits a Matérn-5/2 ARD Gaussian process to the complete trials (values standardized, kernel
 * hyperparameters by maximum a posteriori, see {@link KernelFit}) and proposes the point of
 * highest log expected improvement ({@link Acquisition}).
 *
 * <p>Stateless: the model is rebuilt from the study's trials at every call, and the randomness
 * of the fit's starts and of the acquisition's candidates comes from the seed and the trial
 * number, so the same history gives the same proposal in any process. Only complete trials with
 * a finite value inform the model; running, pruned and failed trials are ignored, and so are
 * trials that lack a dimension of the space or hold a value it does not allow.
 */
public final class GpSampler implements Sampler {
  /** Trials proposed by the Sobol sequence before the first model is fitted. */
  public static final int STARTUP_TRIALS = 10;

  private final long seed;
  private final SobolSampler startup;

  public GpSampler(long seed) {
    this.seed = seed;
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
    if (observations.size() < STARTUP_TRIALS) {
      return startup.sample(context);
    }
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
    SplittableRandom random = Seeds.forTrial(seed, context.trialNumber());
    boolean[] categorical = encoding.categorical();
    Kernel kernel = KernelFit.fit(x, y, categorical, random);
    GaussianProcess gp = new GaussianProcess(x, y, categorical, kernel);
    List<double[]> bestPoints = observations.stream()
        .sorted(Comparator.comparingDouble(Observation::score))
        .limit(Acquisition.OBSERVED_STARTS)
        .map(Observation::point)
        .toList();
    double[] point = new Acquisition(gp, encoding, best).maximize(random, bestPoints);
    return space.fromUnit(point);
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
