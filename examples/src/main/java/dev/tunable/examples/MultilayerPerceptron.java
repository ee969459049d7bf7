package dev.tunable.examples;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;
import dev.tunable.annotations.Scale;
import dev.tunable.schedule.Schedule;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fully connected neural network classifier: hidden layers of equal width, a softmax output,
 * trained on the cross-entropy loss by mini-batch gradient descent with momentum, RMSprop or Adam,
 * with dropout and weight decay against overfitting.
 *
 * <p>The architecture (layers, units), the training procedure (optimizer, learning rate, schedule,
 * warm-up, batch size, epochs) and the regularization (dropout, weight decay) are all {@link
 * Hyperparameter}s; two of them are enums, which become categorical dimensions of the search
 * space. The optimizer is a sealed interface, {@link Optimizer}: a choice among {@link Sgd},
 * {@link RmsProp} and {@link Adam}, each with settings of its own that are tuned only while it is
 * chosen ({@code optimizer.adam.beta1} while {@code optimizer} is {@code adam}). The learning
 * rate of each epoch comes from a {@link Schedule} built from the rate, the schedule and the
 * warm-up, so the schedule's settings are tuned like the rest. The weights and
 * biases, one array per layer, are {@link Learned}: {@code
 * MultilayerPerceptronParameters.capture(model)} copies them deeply, which is how a checkpoint, a
 * warm start or a population-based training exploit is taken. Deterministic given the seed.
 */
public class MultilayerPerceptron {

  /** The non-linearity of the hidden layers. */
  public enum Activation {
    /** {@code max(0, t)}: the usual choice; weights start with He scaling. */
    RELU,
    /** {@code tanh(t)}; weights start with Glorot scaling. */
    TANH,
    /** {@code 1 / (1 + e^-t)}; weights start with Glorot scaling. */
    LOGISTIC
  }

  /** How the learning rate changes over the epochs. */
  public enum RateSchedule {
    /** The learning rate throughout, after the warm-up. */
    CONSTANT,
    /** Half a cosine from the learning rate down to a hundredth of it, after the warm-up. */
    COSINE
  }

  @Hyperparameter(range = {1, 3}, description = "the number of hidden layers")
  int hiddenLayers = 1;

  @Hyperparameter(range = {16, 128}, scale = Scale.LOG, description = "units per hidden layer")
  int units = 64;

  @Hyperparameter(description = "the non-linearity of the hidden layers")
  Activation activation = Activation.RELU;

  @Hyperparameter(
      range = {0, 0.5},
      description = "the probability of dropping each hidden unit in a training step")
  double dropout = 0;

  /** A choice among {@link Sgd}, {@link RmsProp} and {@link Adam}, each tuned with its settings. */
  @Hyperparameter(description = "how a gradient becomes a step")
  Optimizer optimizer = new Adam();

  @Hyperparameter(range = {1e-4, 1e-1}, scale = Scale.LOG, description = "the step size")
  double learningRate = 1e-3;

  @Hyperparameter(description = "how the learning rate changes over the epochs")
  RateSchedule schedule = RateSchedule.CONSTANT;

  @Hyperparameter(
      range = {0, 5},
      description = "epochs over which the learning rate rises linearly to its value")
  int warmupEpochs = 0;

  @Hyperparameter(range = {16, 256}, scale = Scale.LOG, description = "rows per gradient step")
  int batchSize = 32;

  @Hyperparameter(range = {5, 60}, description = "passes over the training rows")
  int epochs = 20;

  @Hyperparameter(
      range = {1e-6, 1e-1},
      scale = Scale.LOG,
      description = "the L2 penalty on the weights (not the biases)")
  double weightDecay = 1e-4;

  /** {@code weights[layer][unit][input]}; the last layer maps to the classes. */
  @Learned double[][][] weights;

  /** {@code biases[layer][unit]}. */
  @Learned double[][] biases;

  @Learned double[] featureMeans;
  @Learned double[] featureScales;

  private final long seed;

  /** A network with the default hyperparameters and seed 0. */
  public MultilayerPerceptron() {
    this(0);
  }

  /** A network with the default hyperparameters, initialized and shuffled with {@code seed}. */
  public MultilayerPerceptron(long seed) {
    this.seed = seed;
  }

