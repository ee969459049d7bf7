package dev.tunable.internal.sampler.cmaes;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One generation's search distribution of a (μ/μ_w, λ)-CMA-ES, with the update to the next one,
 * after Hansen's tutorial "The CMA Evolution Strategy" (2016, arXiv:1604.00772): weighted
 * recombination of the μ best of λ points, cumulation paths p_σ and p_c, rank-one and rank-μ
 * updates of C, the active update (negative weights for the worse half, tutorial eq. 46–53), and
 * cumulative step-size adaptation. Immutable: {@link #tell} returns the next generation, so that
 * states can be cached and shared between threads.
 *
 * <p>C is decomposed as B·D²·Bᵀ after every update, for sampling and whitening; given the same
 * points the update gives the distribution that the {@code cmaes} package (Optuna's CMA-ES) gives.
 */
final class Cma {
  private final Parameters p;
  private final int generation;
  private final double[] mean;
  private final double sigma;
  private final double[][] c;
  private final double[] pc;
  private final double[] ps;
  /** Eigenvectors of C as columns, and the square roots of its eigenvalues. */
  private final double[][] b;
  private final double[] d;

  private Cma(
      Parameters p, int generation, double[] mean, double sigma, double[][] c, double[] pc,
      double[] ps, double[][] b, double[] d) {
    this.p = p;
    this.generation = generation;
    this.mean = mean;
    this.sigma = sigma;
    this.c = c;
    this.pc = pc;
    this.ps = ps;
    this.b = b;
    this.d = d;
  }

  /**
   * The first generation: N(mean, sigma² I) with the default strategy parameters for λ, the
   * active update included.
   */
  static Cma start(double[] mean, double sigma, int lambda) {
    return start(mean, sigma, lambda, true);
  }

  /** {@link #start}, with or without the active update of C. */
  static Cma start(double[] mean, double sigma, int lambda, boolean active) {
    int n = mean.length;
    double[][] identity = new double[n][n];
    double[] ones = new double[n];
    for (int i = 0; i < n; i++) {
      identity[i][i] = 1;
      ones[i] = 1;
    }
    return new Cma(new Parameters(n, lambda, active), 0, mean.clone(), sigma, identity,
        new double[n], new double[n], copy(identity), ones);
  }

  /** The default population size, 4 + ⌊3 ln n⌋. */
  static int defaultLambda(int n) {
    return 4 + (int) Math.floor(3 * Math.log(Math.max(1, n)));
  }

  /**
   * The positive recombination weights of the μ = ⌊λ/2⌋ best points, w_i ∝ ln((λ+1)/2) − ln i,
   * summing to 1.
   */
  static double[] weights(int lambda) {
    double halfLambda = lambda / 2.0;
    double[] weights = new double[(int) Math.floor(halfLambda)];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = Math.log(halfLambda + 0.5) - Math.log(i + 1);
      sum += weights[i];
    }
    for (int i = 0; i < weights.length; i++) {
      weights[i] /= sum;
    }
    return weights;
  }

  /** μ_eff = 1 / Σ w_i², the variance effective selection mass. */
  static double effectiveMu(double[] weights) {
    double squares = 0;
    for (double w : weights) {
      squares += w * w;
    }
    return 1 / squares;
  }

  int dimension() {
    return p.n;
  }

  int lambda() {
    return p.lambda;
  }

  int mu() {
    return p.mu;
  }

  /** The number of updates since {@link #start}. */
  int generation() {
    return generation;
  }

  double[] mean() {
    return mean.clone();
  }

  double mean(int i) {
    return mean[i];
  }

  double sigma() {
    return sigma;
  }

  /** The standard deviation of coordinate {@code i}: σ·√C_ii. */
  double coordinateDeviation(int i) {
    return sigma * Math.sqrt(c[i][i]);
  }

  /** Entry (i, j) of C. */
  double covariance(int i, int j) {
    return c[i][j];
  }

  double evolutionPath(int i) {
    return pc[i];
  }

  /** The condition number of C, from its last decomposition. */
  double condition() {
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double v : d) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    return (max * max) / (min * min);
  }

  /** The largest standard deviation along a principal axis: σ·max(D). */
  double largestAxis() {
    double max = 0;
    for (double v : d) {
      max = Math.max(max, v);
    }
    return sigma * max;
  }

  /** The step y = B·D·z of standard normal {@code z}: a sample is mean + σ·y. */
  double[] step(double[] z) {
    double[] scaled = new double[p.n];
    for (int i = 0; i < p.n; i++) {
      scaled[i] = d[i] * z[i];
    }
    return multiply(b, scaled);
  }

  /** C^(-1/2)·y = B·D⁻¹·Bᵀ·y, the step in the coordinates where C is the identity. */
  double[] whiten(double[] y) {
    double[] rotated = multiplyTransposed(b, y);
    for (int i = 0; i < p.n; i++) {
      rotated[i] /= d[i];
    }
    return multiply(b, rotated);
  }

  /**
   * Limits an injected step's Mahalanobis length to √n + 2n/(n+2), as the tutorial advises for
   * solutions that were not sampled from this distribution (Appendix B.4, injecting solutions).
   */
  double[] clipInjected(double[] y) {
    double limit = Math.sqrt(p.n) + 2.0 * p.n / (p.n + 2);
    double length = norm(whiten(y));
    if (length <= limit) {
      return y;
    }
    double[] clipped = y.clone();
    for (int i = 0; i < p.n; i++) {
      clipped[i] *= limit / length;
    }
    return clipped;
  }

  /**
   * The next generation from this generation's steps y_i = (x_i − m)/σ, best first; only the μ
   * best are used, so {@code rankedSteps} needs at least μ of them.
   */
  Cma tell(List<double[]> rankedSteps) {
    int n = p.n;
    if (rankedSteps.size() < p.mu) {
      throw new IllegalArgumentException(
          "a CMA-ES update needs the " + p.mu + " best steps, got " + rankedSteps.size());
    }
    double[] yw = new double[n];
    for (int k = 0; k < p.mu; k++) {
      double[] y = rankedSteps.get(k);
      for (int i = 0; i < n; i++) {
        yw[i] += p.weights[k] * y[i];
      }
    }
    double[] newMean = new double[n];
    for (int i = 0; i < n; i++) {
      newMean[i] = mean[i] + p.cm * sigma * yw[i];
    }

    double[] whitened = whiten(yw);
    double psFactor = Math.sqrt(p.cs * (2 - p.cs) * p.mueff);
    double[] newPs = new double[n];
    for (int i = 0; i < n; i++) {
      newPs[i] = (1 - p.cs) * ps[i] + psFactor * whitened[i];
    }
    double psNorm = norm(newPs);
    double correction = Math.sqrt(1 - Math.pow(1 - p.cs, 2.0 * (generation + 1)));
    boolean hsig = psNorm / correction < (1.4 + 2.0 / (n + 1)) * p.chiN;

    double pcFactor = hsig ? Math.sqrt(p.cc * (2 - p.cc) * p.mueff) : 0;
    double[] newPc = new double[n];
    for (int i = 0; i < n; i++) {
      newPc[i] = (1 - p.cc) * pc[i] + pcFactor * yw[i];
    }

    // Active update (tutorial eq. 46–47): the worst steps get negative weights, rescaled to the
    // Mahalanobis length √n so that a long bad step cannot make C indefinite.
    int negativeCount = p.active ? Math.min(rankedSteps.size(), p.lambda) : p.mu;
    double[] negative = new double[Math.max(0, negativeCount - p.mu)];
    double weightSum = 1;
    for (int k = p.mu; k < negativeCount; k++) {
      double length = norm(whiten(rankedSteps.get(k)));
      double w = p.negativeWeights[k - p.mu];
      negative[k - p.mu] = length > 0 ? w * n / (length * length) : 0;
      weightSum += w;
    }
    // Without hsig the rank-one term lacks the variance p_c would have carried; δ(hσ) puts it back.
    double deltaH = hsig ? 0 : p.cc * (2 - p.cc);
    double keep = 1 + p.c1 * deltaH - p.c1 - p.cmu * weightSum;
    double[][] newC = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double rankMu = 0;
        for (int k = 0; k < p.mu; k++) {
          double[] y = rankedSteps.get(k);
          rankMu += p.weights[k] * y[i] * y[j];
        }
        for (int k = p.mu; k < negativeCount; k++) {
          double[] y = rankedSteps.get(k);
          rankMu += negative[k - p.mu] * y[i] * y[j];
        }
        double value = keep * c[i][j] + p.c1 * newPc[i] * newPc[j] + p.cmu * rankMu;
        newC[i][j] = value;
        newC[j][i] = value;
      }
    }
    double newSigma = sigma * Math.exp(p.cs / p.ds * (psNorm / p.chiN - 1));

    // Decomposed at every generation, as the cmaes package behind Optuna does: a decomposition
    // left stale for a generation or two (the tutorial's saving for large n) whitens the next
    // steps with the old C, and in two dimensions changed σ by 3% after the second generation.
    double[][] newB = new double[n][n];
    double[] newD = new double[n];
    decompose(newC, newB, newD);
    return new Cma(p, generation + 1, newMean, newSigma, newC, newPc, newPs, newB, newD);
  }

  /** This state with another mean, as the margin needs for discrete coordinates. */
  Cma withMean(double[] newMean) {
    return new Cma(p, generation, newMean.clone(), sigma, c, pc, ps, b, d);
  }

  private static void decompose(double[][] matrix, double[][] vectors, double[] roots) {
    int n = matrix.length;
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(matrix, false));
    RealMatrix v = eigen.getV();
    double[] values = eigen.getRealEigenvalues();
    double largest = 0;
    for (double value : values) {
      largest = Math.max(largest, value);
    }
    for (int j = 0; j < n; j++) {
      // Rounding can make a tiny eigenvalue negative; keep C positive definite.
      roots[j] = Math.sqrt(Math.max(values[j], largest * 1e-20 + Double.MIN_NORMAL));
      for (int i = 0; i < n; i++) {
        vectors[i][j] = v.getEntry(i, j);
      }
    }
  }

  private static double[] multiply(double[][] m, double[] x) {
    double[] out = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double sum = 0;
      for (int j = 0; j < x.length; j++) {
        sum += m[i][j] * x[j];
      }
      out[i] = sum;
    }
    return out;
  }

  private static double[] multiplyTransposed(double[][] m, double[] x) {
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      double sum = 0;
      for (int i = 0; i < x.length; i++) {
        sum += m[i][j] * x[i];
      }
      out[j] = sum;
    }
    return out;
  }

  static double norm(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  private static double[][] copy(double[][] m) {
    double[][] out = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i].clone();
    }
    return out;
  }

  /** The tutorial's default strategy parameters (Table 1), for dimension n and population λ. */
  private static final class Parameters {
    final int n;
    final int lambda;
    final int mu;
    final double[] weights;
    final double mueff;
    final double cm = 1;
    final double cs;
    final double ds;
    final double cc;
    final double c1;
    final double cmu;
    final double chiN;
    final boolean active;
    /** The weights of ranks μ+1 … λ in the active update, negative. */
    final double[] negativeWeights;

    Parameters(int n, int lambda, boolean active) {
      this.n = n;
      this.lambda = lambda;
      this.active = active;
      weights = weights(lambda);
      mu = weights.length;
      mueff = effectiveMu(weights);
      cs = (mueff + 2) / (n + mueff + 5);
      ds = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
      cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
      c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
      cmu = Math.min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
      chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
      // Tutorial eq. 53: raw weights ln((λ+1)/2) − ln i for the worse half, scaled by the least
      // of α⁻_μ, α⁻_μeff and α⁻_posdef over their absolute sum.
      double[] raw = new double[lambda - mu];
      double absoluteSum = 0;
      double squares = 0;
      for (int i = mu; i < lambda; i++) {
        raw[i - mu] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
        absoluteSum += Math.abs(raw[i - mu]);
        squares += raw[i - mu] * raw[i - mu];
      }
      negativeWeights = new double[raw.length];
      if (absoluteSum > 0) {
        double mueffMinus = absoluteSum * absoluteSum / squares;
        double alphaMu = 1 + c1 / cmu;
        double alphaMueff = 1 + 2 * mueffMinus / (mueff + 2);
        double alphaPosdef = (1 - c1 - cmu) / (n * cmu);
        double factor = Math.min(alphaMu, Math.min(alphaMueff, alphaPosdef)) / absoluteSum;
        for (int i = 0; i < raw.length; i++) {
          negativeWeights[i] = Math.min(0, raw[i]) * factor;
        }
      }
    }
  }
}
