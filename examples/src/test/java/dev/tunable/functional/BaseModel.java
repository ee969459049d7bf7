package dev.tunable.functional;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

/** A superclass whose fields its subclasses' generated classes include, first. */
abstract class BaseModel {
  @Hyperparameter(range = {1, 10}) int depth = 3;
  @Learned double[] coefficients;
}
