/**
 * The annotations that mark a model's hyperparameters and learned state; no dependencies, so that
 * a library declaring its models needs nothing else.
 *
 * @since 0.1
 */
module dev.tunable.annotations {
  exports dev.tunable.annotations;
}
