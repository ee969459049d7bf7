package shaded;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}, name = "a=b") double rate;
  @Hyperparameter(choices = {"adam", " sgd"}) String optimizer;
}
