package dev.tunable.functional;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

class DerivedModel extends BaseModel {
  @Hyperparameter(range = {0, 1}) double rate = 0.5;
  @Learned double intercept;
}
