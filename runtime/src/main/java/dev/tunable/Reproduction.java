package dev.tunable;

import java.util.Objects;
import java.util.Optional;

/**
 * What it takes to run a trial again, read from its study alone (issue 17): its hyperparameters
 * and the settings of the run it belonged to. Returned by {@link Study#reproduce}. Immutable.
 *
 * @param trial the trial's number
 * @param params the trial's hyperparameters, in stored form (an enum constant as its name)
 * @param run the sampler, pruner, versions and provenance in force when the trial started; empty
 *     for a trial started by a Tunable that did not record them
 * @since 0.1
 */
public record Reproduction(long trial, Config params, Optional<StudyRun> run) {
  public Reproduction {
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(run, "run");
  }
}
