package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(choices = {"adam", "sgd\uD800", "\uD83D\uDE80"}) String optimizer; // error: [UnencodableChoice] hyperparameter 'optimizer': choice "sgd\uD800" holds an unpaired UTF-16 surrogate, \uD800 at index 3, which is no character and which UTF-8 cannot encode, so it could not be stored and read back; remove it or complete its pair
}
