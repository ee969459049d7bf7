package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) private double rate; // error: [PrivateField] field 'rate' is private, but the generated ModelHyperparameters sets it directly, without reflection; remove 'private'
}
