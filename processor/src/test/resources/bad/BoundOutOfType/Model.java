package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 3e9}) int count; // error: [BoundOutOfType] hyperparameter 'count' of type int: bound 3000000000 is outside [-2147483648, 2147483647]; declare the field long or narrow the range
  @Hyperparameter(range = {0, 1e39}) float weight; // error: [BoundOutOfType] hyperparameter 'weight' of type float: bound Infinity is outside
  @Hyperparameter(range = {0, 1e18}) long seed; // error: [BoundOutOfType] hyperparameter 'seed' of type long: bound 1000000000000000000 is outside [-9007199254740992, 9007199254740992]
}
