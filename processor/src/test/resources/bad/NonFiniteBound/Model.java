package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, Double.POSITIVE_INFINITY}) double rate; // error: [NonFiniteBound] hyperparameter 'rate': bound Infinity is not a finite number; use finite bounds
  @Hyperparameter(range = {Double.NaN, 1}) double momentum; // error: [NonFiniteBound] hyperparameter 'momentum': bound NaN is not a finite number
}
