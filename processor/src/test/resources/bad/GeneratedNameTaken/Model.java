package test;

import dev.tunable.annotations.Hyperparameter;

public class Model { // error: [GeneratedNameTaken] class test.Model would generate test.ModelHyperparameters, but a type of that name already exists; rename that type
  @Hyperparameter(range = {0, 1}) double rate;
}
