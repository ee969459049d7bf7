package dev.tunable.pbt;

/**
 * What {@link PopulationBasedTraining} needs to know of a model type: how to make one, train it
 * for one interval, score it, copy its learned state and set its hyperparameters. For an annotated
 * model every method is one line, through the generated {@code <Model>Hyperparameters} and {@code
 * <Model>Parameters}:
 *
 * <pre>{@code
 * new Trainable<Net, NetHyperparameters, NetParameters>() {
 *   public Net create(NetHyperparameters h, long seed) { return h.applyTo(new Net(seed)); }
 *   public void train(Net net, int round) { net.trainEpochs(x, y, round * 2, 2); }
 *   public double evaluate(Net net) { return accuracy(net, validation); }
 *   public NetParameters capture(Net net) { return NetParameters.capture(net); }
 *   public void restore(NetParameters state, Net net) { state.restore(net); }
 *   public void apply(NetHyperparameters h, Net net) { h.applyTo(net); }
 * };
 * }</pre>
 *
 * <p>Methods are called from several threads, but never at once for the same model.
 *
 * @param <M> the model
 * @param <H> its hyperparameters: a generated record or {@link dev.tunable.Config}
 * @param <P> its learned state: a generated {@code Parameters} record, a deep copy
 * @since 0.1
 */
public interface Trainable<M, H, P> {

  /** A fresh model with {@code hyperparameters}, initialized from {@code seed}. */
  M create(H hyperparameters, long seed);

  /**
   * Trains {@code model} for one interval (some epochs or steps), continuing from its learned
   * state; {@code round} counts intervals from 0, so round × interval is the global step, e.g. for
   * a schedule.
   */
  void train(M model, int round);

  /** The model's score on validation data; higher or lower is better as the runner is told. */
  double evaluate(M model);

  /** A deep copy of the model's learned state, e.g. {@code NetParameters.capture(model)}. */
  P capture(M model);

  /** Sets the model's learned state to {@code state}, e.g. {@code state.restore(model)}. */
  void restore(P state, M model);

  /** Sets the model's hyperparameters, keeping its learned state. */
  void apply(H hyperparameters, M model);
}
