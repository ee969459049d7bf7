package dev.tunable.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/**
 * Each optimizer's update rule against steps worked out by hand on f(p) = |p|^2 / 2, whose
 * gradient is p itself, from p = (2, -1) with learning rate 0.1.
 */
class OptimizerTest {
  private static final double RATE = 0.1;

  @Test
  void sgdKeepsAShareOfItsLastStep() {
    // v1 = -0.1 * 2 = -0.2, p1 = 1.8; v2 = 0.9 * -0.2 - 0.1 * 1.8 = -0.36, p2 = 1.44.
    double[][] path = twoSteps(new Sgd());
    assertArrayEquals(new double[] {1.8, -0.9}, path[0], 1e-12);
    assertArrayEquals(new double[] {1.44, -0.72}, path[1], 1e-12);
    Sgd plain = new Sgd();
    plain.momentum = 0;
    // Plain gradient descent: p2 = 1.8 - 0.1 * 1.8 = 1.62.
    assertArrayEquals(new double[] {1.62, -0.81}, twoSteps(plain)[1], 1e-12);
  }

  @Test
  void rmsPropDividesByTheRunningRootMeanSquare() {
    // s1 = 0.1 * 2^2 = 0.4, p1 = 2 - 0.1 * 2 / (sqrt(0.4) + 1e-8) = 2 - 0.316227761 = 1.683772239;
    // s2 = 0.9 * 0.4 + 0.1 * p1^2 = 0.643508893, p2 = p1 - 0.1 * p1 / sqrt(s2) = 1.473875321.
    double[][] path = twoSteps(new RmsProp());
    assertArrayEquals(new double[] {1.683772239, -0.683772244}, path[0], 1e-9);
    assertArrayEquals(new double[] {1.473875321, -0.498870620}, path[1], 1e-9);
    RmsProp fast = new RmsProp();
    fast.decay = 0.5;
    // s1 = 0.5 * 4 = 2, p1 = 2 - 0.2 / sqrt(2) = 1.858578645.
    assertArrayEquals(new double[] {1.858578645, -0.858578646}, twoSteps(fast)[0], 1e-9);
  }

  @Test
  void adamCorrectsItsMomentsForTheirStartAtZero() {
    // Corrected, the first moments are g and g^2: the first step is the learning rate itself,
    // 2 - 0.1 * 2 / (2 + 1e-8). Second: m = 0.9 * 0.2 + 0.1 * 1.9 = 0.37, v = 0.999 * 0.004 +
    // 0.001 * 1.9^2 = 0.007606; corrected 0.37 / 0.19 and 0.007606 / 0.001999;
    // p2 = 1.9 - 0.1 * 1.947368 / 1.950616 = 1.800166487.
    double[][] path = twoSteps(new Adam());
    assertArrayEquals(new double[] {1.9000000005, -0.900000001}, path[0], 1e-12);
    assertArrayEquals(new double[] {1.800166487, -0.800412230}, path[1], 1e-9);
    Adam blunt = new Adam();
    blunt.epsilon = 1;
    // 2 - 0.1 * 2 / (2 + 1) and -1 + 0.1 * 1 / (1 + 1).
    assertArrayEquals(new double[] {2 - 0.2 / 3, -0.95}, twoSteps(blunt)[0], 1e-12);
    Adam other = new Adam();
    other.beta1 = 0.5;
    other.beta2 = 0.99;
    // m = 0.5 * 1 + 0.5 * 1.9 = 1.45, corrected / 0.75; v = 0.99 * 0.04 + 0.01 * 3.61 = 0.0757,
    // corrected / 0.0199; p2 = 1.9 - 0.1 * 1.933333 / 1.950386 = 1.800874513.
    assertArrayEquals(new double[] {1.800874513, -0.801864294}, twoSteps(other)[1], 1e-9);
  }

  /** The parameters after each of two steps from (2, -1), the gradient being the parameters. */
  private static double[][] twoSteps(Optimizer optimizer) {
    double[] p = {2, -1};
    double[] first = new double[2];
    double[] second = new double[2];
    double[][] path = new double[2][];
    for (int step = 1; step <= 2; step++) {
      optimizer.step(p, p.clone(), first, second, step, RATE);
      path[step - 1] = p.clone();
    }
    return path;
  }
}
