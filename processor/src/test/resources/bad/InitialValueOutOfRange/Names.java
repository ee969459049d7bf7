package test;

import dev.tunable.annotations.Hyperparameter;

// A name in an initializer means what javac makes of it, whether the processor reads it from the
// class's own members or asks javac.
public class Names {
  static final int WIDTH = 70;

  static class Sizes {
    static final int MAX = 100;
  }

  static class Limits {
    static final int MAX = 200;
  }

  @Hyperparameter(range = {1, 64}) int width = WIDTH; // error: [InitialValueOutOfRange] hyperparameter 'width': the initial value 70 is outside range {1, 64}
  @Hyperparameter(range = {1, 64}) int depth = Sizes.MAX; // error: [InitialValueOutOfRange] hyperparameter 'depth': the initial value 100 is outside range {1, 64}

  static class Base {
    static final Limits Sizes = null;
    static final int WIDTH = 80;
  }

  static class Inner extends Base {
    // The inherited field Sizes hides the type Sizes, and the inherited WIDTH the outer one.
    @Hyperparameter(range = {1, 64}) int depth = Sizes.MAX; // error: [InitialValueOutOfRange] hyperparameter 'depth': the initial value 200 is outside range {1, 64}
    @Hyperparameter(range = {1, 64}) int width = WIDTH; // error: [InitialValueOutOfRange] hyperparameter 'width': the initial value 80 is outside range {1, 64}
  }

  static class Nested {
    @Hyperparameter(range = {1, 64}) int width = WIDTH; // error: [InitialValueOutOfRange] hyperparameter 'width': the initial value 70 is outside range {1, 64}
  }
}
