package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

public class Model {
  @Hyperparameter(range = {0, 1}) @Learned double rate; // error: [BothAnnotations] field 'rate' is both @Hyperparameter and @Learned; a value is either chosen before training or learned by it: keep one annotation
}
