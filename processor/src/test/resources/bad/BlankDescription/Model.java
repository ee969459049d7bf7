package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}, description = "  ") double rate; // error: [BlankDescription] hyperparameter 'rate': description = "  " is blank; say what the hyperparameter does or leave description out
}
