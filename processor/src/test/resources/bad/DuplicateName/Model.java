package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) double rate;
  @Hyperparameter(range = {0, 1}, name = "rate") double momentum; // error: [DuplicateName] hyperparameters 'rate' and 'momentum' are both named "rate", but names must be unique in a search space; give one of them another name = "..."
}
