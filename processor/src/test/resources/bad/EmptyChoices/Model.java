package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  enum Penalty { L1, L2 }

  @Hyperparameter(choices = {}) String optimizer; // error: [EmptyChoices] hyperparameter 'optimizer': choices = {} is empty; list at least one choice
  @Hyperparameter(choices = {}) Penalty penalty; // error: [EmptyChoices] hyperparameter 'penalty': choices = {} is empty; list at least one constant, or leave choices out to use them all: [L1, L2]
}
