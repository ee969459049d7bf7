package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) double RATE; // error: [FieldNamedLikeConstant] hyperparameter 'RATE' has the name of its own dimension constant in the generated ModelHyperparameters; name the field in lowerCamelCase
}
