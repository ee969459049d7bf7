package dev.tunable;

/**
 * An objective with its search space and settings, which a worker process can run by its class
 * name alone: {@code tunable worker --storage URL --study NAME --job com.example.TuneNet}. The
 * class needs a public no-argument constructor. Every worker of a study runs its own instance, so
 * {@link #evaluate} may keep per-process state (a data set loaded once, say).
 *
 * <pre>{@code
 * public final class TuneNet implements TuningJob<NetHyperparameters> {
 *   private final Dataset data = Dataset.load("digits.csv");
 *
 *   public SearchSpace<NetHyperparameters> space() {
 *     return NetHyperparameters.SPACE;
 *   }
 *
 *   public double evaluate(Trial<NetHyperparameters> trial) {
 *     Net net = trial.params().applyTo(new Net());
 *     return net.fit(data.train()).accuracy(data.validation());
 *   }
 *
 *   public Direction direction() {
 *     return Direction.MAXIMIZE;
 *   }
 * }
 * }</pre>
 *
 * @param <H> the type of the hyperparameters: {@link Config}, or a generated record
 * @since 0.1
 */
public interface TuningJob<H> extends Objective<H> {

  /** The space the job's trials are drawn from. */
  SearchSpace<H> space();

  /** Whether the study minimizes (the default) or maximizes the objective. */
  default Direction direction() {
    return Direction.MINIMIZE;
  }

  /**
   * The sampler, given the seed the worker was started with (the same on every worker, so that a
   * seeded sampler proposes consistently); TPE by default.
   */
  default Sampler sampler(long seed) {
    return Samplers.tpe(seed);
  }

  /** When to stop unpromising trials; {@link Pruners#none()} by default. */
  default Pruner pruner() {
    return Pruners.none();
  }
}
