package other;

import dev.tunable.annotations.Hyperparameter;

public class Base {
  @Hyperparameter(range = {0, 1}) protected double rate;
  @Hyperparameter(range = {0, 1}) public double momentum;
}
