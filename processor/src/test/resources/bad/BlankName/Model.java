package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}, name = " ") double rate; // error: [BlankName] hyperparameter 'rate': name = " " is blank; give a name or leave name out to use the field's name
}
