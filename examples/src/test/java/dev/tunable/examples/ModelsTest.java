package dev.tunable.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The examples' models really learn: losses fall and held-out scores beat chance by far. */
class ModelsTest {

  private static final Dataset BREAST_CANCER = Dataset.breastCancer();
  private static final Dataset DIGITS = Dataset.digits();
  private static final Dataset DIABETES = Dataset.diabetes();

  @Test
  void datasetsAreTheBundledFiles() {
    assertEquals(569, BREAST_CANCER.size());
    assertEquals(30, BREAST_CANCER.featureNames().size());
    assertEquals(357, Arrays.stream(BREAST_CANCER.labels()).filter(c -> c == 1).count());
    assertEquals(1797, DIGITS.size());
    assertEquals(10, DIGITS.classCount());
    assertEquals(442, DIABETES.size());
    assertEquals(151.0, DIABETES.targets()[0]);
    assertEquals("bmi", DIABETES.featureNames().get(2));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Dataset.load("iris.csv"));
    assertTrue(e.getMessage().startsWith("no data set /datasets/iris.csv"), e.getMessage());
  }

  @Test
  void logisticRegressionTrainingReducesTheLoss() {
    int[][] split = split(BREAST_CANCER.size(), 0.25, 1);
    LogisticRegression model = new LogisticRegression(3);
    List<Double> losses = new ArrayList<>();
    model.fit(BREAST_CANCER.features(split[0]), BREAST_CANCER.labels(split[0]),
        (epoch, loss) -> losses.add(loss));
    assertEquals(model.epochs, losses.size());
    // All weights zero would cost ln 2 = 0.693 per row.
    assertTrue(losses.get(0) < 0.69 && last(losses) < 0.5 * losses.get(0), losses.toString());
    double trainLoss = model.loss(BREAST_CANCER.features(split[0]), BREAST_CANCER.labels(split[0]));
    assertEquals(last(losses), trainLoss, 0.05, "the last epoch's loss is near the trained loss");
    assertTrue(accuracy(model.predict(BREAST_CANCER.features(split[1])),
        BREAST_CANCER.labels(split[1])) > 0.95);
  }

  @Test
  void theL1PenaltyZeroesWeightsAndTheL2PenaltyDoesNot() {
    int[][] split = split(BREAST_CANCER.size(), 0.25, 1);
    LogisticRegression lasso = new LogisticRegression(3);
    lasso.penalty = LogisticRegression.Penalty.L1;
    lasso.regularization = 0.2;
    lasso.learningRate = 0.1;
    lasso.epochs = 30;
    lasso.fit(BREAST_CANCER.features(split[0]), BREAST_CANCER.labels(split[0]));
    LogisticRegression ridge = new LogisticRegression(3);
    ridge.regularization = 0.2;
    ridge.learningRate = 0.1;
    ridge.epochs = 30;
    ridge.fit(BREAST_CANCER.features(split[0]), BREAST_CANCER.labels(split[0]));
    assertTrue(lasso.zeroWeights() >= 10, "L1 zeroed only " + lasso.zeroWeights() + " of 30");
    assertEquals(0, ridge.zeroWeights());
  }

  @Test
  void everyOptimizerReducesTheNetworksLoss() {
    int[][] split = split(DIGITS.size(), 0.5, 2);
    for (Optimizer optimizer : List.of(new Sgd(), new RmsProp(), new Adam())) {
      MultilayerPerceptron network = new MultilayerPerceptron(5);
      network.optimizer = optimizer;
      network.units = 32;
      network.epochs = 8;
      network.learningRate = optimizer instanceof Sgd ? 0.01 : 0.002;
      List<Double> losses = new ArrayList<>();
      network.fit(DIGITS.features(split[0]), DIGITS.labels(split[0]),
          (epoch, loss) -> losses.add(loss));
      // Chance level is ln 10 = 2.3 per row.
      assertTrue(last(losses) < 0.3 && last(losses) < 0.25 * losses.get(0),
          optimizer + ": " + losses);
      double accuracy =
          accuracy(network.predict(DIGITS.features(split[1])), DIGITS.labels(split[1]));
      assertTrue(accuracy > 0.9, optimizer + " reached only " + accuracy);
    }
  }

  @Test
  void aDeeperNetworkWithDropoutAndTanhLearnsToo() {
    int[][] split = split(DIGITS.size(), 0.5, 2);
    MultilayerPerceptron network = new MultilayerPerceptron(6);
    network.hiddenLayers = 2;
    network.units = 32;
    network.activation = MultilayerPerceptron.Activation.TANH;
    network.dropout = 0.2;
    network.epochs = 10;
    network.learningRate = 0.003;
    network.fit(DIGITS.features(split[0]), DIGITS.labels(split[0]));
    assertEquals(3, network.weights.length);
    assertEquals(32, network.weights[1].length);
    assertEquals(10, network.biases[2].length);
    double before = Math.log(10);
    double after = network.loss(DIGITS.features(split[1]), DIGITS.labels(split[1]));
    assertTrue(after < 0.2 * before, "held-out loss " + after);
  }

  @Test
  void trainingIsDeterministicGivenTheSeed() {
    int[][] split = split(DIGITS.size(), 0.8, 2);
    double[][] x = DIGITS.features(split[0]);
    int[] y = DIGITS.labels(split[0]);
    MultilayerPerceptron a = new MultilayerPerceptron(9);
    MultilayerPerceptron b = new MultilayerPerceptron(9);
    MultilayerPerceptron c = new MultilayerPerceptron(10);
    for (MultilayerPerceptron network : List.of(a, b, c)) {
      network.epochs = 2;
      network.units = 16;
      network.dropout = 0.1;
      network.fit(x, y);
    }
    assertArrayEquals(a.weights[0][3], b.weights[0][3]);
    assertTrue(!Arrays.equals(a.weights[0][3], c.weights[0][3]));
  }

  @Test
  void boostingReducesTheTrainingErrorTreeByTree() {
    int[][] split = split(DIABETES.size(), 0.25, 3);
    GradientBoostedTrees boosting = new GradientBoostedTrees(4);
    boosting.trees = 50;
    boosting.subsample = 0.8;
    boosting.minSamplesLeaf = 5;
    List<Double> errors = new ArrayList<>();
    boosting.fit(DIABETES.features(split[0]), DIABETES.targets(split[0]),
        (tree, error) -> errors.add(error));
    double variance = variance(DIABETES.targets(split[0]));
    assertTrue(errors.get(0) < variance && last(errors) < 0.5 * variance, errors.toString());
    assertEquals(50, boosting.ensemble.size());
    for (RegressionTree tree : boosting.ensemble) {
      assertTrue(tree.depth() <= boosting.maxDepth);
    }
    double[] actual = DIABETES.targets(split[1]);
    double[] predicted = boosting.predict(DIABETES.features(split[1]));
    double r2 = 1 - meanSquare(actual, predicted) / variance(actual);
    assertTrue(r2 > 0.3, "held-out R² " + r2);
  }

  @Test
  void aTreeSplitsWhereTheTargetJumps() {
    double[][] x = {{1, 5}, {2, 5}, {3, 5}, {4, 5}, {5, 5}, {6, 5}};
    double[] target = {0, 0, 0, 10, 10, 10};
    int[] rows = {0, 1, 2, 3, 4, 5};
    RegressionTree tree =
        RegressionTree.grow(x, target, RegressionTree.sortByFeature(x, rows), 3, 1);
    assertEquals(3, tree.size());
    assertEquals(0, tree.predict(new double[] {3.4, 0}));
    assertEquals(10, tree.predict(new double[] {3.6, 0}));
    RegressionTree stump =
        RegressionTree.grow(x, target, RegressionTree.sortByFeature(x, rows), 3, 4);
    assertEquals(1, stump.size(), "no split leaves 4 rows a side");
    assertEquals(5, stump.predict(new double[] {0, 0}));
  }

  /** Train and test rows, shuffled with {@code seed}. */
  static int[][] split(int rows, double testFraction, long seed) {
    int[] order = new int[rows];
    Arrays.setAll(order, i -> i);
    LogisticRegression.shuffle(order, new SplittableRandom(seed));
    int test = (int) Math.round(rows * testFraction);
    return new int[][] {Arrays.copyOfRange(order, test, rows), Arrays.copyOf(order, test)};
  }

  private static double accuracy(int[] predicted, int[] actual) {
    int correct = 0;
    for (int i = 0; i < actual.length; i++) {
      correct += predicted[i] == actual[i] ? 1 : 0;
    }
    return (double) correct / actual.length;
  }

  private static double variance(double[] values) {
    double mean = Arrays.stream(values).average().orElseThrow();
    return Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
  }

  private static double meanSquare(double[] actual, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += (actual[i] - predicted[i]) * (actual[i] - predicted[i]);
    }
    return sum / actual.length;
  }

  private static double last(List<Double> values) {
    return values.get(values.size() - 1);
  }
}
