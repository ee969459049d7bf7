package dev.tunable.internal.sampler.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Maximizes log expected improvement (over the best standardized observation, minimizing) on
 * the encoded space: scores many randomly shifted Sobol candidates, then runs a local search from
 * the best of them and from the best observed points. The local search alternates quasi-Newton
 * steps on the ordered coordinates (integers relaxed on the first round only) with trying the
 * alternatives of each discrete coordinate; every point it compares is rounded first, so the
 * acquisition is always judged at a value the space can hold.
 */
final class Acquisition {
  static final int CANDIDATES = 512;
  static final int CANDIDATE_STARTS = 5;
  static final int OBSERVED_STARTS = 3;
  private static final int ROUNDS = 3;

  private final GaussianProcess gp;
  private final Encoding encoding;
  private final double best;
  private final int dims;

  Acquisition(GaussianProcess gp, Encoding encoding, double best) {
    this.gp = gp;
    this.encoding = encoding;
    this.best = best;
    this.dims = encoding.size();
  }

  /** Log EI at {@code point} as it is (callers snap it). */
  double logEi(double[] point) {
    double[] prediction = new double[2];
    gp.predict(point, prediction, null, null);
    return logEi(prediction[0], prediction[1]);
  }

  private double logEi(double mean, double variance) {
    double sigma = Math.sqrt(variance);
    return Math.log(sigma) + LogEi.logH((best - mean) / sigma);
  }

  /** Minus log EI and its gradient along ordered coordinates, for the minimizer. */
  private double negativeLogEi(double[] point, double[] gradient) {
    double[] prediction = new double[2];
    double[] meanGradient = new double[dims];
    double[] varianceGradient = new double[dims];
    gp.predict(point, prediction, meanGradient, varianceGradient);
    double sigma = Math.sqrt(prediction[1]);
    double z = (best - prediction[0]) / sigma;
    double slope = LogEi.dLogH(z);
    for (int d = 0; d < dims; d++) {
      double dSigma = varianceGradient[d] / (2 * sigma);
      double dz = (-meanGradient[d] - z * dSigma) / sigma;
      gradient[d] = -(dSigma / sigma + slope * dz);
    }
    return -(Math.log(sigma) + LogEi.logH(z));
  }

  /** The point of highest log EI found, snapped; {@code observed} are the best points seen. */
  double[] maximize(SplittableRandom random, List<double[]> observed) {
    double[] shift = new double[dims];
    for (int d = 0; d < dims; d++) {
      shift[d] = random.nextDouble();
    }
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(dims);
    double[][] candidates = new double[CANDIDATES][];
    double[] scores = new double[CANDIDATES];
    for (int c = 0; c < CANDIDATES; c++) {
      double[] point = sobol.nextVector();
      for (int d = 0; d < dims; d++) {
        double u = point[d] + shift[d];
        point[d] = u >= 1 ? u - 1 : u;
      }
      encoding.snap(point);
      candidates[c] = point;
    }
    double[] means = new double[CANDIDATES];
    double[] variances = new double[CANDIDATES];
    gp.predictAll(candidates, means, variances);
    for (int c = 0; c < CANDIDATES; c++) {
      scores[c] = orWorst(logEi(means[c], variances[c]));
    }
    Integer[] order = new Integer[CANDIDATES];
    for (int c = 0; c < CANDIDATES; c++) {
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    List<double[]> starts = new ArrayList<>();
    for (int s = 0; s < CANDIDATE_STARTS; s++) {
      starts.add(candidates[order[s]].clone());
    }
    for (int s = 0; s < Math.min(OBSERVED_STARTS, observed.size()); s++) {
      starts.add(observed.get(s).clone());
    }
    double[] bestPoint = candidates[order[0]].clone();
    double bestScore = scores[order[0]];
    for (double[] start : starts) {
      double score = localSearch(start);
      if (score > bestScore) {
        bestScore = score;
        bestPoint = start;
      }
    }
    return bestPoint;
  }

  private static double orWorst(double score) {
    return Double.isNaN(score) ? Double.NEGATIVE_INFINITY : score;
  }

  /** Improves {@code point} in place; returns its log EI. */
  double localSearch(double[] point) {
    encoding.snap(point);
    double score = orWorst(logEi(point));
    double[] low = new double[dims];
    double[] high = new double[dims];
    for (int round = 0; round < ROUNDS; round++) {
      boolean moved = false;
      boolean anyFree = false;
      for (int d = 0; d < dims; d++) {
        Encoding.Kind kind = encoding.kind(d);
        boolean free = kind == Encoding.Kind.CONTINUOUS
            || kind == Encoding.Kind.ORDINAL && round == 0;
        anyFree |= free;
        low[d] = free ? 0 : point[d];
        high[d] = free ? 1 : point[d];
      }
      if (anyFree) {
        double[] trial = point.clone();
        BoundedLbfgs.minimize(this::negativeLogEi, trial, low, high, 50, 1e-6, 1e-7);
        encoding.snap(trial);
        double trialScore = orWorst(logEi(trial));
        if (trialScore > score) {
          System.arraycopy(trial, 0, point, 0, dims);
          score = trialScore;
          moved = true;
        }
      }
      for (int d = 0; d < dims; d++) {
        if (encoding.kind(d) == Encoding.Kind.CONTINUOUS) {
          continue;
        }
        double current = point[d];
        for (double value : encoding.alternatives(d, current)) {
          if (value == current) {
            continue;
          }
          point[d] = value;
          double trialScore = orWorst(logEi(point));
          if (trialScore > score) {
            score = trialScore;
            current = value;
            moved = true;
          }
        }
        point[d] = current;
      }
      if (!moved) {
        break;
      }
    }
    return score;
  }
}
