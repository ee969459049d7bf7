package dev.tunable.internal.sampler.gp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fits the kernel's hyperparameters by maximizing the log marginal likelihood of standardized
 * observations plus a log prior (a MAP estimate), over {@code log θ_d}, {@code log s} and {@code
 * log(noise - floor)}, with analytic gradients and a few quasi-Newton starts.
 *
 * <p>The priors keep small samples from over-fitting. On each inverse squared length scale
 * {@code θ}: {@code -(0.1/θ + 0.1θ)}, which peaks at a length of 1 (the cube's side) and
 * penalizes both needle-thin and flat kernels, as Optuna's GP sampler does. On the signal
 * variance of standardized data: Gamma(2, 1). On the noise: Gamma(1.1, 30), which favours
 * small noise yet lets noisy objectives say so. The noise never drops below {@link
 * #NOISE_FLOOR}, which keeps the Cholesky factorization of near-duplicate points stable.
 *
 * <p>Commons Math offers no L-BFGS and its bounded optimizers use no gradients, while this
 * objective's gradient costs little more than its value; hence {@link BoundedLbfgs} in log
 * space, where the box bounds keep every parameter positive and within sane ranges.
 *
 * <p>Each evaluation factors an n×n matrix and inverts it, {@code O(n³)}. Above {@link #SUBSET}
 * points the multi-start search runs on a random subset of that size and its optimum is then
 * polished on all points for as many iterations as a fixed budget of about {@code 1.2e7/n³}
 * allows (at least one): this keeps a trial at 200 points within tens of milliseconds.
 */
final class KernelFit {
  static final double NOISE_FLOOR = 1e-6;
  private static final double LOG_2PI = Math.log(2 * Math.PI);
  private static final int STARTS = 8;
  private static final int REFINED = 2;
  /** Above this many points, hyperparameters are searched on a subset of this size first. */
  static final int SUBSET = 64;
  /** Iterations on all n points are capped near this many multiply-adds over n³. */
  private static final double POLISH_BUDGET = 1.2e7;

  private final double[] y;
  private final boolean noiseless;
  private final int n;
  private final int dims;
  /** Per pair i > j, per coordinate: the squared (or Hamming) difference. */
  private final double[] differences;

  KernelFit(double[][] x, double[] y, boolean[] categorical) {
    this(x, y, categorical, false);
  }

  /** @param noiseless whether the noise stays at {@link #NOISE_FLOOR} instead of being fitted */
  KernelFit(double[][] x, double[] y, boolean[] categorical, boolean noiseless) {
    this.y = y;
    this.noiseless = noiseless;
    this.n = x.length;
    this.dims = categorical.length;
    this.differences = new double[n * (n - 1) / 2 * dims];
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        for (int d = 0; d < dims; d++) {
          double delta = x[i][d] - x[j][d];
          differences[p++] = categorical[d] ? (delta == 0 ? 0 : 1) : delta * delta;
        }
      }
    }
  }

  /** The MAP kernel for points {@code x} (unit cube) and standardized values {@code y}. */
  static Kernel fit(double[][] x, double[] y, boolean[] categorical, SplittableRandom random) {
    return fit(x, y, categorical, random, false);
  }

  /** {@link #fit}, with the noise held at {@link #NOISE_FLOOR} if {@code noiseless}. */
  static Kernel fit(double[][] x, double[] y, boolean[] categorical, SplittableRandom random,
      boolean noiseless) {
    int n = x.length;
    if (n <= SUBSET) {
      KernelFit all = new KernelFit(x, y, categorical, noiseless);
      return all.kernel(all.multiStart(random));
    }
    // Each evaluation costs O(n³): search on a random subset, then polish on every point.
    int[] chosen = subset(n, random);
    double[][] xs = new double[SUBSET][];
    double[] ys = new double[SUBSET];
    for (int i = 0; i < SUBSET; i++) {
      xs[i] = x[chosen[i]];
      ys[i] = y[chosen[i]];
    }
    double[] parameters = new KernelFit(xs, ys, categorical, noiseless).multiStart(random);
    KernelFit all = new KernelFit(x, y, categorical, noiseless);
    // L-BFGS only accepts steps that improve, so the polished point is never worse.
    int iterations = (int) Math.max(1, Math.min(30, POLISH_BUDGET / ((double) n * n * n)));
    all.minimize(parameters, iterations);
    return all.kernel(parameters);
  }

  /** {@code SUBSET} distinct indices below {@code n}, by a partial Fisher–Yates shuffle. */
  private static int[] subset(int n, SplittableRandom random) {
    int[] indices = new int[n];
    for (int i = 0; i < n; i++) {
      indices[i] = i;
    }
    for (int i = 0; i < SUBSET; i++) {
      int j = i + random.nextInt(n - i);
      int swap = indices[i];
      indices[i] = indices[j];
      indices[j] = swap;
    }
    return Arrays.copyOf(indices, SUBSET);
  }

  private double[] low() {
    double[] low = new double[dims + 2];
    Arrays.fill(low, 0, dims, Math.log(1e-3));
    low[dims] = Math.log(1e-2);
    low[dims + 1] = Math.log(1e-9);
    return low;
  }

  private double[] high() {
    double[] high = new double[dims + 2];
    Arrays.fill(high, 0, dims, Math.log(1e4));
    high[dims] = Math.log(1e2);
    high[dims + 1] = noiseless ? Math.log(1e-9) : Math.log(2);
    return high;
  }

  /** Minimizes from {@code parameters}, in place; returns the value reached. */
  private double minimize(double[] parameters, int iterations) {
    return BoundedLbfgs.minimize(
        this::negativeObjective, parameters, low(), high(), iterations, 1e-5, 1e-9);
  }

  /** The best of a few L-BFGS runs from the most promising of several starts. */
  private double[] multiStart(SplittableRandom random) {
    int size = dims + 2;
    // Starts: the priors' modes, then random ones; the best few by objective are refined.
    double[][] starts = new double[STARTS][size];
    double[] values = new double[STARTS];
    double[] scratch = new double[size];
    for (int s = 0; s < STARTS; s++) {
      double[] start = starts[s];
      for (int d = 0; d < dims; d++) {
        start[d] = s == 0 ? 0 : Math.log(0.1) + random.nextDouble() * Math.log(1e3);
      }
      start[dims] = s == 0 ? 0 : Math.log(0.5) + random.nextDouble() * Math.log(4);
      start[dims + 1] = noiseless ? Math.log(1e-9)
          : s == 0 ? Math.log(1e-3) : Math.log(1e-6) + random.nextDouble() * Math.log(1e5);
      values[s] = negativeObjective(start, scratch);
    }
    Integer[] order = new Integer[STARTS];
    for (int s = 0; s < STARTS; s++) {
      order[s] = s;
    }
    Arrays.sort(order, (a, b) -> Double.compare(orInfinity(values[a]), orInfinity(values[b])));
    double[] best = starts[order[0]].clone();
    double bestValue = Double.POSITIVE_INFINITY;
    for (int r = 0; r < REFINED; r++) {
      double[] point = starts[order[r]].clone();
      double value = minimize(point, 100);
      if (value < bestValue) {
        bestValue = value;
        best = point;
      }
    }
    return best;
  }

  private static double orInfinity(double value) {
    return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
  }

  private Kernel kernel(double[] parameters) {
    double[] theta = new double[dims];
    for (int d = 0; d < dims; d++) {
      theta[d] = Math.exp(parameters[d]);
    }
    return new Kernel(
        theta, Math.exp(parameters[dims]), NOISE_FLOOR + Math.exp(parameters[dims + 1]));
  }

  /**
   * Minus (log marginal likelihood + log prior) at {@code parameters}, with its gradient; +∞ if
   * the covariance cannot be factored.
   */
  double negativeObjective(double[] parameters, double[] gradient) {
    Kernel kernel = kernel(parameters);
    double[] theta = kernel.inverseSquaredLengths();
    double scale = kernel.scale();
    // Covariance, and per pair the factor multiplying θ_d·Δ_d² in ∂K/∂log θ_d.
    double[] k = new double[n * n];
    double[] shapes = new double[n * (n - 1) / 2];
    double[] slopes = new double[shapes.length];
    covariance(kernel, k, shapes, slopes);
    double[] l = Cholesky.factorOrNull(k, n);
    if (l == null) {
      Arrays.fill(gradient, 0);
      return Double.POSITIVE_INFINITY;
    }
    double[] alpha = Cholesky.solve(l, n, y);
    double logLikelihood = -0.5 * n * LOG_2PI;
    for (int i = 0; i < n; i++) {
      logLikelihood -= 0.5 * y[i] * alpha[i] + Math.log(l[i * n + i]);
    }
    likelihoodGradient(alpha, Cholesky.inverse(l, n), scale, shapes, slopes, gradient);
    double logPrior = 0;
    for (int d = 0; d < dims; d++) {
      gradient[d] *= theta[d];
      logPrior -= 0.1 / theta[d] + 0.1 * theta[d];
      gradient[d] += 0.1 / theta[d] - 0.1 * theta[d];
    }
    double noise = kernel.noise();
    double rawNoise = noise - NOISE_FLOOR;
    logPrior += Math.log(scale) - scale + 0.1 * Math.log(noise) - 30 * noise;
    gradient[dims] = gradient[dims] + 1 - scale;
    gradient[dims + 1] = (gradient[dims + 1] + 0.1 / noise - 30) * rawNoise;
    for (int q = 0; q < gradient.length; q++) {
      gradient[q] = -gradient[q];
    }
    return -(logLikelihood + logPrior);
  }

  /*
   * The two pair loops below are methods of their own, not parts of negativeObjective: the JIT
   * then compiles them whole within a few fits, where one large method ran for dozens of fits
   * in slower code between compilations of its loops (3-5 times the cost per evaluation, measured
   * with -XX:+PrintCompilation at 38-48 points).
   */

  /** Fills the covariance {@code k}, and per pair i > j the kernel's shape and slope factor. */
  private void covariance(Kernel kernel, double[] k, double[] shapes, double[] slopes) {
    double[] theta = kernel.inverseSquaredLengths();
    double scale = kernel.scale();
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++, p++) {
        double r2 = 0;
        int base = p * dims;
        for (int d = 0; d < dims; d++) {
          r2 += theta[d] * differences[base + d];
        }
        double r = Math.sqrt(r2);
        shapes[p] = Kernel.shape(r);
        slopes[p] = 0.5 * scale * Kernel.slopeOverR(r);
        k[i * n + j] = scale * shapes[p];
      }
      k[i * n + i] = scale + kernel.noise();
    }
  }

  /**
   * The log likelihood's gradient, {@code ∂/∂p = ½ tr(W ∂K/∂p)} with {@code W = ααᵀ - K⁻¹}, into
   * {@code gradient}: by {@code θ_d·Δ_d²} sums per length scale (before the chain rule's factor
   * θ_d), then by the scale and by the noise.
   */
  private void likelihoodGradient(double[] alpha, double[] inverse, double scale,
      double[] shapes, double[] slopes, double[] gradient) {
    Arrays.fill(gradient, 0);
    double scaleGradient = 0;
    double noiseGradient = 0;
    // Pairs i > j count twice, which cancels the ½.
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++, p++) {
        double w = alpha[i] * alpha[j] - inverse[i * n + j];
        scaleGradient += w * scale * shapes[p];
        double factor = w * slopes[p];
        int base = p * dims;
        for (int d = 0; d < dims; d++) {
          gradient[d] += factor * differences[base + d];
        }
      }
      double w = alpha[i] * alpha[i] - inverse[i * n + i];
      scaleGradient += 0.5 * w * scale;
      noiseGradient += 0.5 * w;
    }
    gradient[dims] = scaleGradient;
    gradient[dims + 1] = noiseGradient;
  }
}
