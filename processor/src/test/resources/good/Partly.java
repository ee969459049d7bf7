package test;

import dev.tunable.annotations.Hyperparameter;

/** Fields with and without a constant initializer, which gives a configuration key its default. */
public class Partly {
  @Hyperparameter(range = {0.01, 1}) double rate = Math.sqrt(2) / 10;
  @Hyperparameter(range = {1, 10}) int depth;
  // Named like the parameter of the generated load(Path file).
  @Hyperparameter(range = {1, 3}) int file = 2;
  @Hyperparameter(range = {0.2, 1}, step = 0.1) double offset = 0.2;
  @Hyperparameter(range = {0.05, 0.95}, step = 0.1) double shifted = 0.15;
}
