/**
 * Tunable's runtime: search spaces, samplers, pruners, studies and trials, storage, evaluation.
 * Only the API packages are exported; everything under {@code dev.tunable.internal} is the
 * implementation and may change in any release.
 *
 * @since 0.1
 */
// Commons Math 3 names no module of its own: it is required by the name derived from its jar.
@SuppressWarnings("requires-automatic")
module dev.tunable {
  requires transitive dev.tunable.annotations;
  requires commons.math3;

  exports dev.tunable;
  exports dev.tunable.checkpoint;
  exports dev.tunable.evaluation;
  exports dev.tunable.pbt;
  exports dev.tunable.pruner;
  exports dev.tunable.sampler;
  exports dev.tunable.schedule;
  exports dev.tunable.storage;
}
