package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  interface Optimizer {}

  static final class Sgd implements Optimizer {}

  abstract static class Schedule {}

  @Hyperparameter Optimizer optimizer = new Sgd(); // error: [ChoiceNotSealed] hyperparameter 'optimizer' has type test.Model.Optimizer, an interface that is not sealed, so the classes to choose among are not known at compile time; declare it sealed with the classes in permits (sealed interface Optimizer permits A, B), or use a concrete class with @Hyperparameter fields
  @Hyperparameter Schedule schedule; // error: [ChoiceNotSealed] hyperparameter 'schedule' has type test.Model.Schedule, an abstract class that is not sealed, so the classes to choose among are not known at compile time; declare it sealed with the classes in permits (sealed abstract class Schedule permits A, B), or use a concrete class with @Hyperparameter fields
}
