package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {1, 2}, step = 1e-30) float rate; // error: [TooManySteps] hyperparameter 'rate': step 1.0E-30 cuts range {1.0, 2.0} into more than 2^53 values, too many to count; use a larger step, or leave step out for a continuous range
}
