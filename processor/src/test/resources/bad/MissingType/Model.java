package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter NoSuchType mode; // error: cannot find symbol // error: [MissingType] field 'mode' has type NoSuchType, which could not be resolved
}
