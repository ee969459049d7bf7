package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(step = 1) boolean shuffle; // error: [StepNotApplicable] hyperparameter 'shuffle' of type boolean takes no step, its values are true and false; remove step
}
