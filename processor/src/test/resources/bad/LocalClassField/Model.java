package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;
import java.util.function.Supplier;

// Regression: fields of local and anonymous classes were ignored without a word.
public class Model {
  @Hyperparameter(range = {0, 1}) double rate;

  Supplier<Object> factory = () -> new Object() {
    @Learned double bias; // error: [LocalClassField] field 'bias' is @Learned but belongs to an anonymous class, which no generated code can reach, so it would never be set; declare the class as a nested or top-level class instead
  };

  void train() {
    class Local {
      @Hyperparameter(range = {1, 8}) int depth; // error: [LocalClassField] field 'depth' is @Hyperparameter but belongs to local class Local, which no generated code can reach, so it would never be set; declare the class as a nested or top-level class instead
      @dev.tunable.annotations.Learned double[] weights; // error: [LocalClassField] field 'weights' is @Learned but belongs to local class Local, which no generated code can reach, so it would never be set; declare the class as a nested or top-level class instead
      @Deprecated int plain;

      class Nested {
        @Learned double bias; // error: [LocalClassField] field 'bias' is @Learned but belongs to class Nested inside local class Local, which no generated code can reach, so it would never be set; declare the class as a nested or top-level class instead
      }
    }
    new Local();
  }

  enum Mode {
    FAST {
      @Hyperparameter(range = {0, 1}) double speed; // error: [LocalClassField] field 'speed' is @Hyperparameter but belongs to an anonymous class, which no generated code can reach, so it would never be set; declare the class as a nested or top-level class instead
    }
  }
}
