package dev.tunable.internal.sampler.tpe;

import dev.tunable.internal.sampler.tpe.Coordinate.Kind;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A Parzen estimator over a group of coordinates: a mixture with one kernel per observed trial and
 * one prior kernel (the whole range, or every choice equally likely). In a group of several
 * coordinates each component is a product of kernels sharing one weight (the multivariate TPE).
 *
 * <p>Numeric kernels are Gaussians truncated to the unit interval; on discrete coordinates a point
 * weighs the kernel's mass over its cell. Bandwidths follow Bergstra et al. (2011) as refined in
 * Optuna: univariately, the larger distance to the neighbouring observations (the interval's ends
 * count as neighbours), clipped between {@code 1/min(100, 1 + kernels)} and the whole range
 * ("magic clip"); multivariately, Scott's rule {@code 0.2 n^(-1/(d+4))} with the same clip.
 * Categorical kernels put weight 1 on the observed choice and {@code prior/kernels} on every
 * choice, normalised.
 *
 * <p>Univariate numeric kernels are scored by their shape alone: a kernel's term is its truncated
 * normal density times its bandwidth, so that {@link #logDensity} is, up to a constant factor,
 * the density of the mixture in which each component weighs {@code weight × bandwidth}. An
 * observation crowded by others (a narrow kernel) then counts less than an isolated one or the
 * prior, rather than more: with the plain density, l/g favoured candidates at the densest clusters
 * of the good trials too strongly. The constant cancels in the ratio l/g, since both use the same
 * rule. Measured (30 seeds, 100 trials), median log10 regret on Branin -1.45 to -1.50, Hartmann6
 * -0.53 to -0.68, Rosenbrock5 2.25 to 2.22. Multivariate kernels share one bandwidth, so there
 * the weighting would only scale the prior; they keep the plain density.
 *
 * <p>Immutable once built; arrays are indexed by coordinate, then component, so that scoring a
 * candidate runs down contiguous memory.
 */
final class ParzenEstimator {
  private static final double SIGMA0 = 0.2;
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double SQRT2 = Math.sqrt(2);
  /** Kernels further than this many bandwidths from a point add less than e^-450 to the sum. */
  private static final double FAR = 30;

  /** Beyond this many standard deviations the normal's tail underflows a double. */
  private static final double TAIL_CUTOFF = 38.5;

  private static final double NEGLIGIBLE = 8.5;

  /** How far below the prior's term a kernel's term may be and be left out of a density. */
  private static final double NEGLIGIBLE_TERM = 20;

  /** Below the least mass a kernel on the unit interval keeps there, Φ(1) - Φ(0), in logs. */
  private static final double LOG_LEAST_MASS = Math.log(0.34);

  private final Coordinate[] coordinates;
  private final int components;
  private final double[] logWeights;
  private final double[] cumulativeWeights;
  /** Numeric coordinates: kernel centres and bandwidths; categorical: the observed choice. */
  private final double[][] mus;
  private final double[][] inverseSigmas;
  /**
   * Continuous kernels' log densities as quadratics in x, c + b x + a x², so that scoring a point
   * costs two multiply-adds per component: a = -1/(2σ²), b = μ/σ²,
   * c = -μ²/(2σ²) - log(σ √(2π) Z).
   */
  private final double[][] quadraticA;
  private final double[][] quadraticB;
  private final double[][] quadraticC;
  /** The fast path for a single continuous coordinate; else null. */
  private final Line line;
  /**
   * Discrete coordinates: what a kernel's cell mass is divided by, in logs: Z, the mass the
   * truncated kernel keeps on the unit interval, times 1/σ when univariate.
   */
  private final double[][] logDivisors;
  /** Categorical coordinates: log probability of the observed choice and of any other one. */
  private final double[] logHit;
  private final double[] logMiss;

  /**
   * @param observations observations[j][i] is coordinate j of observed trial i, oldest first
   * @param n the number of observations
   * @param weights the components' weights
   */
  ParzenEstimator(
      Coordinate[] coordinates, double[][] observations, int n, MixtureWeights weights) {
    this.coordinates = coordinates;
    this.components = n + 1;
    this.logWeights = weights.logWeights();
    this.cumulativeWeights = weights.cumulative();

    int d = coordinates.length;
    mus = new double[d][];
    inverseSigmas = new double[d][];
    quadraticA = new double[d][];
    quadraticB = new double[d][];
    quadraticC = new double[d][];
    logDivisors = new double[d][];
    logHit = new double[d];
    logMiss = new double[d];
    for (int j = 0; j < d; j++) {
      double[] mu = Arrays.copyOf(observations[j], components);
      if (coordinates[j].kind() == Kind.CATEGORICAL) {
        mu[n] = -1; // the prior observed no choice
        mus[j] = mu;
        int choices = coordinates[j].size();
        double smoothing = MixtureWeights.PRIOR_WEIGHT / components;
        logHit[j] = Math.log((1 + smoothing) / (1 + choices * smoothing));
        logMiss[j] = Math.log(smoothing / (1 + choices * smoothing));
        continue;
      }
      mu[n] = 0.5;
      double[] sigma = d == 1 ? neighbourBandwidths(mu) : scottBandwidths(components, n, d);
      double minimum = 1.0 / Math.min(100.0, 1.0 + components);
      double[] inverse = new double[components];
      double[] a = new double[components];
      double[] b = new double[components];
      double[] c = new double[components];
      double[] logMass = new double[components];
      double[] logDivisor = new double[components];
      // Univariate kernels are scored without 1/σ (see the class comment).
      boolean byShape = d == 1;
      double logMinimum = -Math.log(minimum);
      for (int k = 0; k < components; k++) {
        double s = k == n ? 1.0 : Math.min(1.0, Math.max(minimum, sigma[k]));
        double inv = 1 / s;
        inverse[k] = inv;
        double m = mass((0 - mu[k]) * inv, (1 - mu[k]) * inv);
        logMass[k] = m == 1 ? 0 : Math.log(m);
        double logInverse = byShape ? 0 : s == minimum ? logMinimum : -Math.log(s);
        logDivisor[k] = logMass[k] - (byShape ? Math.log(s) : 0);
        double precision = inv * inv;
        a[k] = -0.5 * precision;
        b[k] = mu[k] * precision;
        c[k] = -0.5 * mu[k] * mu[k] * precision + logInverse - LOG_SQRT_2PI - logMass[k];
      }
      mus[j] = mu;
      inverseSigmas[j] = inverse;
      quadraticA[j] = a;
      quadraticB[j] = b;
      quadraticC[j] = c;
      logDivisors[j] = logDivisor;
    }
    line = d == 1 && coordinates[0].kind() == Kind.CONTINUOUS && weights.even()
        ? Line.of(observations[0], n, logWeights)
        : null;
  }

  /**
   * An estimator asked only for densities, never to sample: for one continuous coordinate it
   * builds only the sorted kernels densities need, which halves the cost of the big bad-trial
   * estimator.
   */
  static ParzenEstimator forDensity(
      Coordinate[] coordinates, double[][] observations, int n, MixtureWeights weights) {
    if (coordinates.length != 1 || coordinates[0].kind() != Kind.CONTINUOUS
        || !weights.even()) {
      return new ParzenEstimator(coordinates, observations, n, weights);
    }
    Line line = Line.of(observations[0], n, weights.logWeights());
    return new ParzenEstimator(coordinates, weights, line);
  }

  /**
   * {@link #forDensity} for one continuous coordinate whose observations are given in increasing
   * order, which spares sorting them.
   */
  static ParzenEstimator forDensityOfSorted(
      Coordinate coordinate, double[] sorted, MixtureWeights weights) {
    Line line = Line.ofSorted(sorted, weights.logWeights());
    return new ParzenEstimator(new Coordinate[] {coordinate}, weights, line);
  }

  private ParzenEstimator(Coordinate[] coordinates, MixtureWeights weights, Line line) {
    this.coordinates = coordinates;
    this.components = weights.logWeights().length;
    this.logWeights = weights.logWeights();
    this.cumulativeWeights = null;
    this.mus = null;
    this.inverseSigmas = null;
    this.quadraticA = null;
    this.quadraticB = null;
    this.quadraticC = null;
    this.logDivisors = null;
    this.logHit = null;
    this.logMiss = null;
    this.line = line;
  }

  /**
   * One continuous coordinate, the hot path of univariate TPE: the observations' kernels sorted by
   * centre, with their weights folded in, so that a point's density sums only the kernels near it.
   *
   * <p>A kernel's quadratic is worked out only when a point first comes near it: the bad trials'
   * estimator has about a thousand kernels at trial 1,000, and the candidates, drawn near the good
   * trials, reach a fraction of them. Worked-out terms are cached in this object, which lives
   * within one proposal on one thread.
   */
  private static final class Line {
    /** Kernel centres and bandwidths, in order of centre, and every kernel's log weight. */
    private final double[] mu;
    private final double[] sigma;
    private final double logWeight;
    /** The kernels' quadratics, valid where {@code known}. */
    private final double[] a;
    private final double[] b;
    private final double[] c;
    private final boolean[] known;
    private final double priorA;
    private final double priorB;
    private final double priorC;
    /** Every kernel's term is at most maxPeak - (x - μ)² / (2 maxSigma²). */
    private final double maxSigma;
    private final double maxPeak;

    private Line(double[] mu, double[] sigma, double logWeight, double[] prior, double maxSigma,
        double maxPeak) {
      this.mu = mu;
      this.sigma = sigma;
      this.logWeight = logWeight;
      this.a = new double[mu.length];
      this.b = new double[mu.length];
      this.c = new double[mu.length];
      this.known = new boolean[mu.length];
      this.priorA = prior[0];
      this.priorB = prior[1];
      this.priorC = prior[2];
      this.maxSigma = maxSigma;
      this.maxPeak = maxPeak;
    }

    /**
     * The kernels of {@code n} observations and the prior, with the same bandwidths as above,
     * scored by shape as every univariate kernel is.
     */
    static Line of(double[] observed, int n, double[] logWeights) {
      double[] sorted = Arrays.copyOf(observed, n);
      Arrays.sort(sorted);
      return ofSorted(sorted, logWeights);
    }

    /**
     * {@link #of} for observations already in increasing order. Every observation weighs the
     * same ({@link MixtureWeights}), so the kernels' order is all that matters, not which trial
     * each came from.
     */
    static Line ofSorted(double[] sorted, double[] logWeights) {
      int n = sorted.length;
      double logWeight = n == 0 ? 0 : logWeights[0];
      // The prior's centre, 0.5, is a neighbour too; it goes after observations equal to it.
      int at = n;
      while (at > 0 && sorted[at - 1] > 0.5) {
        at--;
      }
      double[] centres = new double[n + 1];
      System.arraycopy(sorted, 0, centres, 0, at);
      centres[at] = 0.5;
      System.arraycopy(sorted, at, centres, at + 1, n - at);
      double minimum = 1.0 / Math.min(100.0, 2.0 + n);
      double[] mu = new double[n];
      double[] sigma = new double[n];
      double maxSigma = 0;
      for (int position = 0, i = 0; position <= n; position++) {
        if (position == at) {
          continue;
        }
        double s = Math.min(1.0, Math.max(minimum, neighbourGap(centres, position)));
        mu[i] = centres[position];
        sigma[i] = s;
        maxSigma = Math.max(maxSigma, s);
        i++;
      }
      // The prior spans the whole range: bandwidth 1.
      double mass = mass(-0.5, 0.5);
      double[] prior = {-0.5, 0.5, -0.125 - LOG_SQRT_2PI - Math.log(mass) + logWeights[n]};
      // A kernel's peak term is its log weight - log(√(2π) Z); its centre and bandwidth lie in
      // [0, 1], so it keeps at least the mass Z of a standard normal between 0 and 1 (0.3413).
      // The bound spares working out every kernel's Z; a looser bound only widens the search.
      double maxPeak = (n == 0 ? Double.NEGATIVE_INFINITY : logWeight)
          - LOG_SQRT_2PI - LOG_LEAST_MASS;
      return new Line(mu, sigma, logWeight, prior, maxSigma, maxPeak);
    }

    /** Works out kernel {@code k}'s quadratic, as {@link ParzenEstimator} does. */
    private void workOut(int k) {
      double m = mu[k];
      double inv = 1 / sigma[k];
      double precision = inv * inv;
      double mass = mass(-m * inv, (1 - m) * inv);
      a[k] = -0.5 * precision;
      b[k] = m * precision;
      c[k] = -0.5 * m * m * precision
          - LOG_SQRT_2PI
          - (mass == 1 ? 0 : Math.log(mass))
          + logWeight;
      known[k] = true;
    }

    /**
     * The log density at {@code x}, summed relative to the prior's term. Kernels whose term is
     * more than {@link #NEGLIGIBLE_TERM} below it (so below the largest term too) are skipped:
     * together they change the result by less than n e^-20.
     */
    double logDensity(double x) {
      // Exact: 0 - y and its negation give y back.
      return -score(x, 0, Double.NEGATIVE_INFINITY);
    }

    /**
     * {@code logL - logDensity(x)}, or negative infinity once the partial sum shows that it is at
     * most {@code floor}. Terms are positive and rounding is monotone, so a partial sum's score
     * is at least the full one's: a candidate stopped early could not have beaten the best.
     */
    double score(double x, double logL, double floor) {
      double reference = priorC + x * (priorB + priorA * x);
      double sum = 1;
      double room = maxPeak - reference + NEGLIGIBLE_TERM;
      if (room > 0 && mu.length > 0) {
        double reach = maxSigma * Math.sqrt(2 * room);
        int from = lowerBound(mu, x - reach);
        int to = lowerBound(mu, x + reach);
        double cutoff = reference - NEGLIGIBLE_TERM;
        for (int k = from; k < to; k++) {
          if (!known[k]) {
            workOut(k);
          }
        }
        // Past this sum the score is about the floor or below; checked exactly below.
        double enough = 0.999999 * Math.exp(logL - reference - floor);
        for (int k = from; k < to; k++) {
          double t = c[k] + x * (b[k] + a[k] * x);
          if (t > cutoff) {
            sum += Math.exp(t - reference);
          }
          if ((k & 15) == 15 && sum >= enough && logL - (reference + Math.log(sum)) <= floor) {
            return Double.NEGATIVE_INFINITY;
          }
        }
      }
      return logL - (reference + Math.log(sum));
    }
  }

  /** The first index of sorted {@code values} holding {@code key} or more. */
  private static int lowerBound(double[] values, double key) {
    int low = 0;
    int high = values.length;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (values[middle] < key) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }

  /** Each centre's larger gap to its neighbours in sorted order, the ends 0 and 1 included. */
  private static double[] neighbourBandwidths(double[] mu) {
    int[] order = sortedOrder(mu);
    double[] sorted = sortedNeighbourBandwidths(mu, order);
    double[] sigma = new double[mu.length];
    for (int i = 0; i < mu.length; i++) {
      sigma[order[i]] = sorted[i];
    }
    return sigma;
  }

  /** {@link #neighbourBandwidths}, in the order of the centres' values. */
  private static double[] sortedNeighbourBandwidths(double[] mu, int[] order) {
    double[] sorted = new double[mu.length];
    for (int i = 0; i < mu.length; i++) {
      sorted[i] = mu[order[i]];
    }
    double[] sigma = new double[mu.length];
    for (int i = 0; i < mu.length; i++) {
      sigma[i] = neighbourGap(sorted, i);
    }
    return sigma;
  }

  /** The larger gap from {@code sorted[i]} to its neighbours, the ends 0 and 1 included. */
  private static double neighbourGap(double[] sorted, int i) {
    int m = sorted.length;
    if (m >= 2 && i == 0) {
      // The ends are not observations: the outermost kernels take their inner gap only.
      return sorted[1] - sorted[0];
    } else if (m >= 2 && i == m - 1) {
      return sorted[m - 1] - sorted[m - 2];
    }
    double here = sorted[i];
    double below = i == 0 ? 0 : sorted[i - 1];
    double above = i == m - 1 ? 1 : sorted[i + 1];
    return Math.max(here - below, above - here);
  }

  /**
   * The indices of {@code values} (all in [0, 1]) in increasing order of value. Sorts longs that
   * hold the value to 2^-40 above the index, first into one bucket per value by their leading
   * digits, then within each bucket: linear time for spread-out values, and never worse than one
   * sort.
   */
  static int[] sortedOrder(double[] values) {
    int m = values.length;
    int[] order = new int[m];
    if (m >= 1 << 20) {
      Integer[] boxed = new Integer[m];
      for (int i = 0; i < m; i++) {
        boxed[i] = i;
      }
      Arrays.sort(boxed, (x, y) -> Double.compare(values[x], values[y]));
      for (int i = 0; i < m; i++) {
        order[i] = boxed[i];
      }
      return order;
    }
    // starts[b + 1] counts bucket b, then holds its end; filling each bucket from its end down
    // leaves it at the bucket's start, with no second array of positions.
    int[] starts = new int[m + 1];
    for (int i = 0; i < m; i++) {
      starts[bucket(values[i], m) + 1]++;
    }
    for (int b = 0; b < m; b++) {
      starts[b + 1] += starts[b];
    }
    long[] keys = new long[m];
    for (int i = m - 1; i >= 0; i--) {
      int b = bucket(values[i], m) + 1;
      keys[--starts[b]] = ((long) (values[i] * 0x1p40) << 20) | i;
    }
    // Now starts[b + 1] is where bucket b starts.
    for (int b = 0; b < m; b++) {
      int from = starts[b + 1];
      int to = b + 2 <= m ? starts[b + 2] : m;
      if (to - from > 16) {
        Arrays.sort(keys, from, to);
      } else {
        // Most buckets hold a few keys: an inline insertion sort beats Arrays.sort's set-up.
        for (int i = from + 1; i < to; i++) {
          long key = keys[i];
          int j = i - 1;
          while (j >= from && keys[j] > key) {
            keys[j + 1] = keys[j];
            j--;
          }
          keys[j + 1] = key;
        }
      }
    }
    for (int i = 0; i < m; i++) {
      order[i] = (int) (keys[i] & 0xFFFFF);
    }
    return order;
  }

  private static int bucket(double value, int m) {
    return Math.min(m - 1, Math.max(0, (int) (value * m)));
  }

  private static double[] scottBandwidths(int components, int observations, int dimensions) {
    double[] sigma = new double[components];
    Arrays.fill(sigma, SIGMA0 * Math.pow(Math.max(observations, 1), -1.0 / (dimensions + 4)));
    return sigma;
  }

  /** Draws a point: a component by weight, then each coordinate from that component's kernel. */
  void sample(SplittableRandom random, double[] out) {
    if (cumulativeWeights == null) {
      throw new IllegalStateException("this estimator was built for densities only");
    }
    double u = random.nextDouble();
    int k = 0;
    while (k < components - 1 && cumulativeWeights[k] < u) {
      k++;
    }
    for (int j = 0; j < coordinates.length; j++) {
      Coordinate coordinate = coordinates[j];
      if (coordinate.kind() == Kind.CATEGORICAL) {
        out[j] = sampleChoice(random, j, k);
        continue;
      }
      double mu = mus[j][k];
      double sigma = 1 / inverseSigmas[j][k];
      double x = Double.NaN;
      for (int attempt = 0; attempt < 100 && !(x >= 0 && x <= 1); attempt++) {
        x = mu + sigma * random.nextGaussian();
      }
      x = Math.min(1, Math.max(0, Double.isNaN(x) ? mu : x));
      if (coordinate.kind() == Kind.DISCRETE) {
        int cells = coordinate.size();
        x = (Math.min(cells - 1, Math.floor(x * cells)) + 0.5) / cells;
      }
      out[j] = x;
    }
  }

  private int sampleChoice(SplittableRandom random, int j, int k) {
    int choices = coordinates[j].size();
    int observed = (int) mus[j][k];
    if (observed < 0) {
      return random.nextInt(choices);
    }
    double hit = Math.exp(logHit[j]);
    double u = random.nextDouble();
    if (u < hit) {
      return observed;
    }
    // The rest is spread evenly over the other choices.
    int other = random.nextInt(choices - 1);
    return other >= observed ? other + 1 : other;
  }

  /**
   * The log density of each of {@code points} (points[c][j] for coordinate j of point c), into
   * {@code out}; {@code scratch} holds one value per component.
   */
  /**
   * Which of {@code points} has the highest l/g, this estimator being g and {@code logL} the
   * points' log densities under l; the first such point on ties.
   */
  int best(double[][] points, double[] logL, double[] scratch) {
    int best = 0;
    if (line != null) {
      // Candidates that cannot beat the best so far are left half scored (see Line.score).
      double bestScore = line.score(points[0][0], logL[0], Double.NEGATIVE_INFINITY);
      for (int c = 1; c < points.length; c++) {
        double score = line.score(points[c][0], logL[c], bestScore);
        if (score > bestScore) {
          best = c;
          bestScore = score;
        }
      }
      return best;
    }
    double[] logG = new double[points.length];
    logDensity(points, logG, scratch);
    for (int c = 1; c < points.length; c++) {
      if (logL[c] - logG[c] > logL[best] - logG[best]) {
        best = c;
      }
    }
    return best;
  }

  void logDensity(double[][] points, double[] out, double[] scratch) {
    if (line != null) {
      for (int c = 0; c < points.length; c++) {
        out[c] = line.logDensity(points[c][0]);
      }
      return;
    }
    for (int c = 0; c < points.length; c++) {
      double[] point = points[c];
      System.arraycopy(logWeights, 0, scratch, 0, components);
      for (int j = 0; j < coordinates.length; j++) {
        addLogKernels(j, point[j], scratch);
      }
      out[c] = logSumExp(scratch, components);
    }
  }

  private void addLogKernels(int j, double x, double[] terms) {
    double[] mu = mus[j];
    switch (coordinates[j].kind()) {
      case CATEGORICAL -> {
        double hit = logHit[j];
        double miss = logMiss[j];
        double uniform = -Math.log(coordinates[j].size());
        int n = components - 1;
        for (int k = 0; k < n; k++) {
          terms[k] += mu[k] == x ? hit : miss;
        }
        terms[n] += uniform;
      }
      case CONTINUOUS -> {
        double[] a = quadraticA[j];
        double[] b = quadraticB[j];
        double[] c = quadraticC[j];
        for (int k = 0; k < components; k++) {
          terms[k] += c[k] + x * (b[k] + a[k] * x);
        }
      }
      case DISCRETE -> {
        double[] inverse = inverseSigmas[j];
        double[] logDivisor = logDivisors[j];
        double half = 0.5 / coordinates[j].size();
        for (int k = 0; k < components; k++) {
          double z = (x - mu[k]) * inverse[k];
          if (Math.abs(z) > FAR) {
            terms[k] = Double.NEGATIVE_INFINITY;
          } else {
            double cell = mass(z - half * inverse[k], z + half * inverse[k]);
            terms[k] += Math.log(cell) - logDivisor[k];
          }
        }
      }
    }
  }

  private static double logSumExp(double[] terms, int n) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      max = Math.max(max, terms[k]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    double cutoff = max - 40;
    for (int k = 0; k < n; k++) {
      double t = terms[k];
      if (t > cutoff) {
        sum += Math.exp(t - max);
      }
    }
    return max + Math.log(sum);
  }

  /** The standard normal's mass between {@code a < b}, accurate in either tail. */
  static double mass(double a, double b) {
    if (a >= 0) {
      return upperTail(a) - upperTail(b);
    } else if (b <= 0) {
      return upperTail(-b) - upperTail(-a);
    }
    // Around the centre an absolute error of 1e-7 is enough, and tails beyond NEGLIGIBLE hold
    // less than 1e-17.
    return 1 - (a < -NEGLIGIBLE ? 0 : centralTail(-a)) - (b > NEGLIGIBLE ? 0 : centralTail(b));
  }

  /** The mass above {@code z >= 0} within 1e-7: Abramowitz and Stegun's formula 7.1.26. */
  private static double centralTail(double z) {
    double x = z / SQRT2;
    double t = 1 / (1 + 0.3275911 * x);
    double poly = t * (0.254829592
        + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    return 0.5 * poly * Math.exp(-x * x);
  }

  /**
   * The standard normal's mass above {@code z >= 0}, with a relative error below 1e-4 (as the
   * masses of cells far in a tail need): {@link #centralTail} up to 3, Laplace's continued
   * fraction beyond. Several times faster than commons-math's erfc.
   */
  static double upperTail(double z) {
    if (z > TAIL_CUTOFF) {
      return 0;
    }
    if (z < 3) {
      return centralTail(z);
    }
    double fraction = z;
    for (int k = 60; k >= 1; k--) {
      fraction = z + k / fraction;
    }
    return Math.exp(-0.5 * z * z - LOG_SQRT_2PI) / fraction;
  }

  int components() {
    return components;
  }

  /** The bandwidth of numeric coordinate {@code j}'s kernel of component {@code k}; for tests. */
  double bandwidth(int j, int k) {
    return 1 / inverseSigmas[j][k];
  }
}
