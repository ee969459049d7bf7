package dev.tunable.cli;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import dev.tunable.Trial;
import dev.tunable.TuningJob;

/** A tuning job whose every trial fails. */
public final class FailingJob implements TuningJob<Config> {
  @Override
  public SearchSpace<Config> space() {
    return SearchSpace.builder().real("x", 0, 1).build();
  }

  @Override
  public double evaluate(Trial<Config> trial) {
    throw new IllegalStateException("the data set is missing");
  }
}
