package test;

import dev.tunable.annotations.Hyperparameter;

public class OnlyHyperparameters {
  @Hyperparameter boolean verbose;
}
