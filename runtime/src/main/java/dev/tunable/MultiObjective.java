package dev.tunable;

/**
 * The function of a study with several objectives: evaluates the trial's hyperparameters and
 * returns one value per objective, in the order of the study's {@link Study#directions()}.
 *
 * <pre>{@code
 * Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE).build();
 * List<FrozenTrial> front = study.optimizeMulti(space, 200, trial -> {
 *   Model model = train(trial.params());
 *   return new double[] {model.latencyMillis(), model.accuracy()};
 * });
 * }</pre>
 *
 * <p>Throwing, returning NaN or an infinity in any value, or the wrong number of values, records
 * the trial as {@link TrialState#FAIL} with the reason; {@code throw trial.pruned()} records it as
 * {@link TrialState#PRUNED}.
 *
 * @param <H> the type of the trial's hyperparameters
 * @since 0.1
 */
@FunctionalInterface
public interface MultiObjective<H> {
  /** The values of {@code trial}'s hyperparameters, one per objective. */
  double[] evaluate(Trial<H> trial) throws Exception;
}
