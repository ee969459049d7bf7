package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter String optimizer = "adam"; // error: [StringWithoutChoices] hyperparameter 'optimizer' of type String needs the values it may take; add choices = {"a", "b"}
}
