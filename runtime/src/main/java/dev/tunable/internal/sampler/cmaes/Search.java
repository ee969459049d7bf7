package dev.tunable.internal.sampler.cmaes;

import dev.tunable.internal.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The search distribution of one generation of one IPOP run, over a {@link Layout}: a CMA-ES
 * Gaussian over the ordered dimensions' unit coordinates, with a margin for the discrete ones, and
 * a categorical distribution for each categorical or boolean dimension. Immutable; {@link #tell}
 * gives the next generation, or the first generation of a restart with twice the population.
 */
final class Search {
  /** Samples outside the cube are drawn again this many times, then mirrored into it. */
  private static final int RESAMPLES = 10;
  private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

  private final Layout layout;
  private final CmaEsSettings settings;
  private final long seed;
  private final int restart;
  private final int lambda;
  /** The Gaussian over the ordered dimensions; null when there are none. */
  private final Cma cma;
  /** The margin's per-coordinate scaling A of the Gaussian's samples (1 on continuous ones). */
  private final double[] scale;
  /** One distribution over the choices of each unordered dimension. */
  private final double[][] probabilities;
  /** This run's best and median value of each generation, for the restart tests. */
  private final double[] bests;
  private final double[] medians;

  private Search(
      Layout layout, CmaEsSettings settings, long seed, int restart, int lambda, Cma cma,
      double[] scale, double[][] probabilities, double[] bests, double[] medians) {
    this.layout = layout;
    this.settings = settings;
    this.seed = seed;
    this.restart = restart;
    this.lambda = lambda;
    this.cma = cma;
    this.scale = scale;
    this.probabilities = probabilities;
    this.bests = bests;
    this.medians = medians;
  }

  /** The first generation with the default settings. */
  static Search first(Layout layout, long seed) {
    return first(layout, CmaEsSettings.DEFAULTS, seed);
  }

  /**
   * The first generation: mean at the settings' start (the cube's centre where it names no
   * value), their step size and population, uniform categorical choices.
   */
  static Search first(Layout layout, CmaEsSettings settings, long seed) {
    int lambda = settings.populationSize() > 0
        ? settings.populationSize()
        : Cma.defaultLambda(layout.size());
    return begin(layout, settings, seed, 0, lambda, layout.start(settings.start()));
  }

  private static Search begin(
      Layout layout, CmaEsSettings settings, long seed, int restart, int lambda, double[] mean) {
    int n = layout.orderedCount();
    Cma cma = n == 0 ? null : Cma.start(mean, settings.initialStepSize(), lambda);
    double[] scale = new double[n];
    Arrays.fill(scale, 1);
    double[][] probabilities = new double[layout.unorderedCount()][];
    for (int j = 0; j < probabilities.length; j++) {
      probabilities[j] = new double[layout.choices(j)];
      Arrays.fill(probabilities[j], 1.0 / layout.choices(j));
    }
    Search search = new Search(layout, settings, seed, restart, lambda, cma, scale, probabilities,
        new double[0], new double[0]);
    return search.withMargin();
  }

  int lambda() {
    return lambda;
  }

  int restart() {
    return restart;
  }

  int generation() {
    return bests.length;
  }

  /** Coordinate {@code i} of the space moved to the canonical point of its value. */
  double canonical(int i, double u) {
    return layout.canonical(i, u);
  }

  /** The Gaussian, for tests; null without ordered dimensions. */
  Cma cma() {
    return cma;
  }

  double scale(int j) {
    return scale[j];
  }

  double probability(int j, int choice) {
    return probabilities[j][choice];
  }

  /**
   * The randomness of member {@code k} of this generation: a function of the seed, the restart,
   * the generation and k only, so that the sampler can draw the member again when it rebuilds the
   * history, and recognise it among the trials.
   */
  SplittableRandom memberRandom(int k) {
    long key = Seeds.mix(seed ^ Seeds.mix(0x5DEECE66DL + restart));
    key = Seeds.mix(key ^ Seeds.mix(0x2545F4914F6CDD1DL + generation()));
    return new SplittableRandom(Seeds.mix(key ^ Seeds.mix(0x9E3779B97F4A7C15L + k)));
  }

  /** A point drawn from this generation's distribution with {@code random}. */
  Proposal propose(SplittableRandom random) {
    double[] unit = new double[layout.size()];
    int n = layout.orderedCount();
    double[] told = new double[n];
    boolean repaired = false;
    if (n > 0) {
      double[] evaluated = new double[n];
      for (int attempt = 0; ; attempt++) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
          z[i] = random.nextGaussian();
        }
        double[] y = cma.step(z);
        boolean inside = true;
        for (int i = 0; i < n; i++) {
          evaluated[i] = cma.mean(i) + cma.sigma() * scale[i] * y[i];
          inside &= evaluated[i] >= 0 && evaluated[i] <= 1;
        }
        if (inside) {
          break;
        }
        if (attempt == RESAMPLES - 1) {
          for (int i = 0; i < n; i++) {
            evaluated[i] = mirror(evaluated[i]);
          }
          repaired = true;
          break;
        }
      }
      for (int i = 0; i < n; i++) {
        unit[layout.orderedIndex(i)] = evaluated[i];
        // The update learns from the unscaled point; A only widens what is evaluated.
        told[i] = cma.mean(i) + (evaluated[i] - cma.mean(i)) / scale[i];
      }
    }
    int[] picks = new int[layout.unorderedCount()];
    for (int j = 0; j < picks.length; j++) {
      picks[j] = draw(probabilities[j], random.nextDouble());
      unit[layout.unorderedIndex(j)] = layout.unitOfChoice(j, picks[j]);
    }
    return new Proposal(unit, told, repaired, picks);
  }

  /**
   * A point of the study that this generation did not propose, e.g. an enqueued trial or an extra
   * member asked for by a parallel worker, as a proposal to learn from.
   */
  Proposal inject(double[] unit) {
    int n = layout.orderedCount();
    double[] told = new double[n];
    for (int i = 0; i < n; i++) {
      double u = unit[layout.orderedIndex(i)];
      told[i] = cma.mean(i) + (u - cma.mean(i)) / scale[i];
    }
    int[] picks = new int[layout.unorderedCount()];
    for (int j = 0; j < picks.length; j++) {
      picks[j] = layout.choiceOfUnit(j, unit[layout.unorderedIndex(j)]);
    }
    return new Proposal(unit.clone(), told, true, picks);
  }

  /**
   * The next generation, from this generation's members and their scores (lower is better; +∞
   * for failed, pruned or non-finite ones). Restarts with twice the population when the run has
   * converged or stalled.
   */
  Search tell(List<Proposal> members, double[] scores) {
    Integer[] order = new Integer[members.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    // Stable: ties, such as all failed members, keep the order in which they were asked.
    Arrays.sort(order, Comparator.comparingDouble(k -> scores[k]));
    double[] weights = Cma.weights(lambda);

    Cma next = null;
    if (cma != null) {
      List<double[]> steps = new ArrayList<>();
      for (int rank = 0; rank < order.length; rank++) {
        Proposal member = members.get(order[rank]);
        double[] y = new double[cma.dimension()];
        for (int i = 0; i < y.length; i++) {
          y[i] = (member.told()[i] - cma.mean(i)) / cma.sigma();
        }
        steps.add(member.repaired() ? cma.clipInjected(y) : y);
      }
      next = cma.tell(steps);
    }

    double[][] nextProbabilities = new double[probabilities.length][];
    double mueff = Cma.effectiveMu(weights);
    for (int j = 0; j < probabilities.length; j++) {
      int k = probabilities[j].length;
      double rate = mueff / (mueff + k);
      double[] p = new double[k];
      for (int c = 0; c < k; c++) {
        p[c] = (1 - rate) * probabilities[j][c];
      }
      for (int rank = 0; rank < weights.length; rank++) {
        p[members.get(order[rank]).picks()[j]] += rate * weights[rank];
      }
      nextProbabilities[j] = floor(p, categoricalFloor(k));
    }

    double[] sorted = scores.clone();
    Arrays.sort(sorted);
    double[] nextBests = Arrays.copyOf(bests, bests.length + 1);
    nextBests[bests.length] = sorted[0];
    double[] nextMedians = Arrays.copyOf(medians, medians.length + 1);
    nextMedians[medians.length] = sorted[sorted.length / 2];
    Search successor = new Search(layout, settings, seed, restart, lambda, next, scale,
        nextProbabilities, nextBests, nextMedians).withMargin();
    if (settings.restarts() && successor.shouldRestart(sorted)) {
      SplittableRandom random = new SplittableRandom(
          Seeds.mix(seed ^ Seeds.mix(0xD1B54A32D192ED03L + restart + 1)));
      double[] mean = new double[layout.orderedCount()];
      for (int i = 0; i < mean.length; i++) {
        mean[i] = random.nextDouble();
      }
      return begin(layout, settings, seed, restart + 1, 2 * lambda, mean);
    }
    return successor;
  }

  /**
   * IPOP's restart tests (Auger and Hansen 2005; Hansen's tutorial, Appendix B.3), on the unit
   * cube: the values of the last generations are flat (TolFun), the steps are below 1e-12 (TolX),
   * a coordinate's deviation no longer moves the mean (NoEffectCoord), C is ill-conditioned
   * (above 1e14), the distribution has outgrown the cube a thousandfold, or the best and median
   * values have stopped improving (stagnation).
   */
  private boolean shouldRestart(double[] sortedScores) {
    int n = Math.max(1, layout.orderedCount());
    int generation = generation();
    if (tolFun(sortedScores, 10 + (int) Math.ceil(30.0 * n / lambda))) {
      return true;
    }
    if (cma != null) {
      double largest = 0;
      for (int i = 0; i < cma.dimension(); i++) {
        largest = Math.max(largest,
            Math.max(Math.abs(cma.evolutionPath(i)) * cma.sigma(), cma.coordinateDeviation(i)));
        double mean = cma.mean(i);
        if (mean + 0.2 * cma.coordinateDeviation(i) == mean) {
          return true;
        }
      }
      if (largest < 1e-12 || cma.condition() > 1e14 || cma.largestAxis() > 1e3) {
        return true;
      }
    }
    int window = 120 + (int) Math.ceil(30.0 * n / lambda);
    if (generation > window + 20) {
      return !improved(bests, generation, window) && !improved(medians, generation, window);
    }
    return false;
  }

  private boolean tolFun(double[] sortedScores, int window) {
    double best = sortedScores[0];
    double worst = sortedScores[sortedScores.length - 1];
    if (!Double.isFinite(best) || !Double.isFinite(worst)) {
      return false;
    }
    int generation = generation();
    for (int g = Math.max(0, generation - window); g < generation; g++) {
      best = Math.min(best, bests[g]);
      worst = Math.max(worst, bests[g]);
    }
    return generation >= 2 && worst - best <= 1e-12 * Math.max(1, Math.abs(best));
  }

  /** Whether the last 20 generations' median value beats that of 20 generations a window ago. */
  private static boolean improved(double[] history, int generation, int window) {
    double recent = median(Arrays.copyOfRange(history, generation - 20, generation));
    int then = generation - window;
    double older = median(Arrays.copyOfRange(history, then - 20, then));
    return recent < older;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * The margin (Hamano et al. 2022, "CMA-ES with Margin"), which keeps a discrete coordinate from
   * freezing on one value: with α = 1/(nλ), each neighbouring value of the mean's value keeps a
   * probability of at least α/2 (α where there is only one neighbour). A coordinate whose cell is
   * wider than the Gaussian gets a larger scaling A of its samples; at the end of the range, where
   * only one neighbour exists, the mean moves towards it instead.
   */
  private Search withMargin() {
    if (cma == null) {
      return this;
    }
    int n = layout.orderedCount();
    double alpha = 1.0 / (n * lambda);
    double both = NORMAL.inverseCumulativeProbability(1 - alpha / 2);
    double one = NORMAL.inverseCumulativeProbability(1 - alpha);
    double[] mean = cma.mean();
    double[] nextScale = new double[n];
    boolean moved = false;
    for (int i = 0; i < n; i++) {
      nextScale[i] = 1;
      if (!layout.isDiscrete(i)) {
        continue;
      }
      double deviation = cma.coordinateDeviation(i);
      double[] cell = layout.cell(i, mean[i]);
      boolean lower = !Double.isNaN(cell[0]);
      boolean upper = !Double.isNaN(cell[1]);
      if (lower && upper) {
        double far = Math.max(mean[i] - cell[0], cell[1] - mean[i]);
        nextScale[i] = Math.max(1, far / (both * deviation));
      } else if (lower || upper) {
        double boundary = lower ? cell[0] : cell[1];
        if (Math.abs(boundary - mean[i]) > one * deviation) {
          mean[i] = boundary + (lower ? 1 : -1) * one * deviation;
          moved = true;
        }
      }
    }
    Cma adjusted = moved ? cma.withMean(mean) : cma;
    return new Search(layout, settings, seed, restart, lambda, adjusted, nextScale, probabilities,
        bests, medians);
  }

  /** The least probability of a choice: α = 1/(nλ) shared by the other choices, at most 1/(2k). */
  private double categoricalFloor(int k) {
    return Math.min(1.0 / (2 * k), 1.0 / (layout.size() * lambda * (k - 1.0)));
  }

  private static double[] floor(double[] p, double least) {
    double excess = 0;
    for (double v : p) {
      excess += Math.max(0, v - least);
    }
    double[] out = new double[p.length];
    double room = 1 - least * p.length;
    for (int c = 0; c < p.length; c++) {
      out[c] = least + (excess > 0 ? Math.max(0, p[c] - least) * room / excess : room / p.length);
    }
    return out;
  }

  private static int draw(double[] p, double u) {
    double cumulative = 0;
    for (int c = 0; c < p.length - 1; c++) {
      cumulative += p[c];
      if (u < cumulative) {
        return c;
      }
    }
    return p.length - 1;
  }

  /** Reflects {@code x} into [0, 1] as often as needed. */
  private static double mirror(double x) {
    double period = x - 2 * Math.floor(x / 2);
    return period > 1 ? 2 - period : period;
  }

  /**
   * One member of a generation: its point of the unit cube (space order), the point of the
   * ordered coordinates the update learns from, whether that point was repaired or injected (so
   * its step is clipped), and its categorical choices.
   */
  record Proposal(double[] unit, double[] told, boolean repaired, int[] picks) {}
}
