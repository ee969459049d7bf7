/**
 * Tunable's runtime: search spaces, samplers, pruners, studies and trials, storage, evaluation.
 * Only the API packages are exported; everything under {@code dev.tunable.internal} is the
 * implementation and may change in any release.
 *
 * @since 0.1
 */
// Commons Math 3 names no module of its own: it is required by the name derived from its jar.
// The processor's and the PostgreSQL storage's modules, to which internals are exported, are built
// after the runtime and are never on its module path, so javac would warn that they are not found
// ('module' lint).
@SuppressWarnings({"requires-automatic", "module"})
module dev.tunable {
  requires transitive dev.tunable.annotations;
  requires commons.math3;
  // Jackson's streaming parser reads users' configuration files (SearchSpace.load).
  requires com.fasterxml.jackson.core;
  // The logging API only; the user's binding, if any, decides where lines go (issue 17).
  requires org.slf4j;
  // The CPU time of a proposal, which the automatic sampler's choice reads (ProposalCost).
  requires java.management;

  exports dev.tunable;
  exports dev.tunable.checkpoint;
  exports dev.tunable.evaluation;
  exports dev.tunable.pbt;
  exports dev.tunable.pruner;
  exports dev.tunable.sampler;
  exports dev.tunable.schedule;
  exports dev.tunable.storage;

  uses dev.tunable.storage.StorageProvider;

  // The declaration rules, shared with the annotation processor: it compiles against them here
  // and carries its own relocated copy (dev.tunable.processor.shaded.rules), so this export is
  // used at compile time only; no module reads the internals through it at run time.
  exports dev.tunable.internal.rules to dev.tunable.processor;

  // The event codec, so that the PostgreSQL storage (a module of its own, to keep the JDBC driver
  // out of the runtime) keeps events in the journal's format instead of a second one (issue 13).
  exports dev.tunable.internal.storage to dev.tunable.postgres;
}
