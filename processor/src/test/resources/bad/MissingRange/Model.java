package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter double rate; // error: [MissingRange] hyperparameter 'rate' of type double needs a range; add range = {min, max}
  @Hyperparameter(range = {}) int depth; // error: [MissingRange] hyperparameter 'depth' of type int needs a range; add range = {min, max}
}
