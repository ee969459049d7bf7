package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}, name = "learning rate") double rate; // error: [InvalidName] hyperparameter 'rate': name "learning rate" cannot be a key in configuration files and key=value overrides; start with a letter or '_' and use only letters, digits, '_', '-' and '.'
  @Hyperparameter(range = {0, 1}, name = "a=b") double other; // error: [InvalidName] hyperparameter 'other': name "a=b" cannot be a key
}
