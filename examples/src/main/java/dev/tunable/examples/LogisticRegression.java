package dev.tunable.examples;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;
import dev.tunable.annotations.Scale;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Binary logistic regression trained by mini-batch gradient descent, with an L1 or L2 penalty.
 *
 * <p>How to read this class as an annotation example: everything chosen <em>before</em> training is
 * a {@link Hyperparameter} with the range a search should cover (log scale where orders of magnitude
 * matter); everything training <em>sets</em> is {@link Learned}, the feature statistics included,
 * since they come from the training rows. The defaults are the values a user gets without tuning.
 * The annotation processor generates {@code LogisticRegressionHyperparameters} (typed values and the
 * search space) and {@code LogisticRegressionParameters} (a checkpoint of the learned fields).
 *
 * <p>Training minimizes the mean log loss plus {@code regularization} times the penalty, on features
 * standardized with the training rows' statistics. The L2 penalty is {@code ||w||^2 / 2} and enters
 * the gradient; the L1 penalty is {@code ||w||_1}, applied after each step by soft thresholding
 * (proximal gradient), which sets unhelpful weights exactly to zero. The step size falls linearly
 * from {@code learningRate} to zero over the training, so that the weights converge. Deterministic
 * given the seed.
 */
public class LogisticRegression {

  /** The penalty on the weights; the bias is never penalized. */
  public enum Penalty {
    /** The sum of absolute weights: drives weak features' weights to exactly zero. */
    L1,
    /** Half the sum of squared weights: shrinks all weights smoothly. */
    L2
  }

  @Hyperparameter(description = "the penalty on the weights")
  Penalty penalty = Penalty.L2;

  @Hyperparameter(
      range = {1e-6, 1},
      scale = Scale.LOG,
      description = "how strongly the penalty weighs against the log loss")
  double regularization = 1e-4;

  @Hyperparameter(
      range = {1e-3, 1},
      scale = Scale.LOG,
      description = "the step size of gradient descent")
  double learningRate = 0.1;

  @Hyperparameter(
      range = {8, 128},
      scale = Scale.LOG,
      description = "rows per gradient step")
  int batchSize = 32;

  @Hyperparameter(range = {5, 100}, description = "passes over the training rows")
  int epochs = 20;

  @Learned double[] weights;
  @Learned double bias;
  @Learned double[] featureMeans;
  @Learned double[] featureScales;

  private final long seed;

  /** A model with the default hyperparameters and seed 0. */
  public LogisticRegression() {
    this(0);
  }

  /** A model with the default hyperparameters whose training shuffles with {@code seed}. */
  public LogisticRegression(long seed) {
    this.seed = seed;
  }

  /** Trains on rows {@code x} with classes {@code y} (0 or 1), replacing any earlier training. */
  public LogisticRegression fit(double[][] x, int[] y) {
    return fit(x, y, (epoch, loss) -> {});
  }

  /** Trains as {@link #fit(double[][], int[])} does, telling {@code listener} after each epoch. */
  public LogisticRegression fit(double[][] x, int[] y, EpochListener listener) {
    checkTrainingData(x, y);
    featureMeans = Standardization.means(x);
    featureScales = Standardization.scales(x, featureMeans);
    double[][] z = Standardization.apply(x, featureMeans, featureScales);
    weights = new double[z[0].length];
    bias = 0;
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = new int[z.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    double[] gradient = new double[weights.length];
    int batches = (order.length + batchSize - 1) / batchSize;
    long totalSteps = (long) batches * epochs;
    long step = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      shuffle(order, random);
      double lossSum = 0;
      for (int start = 0; start < order.length; start += batchSize) {
        int end = Math.min(order.length, start + batchSize);
        Arrays.fill(gradient, 0);
        double biasGradient = 0;
        for (int b = start; b < end; b++) {
          int row = order[b];
          double p = sigmoid(linear(z[row]));
          lossSum += rowLoss(p, y[row]);
          double error = p - y[row];
          for (int j = 0; j < weights.length; j++) {
            gradient[j] += error * z[row][j];
          }
          biasGradient += error;
        }
        int size = end - start;
        // The step size decays linearly to zero: mini-batch noise then dies out and the weights
        // settle at the penalized optimum instead of wandering around it.
        double rate = learningRate * (totalSteps - step++) / totalSteps;
        for (int j = 0; j < weights.length; j++) {
          double slope = gradient[j] / size;
          if (penalty == Penalty.L2) {
            slope += regularization * weights[j];
          }
          weights[j] -= rate * slope;
          if (penalty == Penalty.L1) {
            double shrink = rate * regularization;
            weights[j] = Math.signum(weights[j]) * Math.max(0, Math.abs(weights[j]) - shrink);
          }
        }
        bias -= rate * biasGradient / size;
      }
      listener.onEpoch(epoch, lossSum / order.length);
    }
    return this;
  }

  /** The probability of class 1 for each row of {@code x}. */
  public double[] predictProbabilities(double[][] x) {
    checkTrained();
    double[][] z = Standardization.apply(x, featureMeans, featureScales);
    double[] probabilities = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      probabilities[i] = sigmoid(linear(z[i]));
    }
    return probabilities;
  }

  /** The predicted class, 0 or 1, of each row of {@code x}. */
  public int[] predict(double[][] x) {
    double[] probabilities = predictProbabilities(x);
    int[] classes = new int[probabilities.length];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = probabilities[i] >= 0.5 ? 1 : 0;
    }
    return classes;
  }

  /** The objective training minimizes: mean log loss on {@code (x, y)} plus the penalty. */
  public double loss(double[][] x, int[] y) {
    double[] probabilities = predictProbabilities(x);
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      total += rowLoss(probabilities[i], y[i]);
    }
    double penaltyValue = 0;
    for (double w : weights) {
      penaltyValue += penalty == Penalty.L1 ? Math.abs(w) : w * w / 2;
    }
    return total / y.length + regularization * penaltyValue;
  }

  /** The number of weights that are exactly zero; the L1 penalty makes it grow. */
  public int zeroWeights() {
    checkTrained();
    int zeros = 0;
    for (double w : weights) {
      zeros += w == 0 ? 1 : 0;
    }
    return zeros;
  }

  private double linear(double[] row) {
    double sum = bias;
    for (int j = 0; j < weights.length; j++) {
      sum += weights[j] * row[j];
    }
    return sum;
  }

  private static double sigmoid(double t) {
    return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
  }

  private static double rowLoss(double p, int y) {
    double clipped = Math.min(1 - 1e-15, Math.max(1e-15, p));
    return y == 1 ? -Math.log(clipped) : -Math.log(1 - clipped);
  }

  static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  private static void checkTrainingData(double[][] x, int[] y) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException(
          "training needs one class per row and at least one row; got " + x.length + " rows and "
              + y.length + " classes");
    }
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 0 && y[i] != 1) {
        throw new IllegalArgumentException(
            "row " + i + " has class " + y[i] + "; logistic regression needs classes 0 and 1");
      }
    }
  }

  private void checkTrained() {
    if (weights == null) {
      throw new IllegalStateException("this LogisticRegression is not trained yet; call fit first");
    }
  }

  @Override
  public String toString() {
    return "LogisticRegression(penalty=" + penalty + ", regularization=" + regularization
        + ", learningRate=" + learningRate + ", batchSize=" + batchSize + ", epochs=" + epochs
        + ")";
  }
}
