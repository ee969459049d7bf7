package shaded;

import dev.tunable.annotations.Hyperparameter;

/** Breaks a method-body rule, which only the plugin in the processor's jar reports. */
public class Model {
  @Hyperparameter(range = {1e-4, 1}) double rate = 0.1;

  void fit() {
    rate *= 0.9;
  }
}
