package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  enum Penalty { L1, L2, ELASTIC_NET }

  @Hyperparameter(choices = {"L1", "L2"}) Penalty penalty = Penalty.ELASTIC_NET; // error: [InitialValueNotAChoice] hyperparameter 'penalty': the initial value ELASTIC_NET is not one of the choices [L1, L2]; add it to the choices or change the initial value
  @Hyperparameter(choices = {"adam", "sgd"}) String optimizer = "adagrad"; // error: [InitialValueNotAChoice] hyperparameter 'optimizer': the initial value "adagrad" is not one of the choices [adam, sgd]
}
