package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(choices = {"adam", "sgd", "adam"}) String optimizer; // error: [DuplicateChoice] hyperparameter 'optimizer': choice "adam" appears twice; remove the repetition
}
