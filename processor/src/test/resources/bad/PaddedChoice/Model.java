package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(choices = {"adam", "sgd "}) String optimizer; // error: [PaddedChoice] hyperparameter 'optimizer': choice "sgd " starts or ends with white space, which configuration files drop, so it could not be read back; use "sgd"
}
