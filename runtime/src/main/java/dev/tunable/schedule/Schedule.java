package dev.tunable.schedule;

/**
 * A value that changes during training, a learning rate most often: a pure function of the step
 * and of the metric observed after each earlier step, so the same history always gives the same
 * value, a resumed or copied model (population-based training) continues exactly, and the schedule
 * can be tested by hand.
 *
 * <pre>{@code
 * Schedule rate = Schedule.cosine(0.01, 1e-4, 5, 100);
 * for (int epoch = 0; epoch < 100; epoch++) {
 *   model.learningRate = rate.valueAt(epoch, losses);
 *   ...
 * }
 * }</pre>
 *
 * <p>The built-in schedules are records; a model exposes their settings to the search as its own
 * {@code @Hyperparameter} fields and builds its schedule from them (see the multilayer perceptron
 * example).
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Schedule {

  /**
   * The value for step {@code step} (from 0).
   *
   * @param metrics the metric observed after steps 0, 1, …: only the first {@code step} are used,
   *     and only by schedules that react to the metric
   */
  double valueAt(long step, double[] metrics);

  /** The value for step {@code step} of a schedule that ignores the metric. */
  default double valueAt(long step) {
    return valueAt(step, new double[0]);
  }

  /** {@code rate} at every step. */
  static Schedule constant(double rate) {
    return new Constant(rate);
  }

  /** {@code rate · factor^⌊step / every⌋}. */
  static Schedule stepDecay(double rate, long every, double factor) {
    return new StepDecay(rate, every, factor);
  }

  /** {@code rate · gamma^step}. */
  static Schedule exponential(double rate, double gamma) {
    return new ExponentialDecay(rate, gamma);
  }

  /**
   * A linear warm-up from {@code rate / warmupSteps} to {@code rate} over the first {@code
   * warmupSteps} steps, then half a cosine from {@code rate} down to {@code minRate} at step {@code
   * totalSteps - 1}.
   */
  static Schedule cosine(double rate, double minRate, long warmupSteps, long totalSteps) {
    return new CosineAnnealing(rate, minRate, warmupSteps, totalSteps);
  }

  /**
   * {@code rate}, multiplied by {@code factor} each time the metric (a loss: lower is better) has
   * not improved by more than {@code minDelta} for more than {@code patience} steps, never below
   * {@code minRate}.
   */
  static Schedule reduceOnPlateau(
      double rate, double factor, int patience, double minDelta, double minRate) {
    return new ReduceOnPlateau(rate, factor, patience, minDelta, minRate);
  }

  /** The constant schedule. */
  record Constant(double rate) implements Schedule {
    public Constant {
      Rates.requirePositive(rate, "rate");
    }

    @Override
    public double valueAt(long step, double[] metrics) {
      Rates.requireStep(step);
      return rate;
    }
  }

  /** Step decay: the rate times {@code factor} every {@code every} steps. */
  record StepDecay(double rate, long every, double factor) implements Schedule {
    public StepDecay {
      Rates.requirePositive(rate, "rate");
      if (every < 1) {
        throw new IllegalArgumentException("every must be >= 1 step, got " + every);
      }
      Rates.requireFactor(factor);
    }

    @Override
    public double valueAt(long step, double[] metrics) {
      Rates.requireStep(step);
      return rate * Math.pow(factor, step / every);
    }
  }

  /** Exponential decay: the rate times {@code gamma} every step. */
  record ExponentialDecay(double rate, double gamma) implements Schedule {
    public ExponentialDecay {
      Rates.requirePositive(rate, "rate");
      Rates.requireFactor(gamma);
    }

    @Override
    public double valueAt(long step, double[] metrics) {
      Rates.requireStep(step);
      return rate * Math.pow(gamma, step);
    }
  }

  /** Cosine annealing with a linear warm-up. */
  record CosineAnnealing(double rate, double minRate, long warmupSteps, long totalSteps)
      implements Schedule {
    public CosineAnnealing {
      Rates.requirePositive(rate, "rate");
      if (!(minRate >= 0 && minRate <= rate)) {
        throw new IllegalArgumentException(
            "minRate must be in [0, rate = " + rate + "], got " + minRate);
      }
      if (warmupSteps < 0 || totalSteps <= warmupSteps) {
        throw new IllegalArgumentException("cosine annealing needs 0 <= warmupSteps < totalSteps,"
            + " got warmupSteps=" + warmupSteps + " totalSteps=" + totalSteps);
      }
    }

    @Override
    public double valueAt(long step, double[] metrics) {
      Rates.requireStep(step);
      if (step < warmupSteps) {
        return rate * (step + 1) / warmupSteps;
      }
      long span = totalSteps - 1 - warmupSteps;
      double progress = span == 0 ? 1 : Math.min(1, (double) (step - warmupSteps) / span);
      return minRate + (rate - minRate) * (1 + Math.cos(Math.PI * progress)) / 2;
    }
  }

  /** Reduce on plateau, replayed from the metric history so that it keeps no state. */
  record ReduceOnPlateau(double rate, double factor, int patience, double minDelta, double minRate)
      implements Schedule {
    public ReduceOnPlateau {
      Rates.requirePositive(rate, "rate");
      Rates.requireFactor(factor);
      if (patience < 0 || !(minDelta >= 0) || !(minRate >= 0)) {
        throw new IllegalArgumentException("patience, minDelta and minRate must be >= 0, got "
            + patience + ", " + minDelta + ", " + minRate);
      }
    }

    @Override
    public double valueAt(long step, double[] metrics) {
      Rates.requireStep(step);
      double current = rate;
      double best = Double.POSITIVE_INFINITY;
      int bad = 0;
      for (int i = 0; i < Math.min(step, metrics.length); i++) {
        if (metrics[i] < best - minDelta) {
          best = metrics[i];
          bad = 0;
        } else if (++bad > patience) {
          current = Math.max(current * factor, minRate);
          bad = 0;
        }
      }
      return current;
    }
  }
}