  /** Trains on rows {@code x} with classes {@code y} (0 to k - 1), replacing earlier training. */
  public MultilayerPerceptron fit(double[][] x, int[] y) {
    return fit(x, y, (epoch, loss) -> {});
  }

  /** Trains as {@link #fit(double[][], int[])} does, telling {@code listener} after each epoch. */
  public MultilayerPerceptron fit(double[][] x, int[] y, EpochListener listener) {
    int classes = checkTrainingData(x, y);
    featureMeans = Standardization.means(x);
    featureScales = Standardization.scales(x, featureMeans);
    double[][] z = Standardization.apply(x, featureMeans, featureScales);
    SplittableRandom random = new SplittableRandom(seed);
    initialize(z[0].length, classes, random);
    train(z, y, classes, random, 0, epochs, listener);
    return this;
  }

  /**
   * Trains for {@code count} more epochs from the current weights (initializing them if the
   * network is untrained), as epochs {@code first} to {@code first + count - 1} of the
   * learning-rate schedule: one interval of population-based training, where the weights may
   * have been copied from another network in between. The optimizer's moments start afresh.
   */
  public MultilayerPerceptron trainEpochs(double[][] x, int[] y, int first, int count) {
    int classes = checkTrainingData(x, y);
    if (weights == null) {
      featureMeans = Standardization.means(x);
      featureScales = Standardization.scales(x, featureMeans);
      initialize(x[0].length, classes, new SplittableRandom(seed));
    }
    double[][] z = Standardization.apply(x, featureMeans, featureScales);
    // each interval shuffles with its own stream, so an interval's result depends only on its start
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + first);
    train(z, y, classes, random, first, first + count, (epoch, loss) -> {});
    return this;
  }

  /** The learning-rate schedule the hyperparameters describe, over {@code epochs} epochs. */
  public Schedule learningRateSchedule() {
    int warmup = Math.min(warmupEpochs, Math.max(0, epochs - 1));
    return switch (schedule) {
      case CONSTANT -> warmup == 0
          ? Schedule.constant(learningRate)
          : Schedule.cosine(learningRate, learningRate, warmup, epochs);
      case COSINE -> Schedule.cosine(learningRate, learningRate / 100, warmup, Math.max(epochs, 1));
    };
  }

  private void train(double[][] z, int[] y, int classes, SplittableRandom random, int firstEpoch,
      int endEpoch, EpochListener listener) {
    Schedule rates = learningRateSchedule();
    int layers = weights.length;
    double[][][] weightGradients = zerosLike(weights);
    double[][] biasGradients = zerosLike(biases);
    Steps weightSteps = new Steps(optimizer, weights);
    Steps biasSteps = new Steps(optimizer, biases);
    int[] order = new int[z.length];
    Arrays.setAll(order, i -> i);
    int step = 0;
    for (int epoch = firstEpoch; epoch < endEpoch; epoch++) {
      double rate = rates.valueAt(epoch);
      LogisticRegression.shuffle(order, random);
      double lossSum = 0;
      for (int start = 0; start < order.length; start += batchSize) {
        int size = Math.min(batchSize, order.length - start);
        double[][][] inputs = new double[layers][][];
        double[][][] masks = new double[layers][][];
        inputs[0] = new double[size][];
        for (int b = 0; b < size; b++) {
          inputs[0][b] = z[order[start + b]];
        }
        // Forward, keeping each layer's input and each hidden layer's dropout mask.
        for (int l = 0; l < layers - 1; l++) {
          double[][] out = affine(inputs[l], l);
          masks[l + 1] = new double[size][out[0].length];
          for (int b = 0; b < size; b++) {
            for (int u = 0; u < out[b].length; u++) {
              boolean kept = dropout == 0 || random.nextDouble() >= dropout;
              masks[l + 1][b][u] = kept ? 1 / (1 - dropout) : 0;
              out[b][u] = activate(out[b][u]) * masks[l + 1][b][u];
            }
          }
          inputs[l + 1] = out;
        }
        double[][] delta = affine(inputs[layers - 1], layers - 1);
        for (int b = 0; b < size; b++) {
          softmaxInPlace(delta[b]);
          int label = y[order[start + b]];
          lossSum -= Math.log(Math.max(1e-15, delta[b][label]));
          delta[b][label] -= 1;
          for (int c = 0; c < classes; c++) {
            delta[b][c] /= size;
          }
        }
        // Backward: delta holds d(mean loss)/d(pre-activation) of layer l.
        for (int l = layers - 1; l >= 0; l--) {
          accumulate(delta, inputs[l], weightGradients[l], biasGradients[l]);
          if (l > 0) {
            delta = backThrough(delta, l, inputs[l], masks[l]);
          }
        }
        step++;
        for (int l = 0; l < layers; l++) {
          for (int u = 0; u < weights[l].length; u++) {
            for (int i = 0; i < weights[l][u].length; i++) {
              weightGradients[l][u][i] += weightDecay * weights[l][u][i];
            }
          }
        }
        weightSteps.apply(weights, weightGradients, step, rate);
        biasSteps.apply(biases, biasGradients, step, rate);
      }
      listener.onEpoch(epoch, lossSum / order.length);
    }
  }

  /** The probability of each class for each row of {@code x}: {@code [row][class]}. */
  public double[][] predictProbabilities(double[][] x) {
    if (weights == null) {
      throw new IllegalStateException(
          "this MultilayerPerceptron is not trained yet; call fit first");
    }
    double[][] a = Standardization.apply(x, featureMeans, featureScales);
    for (int l = 0; l < weights.length - 1; l++) {
      a = affine(a, l);
      for (double[] row : a) {
        for (int u = 0; u < row.length; u++) {
          row[u] = activate(row[u]);
        }
      }
    }
    double[][] output = affine(a, weights.length - 1);
    for (double[] row : output) {
      softmaxInPlace(row);
    }
    return output;
  }

  /** The most probable class of each row of {@code x}. */
  public int[] predict(double[][] x) {
    double[][] probabilities = predictProbabilities(x);
    int[] classes = new int[probabilities.length];
    for (int i = 0; i < classes.length; i++) {
      int best = 0;
      for (int c = 1; c < probabilities[i].length; c++) {
        if (probabilities[i][c] > probabilities[i][best]) {
          best = c;
        }
      }
      classes[i] = best;
    }
    return classes;
  }

  /** The mean cross-entropy of the true classes {@code y} on rows {@code x}, without penalty. */
  public double loss(double[][] x, int[] y) {
    double[][] probabilities = predictProbabilities(x);
    double total = 0;
    for (int i = 0; i < y.length; i++) {
      total -= Math.log(Math.max(1e-15, probabilities[i][y[i]]));
    }
    return total / y.length;
  }

  private void initialize(int inputs, int classes, SplittableRandom random) {
    int layers = hiddenLayers + 1;
    weights = new double[layers][][];
    biases = new double[layers][];
    int fanIn = inputs;
    for (int l = 0; l < layers; l++) {
      int fanOut = l == layers - 1 ? classes : units;
      double limit = activation == Activation.RELU && l < layers - 1
          ? Math.sqrt(6.0 / fanIn)
          : Math.sqrt(6.0 / (fanIn + fanOut));
      weights[l] = new double[fanOut][fanIn];
      for (double[] row : weights[l]) {
        for (int i = 0; i < fanIn; i++) {
          row[i] = (2 * random.nextDouble() - 1) * limit;
        }
      }
      biases[l] = new double[fanOut];
      fanIn = fanOut;
    }
  }

  /** {@code input * weights[l]^T + biases[l]}, row by row. */
  private double[][] affine(double[][] input, int l) {
    double[][] w = weights[l];
    double[] bias = biases[l];
    double[][] out = new double[input.length][w.length];
    for (int b = 0; b < input.length; b++) {
      double[] in = input[b];
      double[] o = out[b];
      for (int u = 0; u < w.length; u++) {
        double[] wu = w[u];
        double sum = bias[u];
        for (int i = 0; i < in.length; i++) {
          sum += wu[i] * in[i];
        }
        o[u] = sum;
      }
    }
    return out;
  }

  /** Sets the gradients of layer {@code l} from its output deltas and its inputs. */
  private static void accumulate(
      double[][] delta, double[][] input, double[][] weightGradient, double[] biasGradient) {
    for (double[] row : weightGradient) {
      Arrays.fill(row, 0);
    }
    Arrays.fill(biasGradient, 0);
    for (int b = 0; b < delta.length; b++) {
      double[] in = input[b];
      for (int u = 0; u < delta[b].length; u++) {
        double d = delta[b][u];
        if (d == 0) {
          continue;
        }
        double[] g = weightGradient[u];
        for (int i = 0; i < in.length; i++) {
          g[i] += d * in[i];
        }
        biasGradient[u] += d;
      }
    }
  }

  /**
   * The deltas of hidden layer {@code l - 1} from those of layer {@code l}: back through the
   * weights, the dropout mask and the activation. {@code input} is layer l's input, that is the
   * masked activation of layer l - 1.
   */
  private double[][] backThrough(double[][] delta, int l, double[][] input, double[][] mask) {
    double[][] w = weights[l];
    double[][] previous = new double[delta.length][w[0].length];
    for (int b = 0; b < delta.length; b++) {
      double[] p = previous[b];
      for (int u = 0; u < w.length; u++) {
        double d = delta[b][u];
        if (d == 0) {
          continue;
        }
        double[] wu = w[u];
        for (int i = 0; i < p.length; i++) {
          p[i] += d * wu[i];
        }
      }
      for (int i = 0; i < p.length; i++) {
        double m = mask[b][i];
        // input = activation * m, so the activation is input / m where the unit was kept.
        p[i] = m == 0 ? 0 : p[i] * m * derivativeFromOutput(input[b][i] / m);
      }
    }
    return previous;
  }

  private double activate(double t) {
    return switch (activation) {
      case RELU -> t > 0 ? t : 0;
      case TANH -> Math.tanh(t);
      case LOGISTIC -> 1 / (1 + Math.exp(-t));
    };
  }

  private double derivativeFromOutput(double a) {
    return switch (activation) {
      case RELU -> a > 0 ? 1 : 0;
      case TANH -> 1 - a * a;
      case LOGISTIC -> a * (1 - a);
    };
  }

  private static void softmaxInPlace(double[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    for (int c = 0; c < logits.length; c++) {
      logits[c] = Math.exp(logits[c] - max);
      sum += logits[c];
    }
    for (int c = 0; c < logits.length; c++) {
      logits[c] /= sum;
    }
  }

  /** An optimizer's running moments for one group of parameters. */
  private static final class Steps {
    private final Optimizer rule;
    private final double[][][] first;
    private final double[][][] second;

    Steps(Optimizer rule, double[][][] shape) {
      this.rule = rule;
      first = zerosLike(shape);
      second = zerosLike(shape);
    }

    Steps(Optimizer rule, double[][] shape) {
      this(rule, new double[][][] {shape});
    }

    void apply(double[][] parameters, double[][] gradients, int step, double learningRate) {
      apply(new double[][][] {parameters}, new double[][][] {gradients}, step, learningRate);
    }

    void apply(double[][][] parameters, double[][][] gradients, int step, double learningRate) {
      for (int l = 0; l < parameters.length; l++) {
        for (int u = 0; u < parameters[l].length; u++) {
          rule.step(parameters[l][u], gradients[l][u], first[l][u], second[l][u], step,
              learningRate);
        }
      }
    }
  }

  private static double[][][] zerosLike(double[][][] shape) {
    double[][][] zeros = new double[shape.length][][];
    for (int l = 0; l < shape.length; l++) {
      zeros[l] = zerosLike(shape[l]);
    }
    return zeros;
  }

  private static double[][] zerosLike(double[][] shape) {
    double[][] zeros = new double[shape.length][];
    for (int i = 0; i < shape.length; i++) {
      zeros[i] = new double[shape[i].length];
    }
    return zeros;
  }

  private static int checkTrainingData(double[][] x, int[] y) {
    if (x.length == 0 || x.length != y.length) {
      throw new IllegalArgumentException(
          "training needs one class per row and at least one row; got " + x.length + " rows and "
              + y.length + " classes");
    }
    int max = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] < 0) {
        throw new IllegalArgumentException(
            "row " + i + " has class " + y[i] + "; classes are numbered from 0");
      }
      max = Math.max(max, y[i]);
    }
    return max + 1;
  }

  @Override
  public String toString() {
    return "MultilayerPerceptron(hiddenLayers=" + hiddenLayers + ", units=" + units
        + ", activation=" + activation + ", dropout=" + dropout + ", optimizer=" + optimizer
        + ", learningRate=" + learningRate + ", schedule=" + schedule
        + ", warmupEpochs=" + warmupEpochs + ", batchSize=" + batchSize + ", epochs=" + epochs
        + ", weightDecay=" + weightDecay + ")";
  }
}
