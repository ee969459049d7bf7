package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(choices = {"adam", " "}) String optimizer; // error: [BlankChoice] hyperparameter 'optimizer': choice " " is blank and cannot be written in a configuration file; use a visible label
}
