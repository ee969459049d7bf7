package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Scale;

public class Model {
  @Hyperparameter(range = {1e-3, 1}, scale = Scale.LOG, step = 0.001) double rate; // error: [StepWithLogScale] hyperparameter 'rate': step 0.001 cannot be combined with scale = Scale.LOG, which has no even grid; remove the step or use Scale.LINEAR
  @Hyperparameter(range = {1, 1024}, scale = Scale.LOG, step = 1) int units;
}
