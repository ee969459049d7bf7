package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  sealed interface Optimizer permits Base, Generic, Inner, NoDefault, Sgd {}

  abstract static non-sealed class Base implements Optimizer {}

  static final class Generic<T> implements Optimizer {}

  final class Inner implements Optimizer {}

  static final class NoDefault implements Optimizer {
    NoDefault(double rate) {}
  }

  static final class Sgd implements Optimizer {}

  static class Schedule {
    @Hyperparameter(range = {0, 10}) int warmup;

    private Schedule() {}
  }

  @Hyperparameter Optimizer optimizer = new Sgd(); // error: [NotInstantiable] hyperparameter 'optimizer': the generated code in package test creates test.Model.Base with new Base(), but it is abstract; make it concrete, or list its subclasses in permits // error: [NotInstantiable] hyperparameter 'optimizer': the generated code in package test creates test.Model.Generic with new Generic(), but it is generic; declare it without type parameters // error: [NotInstantiable] hyperparameter 'optimizer': the generated code in package test creates test.Model.Inner with new Inner(), but it is an inner class, which needs an instance of Model; declare it static // error: [NotInstantiable] hyperparameter 'optimizer': the generated code in package test creates test.Model.NoDefault with new NoDefault(), but it has no no-argument constructor that it can call; add one that is not private
  @Hyperparameter Schedule schedule; // error: [NotInstantiable] hyperparameter 'schedule': the generated code in package test creates test.Model.Schedule with new Schedule(), but it has no no-argument constructor that it can call; add one that is not private
}
