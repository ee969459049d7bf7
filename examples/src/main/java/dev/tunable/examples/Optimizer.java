package dev.tunable.examples;

/**
 * How {@link MultilayerPerceptron} turns a gradient into a step: {@link Sgd} (with momentum),
 * {@link RmsProp} or {@link Adam}, each with settings of its own. A sealed interface, so that a
 * tuner can choose among the three and tune each one's settings only when it is chosen.
 *
 * <p>An optimizer holds its settings only; the running moments of a training run are passed to
 * {@link #step}, so that one optimizer serves every parameter group and every run.
 */
public sealed interface Optimizer permits Sgd, RmsProp, Adam {

  /**
   * Moves {@code parameters} one step against {@code gradients}, in place.
   *
   * @param first this optimizer's first running moment for these parameters (a velocity or a
   *     mean gradient), all zero before the first step; updated in place
   * @param second its second running moment (a mean squared gradient), likewise
   * @param step the number of this step in the run, from 1
   * @param learningRate the step size at this step
   */
  void step(double[] parameters, double[] gradients, double[] first, double[] second, int step,
      double learningRate);
}
