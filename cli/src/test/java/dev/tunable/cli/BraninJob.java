package dev.tunable.cli;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import dev.tunable.Trial;
import dev.tunable.TuningJob;

/** A tuning job for the tests: Branin, minimised, with trials that take a tenth of a second. */
public final class BraninJob implements TuningJob<Config> {
  private static final SearchSpace<Config> SPACE =
      SearchSpace.builder().real("x1", -5, 10).real("x2", 0, 15).build();

  @Override
  public SearchSpace<Config> space() {
    return SPACE;
  }

  @Override
  public double evaluate(Trial<Config> trial) throws InterruptedException {
    Thread.sleep(100); // long enough for every worker process to start before the total is met
    double x1 = trial.params().getDouble("x1");
    double x2 = trial.params().getDouble("x2");
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
  }
}
