package test;

import dev.tunable.annotations.Hyperparameter;

public class Model {
  @Hyperparameter(range = {0, 1}) double rate;
  @Hyperparameter Layer layer; // error: [NestedCycle] hyperparameter 'layer' closes a cycle of nested classes (Layer holds Model holds Layer), so its space would never end; remove @Hyperparameter from one field of the cycle

  static class Layer {
    @Hyperparameter(range = {1, 10}) int width;
    @Hyperparameter Model inner; // error: [NestedCycle] hyperparameter 'inner' closes a cycle of nested classes (Model holds Layer holds Model), so its space would never end; remove @Hyperparameter from one field of the cycle
  }

  static class Node {
    @Hyperparameter(range = {1, 10}) int size;
    @Hyperparameter Node next; // error: [NestedCycle] hyperparameter 'next' closes a cycle of nested classes (Node holds Node), so its space would never end; remove @Hyperparameter from one field of the cycle
  }
}
