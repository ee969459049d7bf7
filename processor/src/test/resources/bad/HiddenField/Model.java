package test;

import dev.tunable.annotations.Hyperparameter;

public class Model extends Base {
  @Hyperparameter(range = {0, 2}) double rate; // error: [HiddenField] field 'rate' hides the field of the same name in Base, and both are annotated; rename one of them
}
