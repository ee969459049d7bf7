package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  private static class Hidden { // error: [UnreachableClass] class test.Model.Hidden is private, so the generated Model_HiddenHyperparameters cannot reach it; remove 'private' from Hidden
    @Hyperparameter(range = {0, 1}) double rate;
  }

  private static class Wrapper {
    static class Inner { // error: [UnreachableClass] class test.Model.Wrapper.Inner is inside private class Wrapper, so the generated Model_Wrapper_InnerHyperparameters cannot reach it; remove 'private' from Wrapper
      @Hyperparameter(range = {0, 1}) double rate;
    }
  }

  sealed interface Optimizer permits Sgd, Adam {}

  static final class Sgd implements Optimizer {}

  private static final class Adam implements Optimizer { // error: [UnreachableClass] class test.Model.Adam is private, so the generated Model_AdamHyperparameters cannot reach it; remove 'private' from Adam
    @Hyperparameter(range = {0.8, 0.999}) double beta1 = 0.9;
  }

  @Hyperparameter Optimizer optimizer = new Sgd();
}
