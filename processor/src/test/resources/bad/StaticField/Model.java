package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) static double rate; // error: [StaticField] field 'rate' is static, but a ModelHyperparameters belongs to one model instance; remove 'static'
}
