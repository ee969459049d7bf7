package shaded;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Scale;

/** One hyperparameter of each kind whose rules the processor carries in its own jar. */
public class Model {
  @Hyperparameter(range = {1e-4, 1}, scale = Scale.LOG) double rate = 0.01;
  @Hyperparameter(range = {0, 0.5}, step = 0.125) float dropout = 0.25f;
  @Hyperparameter(range = {1, 64}, name = "layer.depth") int depth = 8;
  @Hyperparameter(choices = {"adam", "sgd"}) String optimizer = "adam";
}
