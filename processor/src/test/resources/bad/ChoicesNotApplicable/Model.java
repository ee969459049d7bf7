package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}, choices = {"a"}) double rate; // error: [ChoicesNotApplicable] hyperparameter 'rate' of type double takes no choices, which are for String and enum fields; remove choices
}
