package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {1, 0}) double rate; // error: [InvertedRange] hyperparameter 'rate': range {1.0, 0.0} is inverted; write the lower bound first: range = {0.0, 1.0}
}
