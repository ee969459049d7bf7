package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

public class Model {
  @Hyperparameter(range = {0, 1}) double toConfig; // error: [ReservedName] field 'toConfig' clashes with toConfig() of the generated ModelHyperparameters; rename the field
  @Hyperparameter(range = {0, 1}) double space; // error: [ReservedName] field 'space' clashes with the constant SPACE of the generated ModelHyperparameters; rename the field
  @Hyperparameter(range = {0, 1}) double rate;
  @Hyperparameter(range = {0, 1}) double withRate; // error: [ReservedName] field 'withRate' clashes with withRate(), the wither of 'rate', of the generated ModelHyperparameters; rename the field
  @Learned double scalarCount; // error: [ReservedName] field 'scalarCount' clashes with scalarCount() of the generated ModelParameters; rename the field
}
