package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Scale;

public class Model {
  @Hyperparameter(range = {0, 0.1}, scale = Scale.LOG) double rate; // error: [LogScaleBound] hyperparameter 'rate': scale = Scale.LOG needs bounds above 0, got 0.0; use a positive lower bound (such as 1.0E-6) or scale = Scale.LINEAR
  @Hyperparameter(range = {0, 64}, scale = Scale.LOG) int units; // error: [LogScaleBound] hyperparameter 'units': scale = Scale.LOG needs bounds above 0, got 0; use a positive lower bound (such as 1)
}
