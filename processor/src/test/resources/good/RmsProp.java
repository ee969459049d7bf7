package test;

import dev.tunable.annotations.Hyperparameter;

public final class RmsProp implements Optimizer {
  @Hyperparameter(range = {0.8, 0.999})
  double decay = 0.9;

  @Hyperparameter
  boolean centered;
}
