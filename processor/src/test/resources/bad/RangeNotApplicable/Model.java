package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) boolean shuffle; // error: [RangeNotApplicable] hyperparameter 'shuffle' of type boolean takes no range, its values are true and false; remove range
}
