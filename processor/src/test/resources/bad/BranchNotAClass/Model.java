package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  sealed interface Optimizer permits Sgd, Fixed, Kind, Family {}

  static final class Sgd implements Optimizer {}

  record Fixed(double rate) implements Optimizer {}

  enum Kind implements Optimizer { PLAIN, NESTEROV }

  non-sealed interface Family extends Optimizer {}

  @Hyperparameter Optimizer optimizer = new Sgd(); // error: [BranchNotAClass] hyperparameter 'optimizer': Optimizer permits test.Model.Fixed, a record, but each choice of Optimizer must be a class whose fields the generated code sets; make Fixed a class (a record's fields are final) // error: [BranchNotAClass] hyperparameter 'optimizer': Optimizer permits test.Model.Kind, an enum, but each choice of Optimizer must be a class whose fields the generated code sets; make Kind a class, or tune the enum as a field of its own // error: [BranchNotAClass] hyperparameter 'optimizer': Optimizer permits test.Model.Family, an interface, but each choice of Optimizer must be a class whose fields the generated code sets; permit the classes of Family in Optimizer directly
}
