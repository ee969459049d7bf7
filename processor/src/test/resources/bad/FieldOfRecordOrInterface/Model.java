package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

public class Model {
  record Settings(
      @Hyperparameter(range = {0, 1}) double rate) {} // error: [FieldOfRecordOrInterface] field 'rate' belongs to record Settings, whose fields are private and final, but the generated Model_SettingsHyperparameters sets it on a model instance; declare the field in a class

  interface Defaults {
    @Hyperparameter(range = {1, 8}) int depth = 4; // error: [FieldOfRecordOrInterface] field 'depth' belongs to interface Defaults, whose fields are constants, but the generated Model_DefaultsHyperparameters sets it on a model instance; declare the field in a class
  }

  @interface Tuned {
    @Learned double[] WEIGHTS = {}; // error: [FieldOfRecordOrInterface] field 'WEIGHTS' belongs to annotation type Tuned, whose fields are constants, but the generated Model_TunedParameters sets it on a model instance; declare the field in a class
  }
}
