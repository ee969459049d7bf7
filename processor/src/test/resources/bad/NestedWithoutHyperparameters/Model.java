package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  static class Schedule {
    int warmup = 2;
  }

  @Hyperparameter Schedule schedule = new Schedule(); // error: [NestedWithoutHyperparameters] hyperparameter 'schedule' has type test.Model.Schedule, a class without @Hyperparameter fields, so it has nothing to tune; annotate the fields of Schedule to tune, or remove @Hyperparameter from 'schedule'
  @Hyperparameter java.util.Random random; // error: [NestedWithoutHyperparameters] hyperparameter 'random' has type java.util.Random, a class without @Hyperparameter fields, so it has nothing to tune; annotate the fields of Random to tune, or remove @Hyperparameter from 'random'
}
