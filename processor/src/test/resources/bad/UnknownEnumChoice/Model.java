package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  enum Penalty { L1, L2, ELASTIC_NET }

  @Hyperparameter(choices = {"L1", "ELASTIC_NETT"}) Penalty penalty; // error: [UnknownEnumChoice] hyperparameter 'penalty': "ELASTIC_NETT" is not a constant of Penalty (did you mean ELASTIC_NET?); the constants are [L1, L2, ELASTIC_NET]
  @Hyperparameter(choices = {"NONE"}) Penalty other; // error: [UnknownEnumChoice] hyperparameter 'other': "NONE" is not a constant of Penalty; the constants are [L1, L2, ELASTIC_NET]
}
