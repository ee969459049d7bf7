package test;

import dev.tunable.annotations.Hyperparameter;

public final class Adam implements Optimizer {
  @Hyperparameter(range = {0.8, 0.999})
  double beta1 = 0.9;

  @Hyperparameter(range = {0.9, 0.9999})
  double beta2 = 0.999;
}
