package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  sealed interface Optimizer permits First.Adam, Second.Adam {}

  static class First {
    static final class Adam implements Optimizer {}
  }

  static class Second {
    static final class Adam implements Optimizer {}
  }

  @Hyperparameter Optimizer optimizer; // error: [BranchLabelClash] hyperparameter 'optimizer': the permitted classes test.Model.First.Adam and test.Model.Second.Adam of Optimizer are both the choice "adam"; rename one of the classes
}
