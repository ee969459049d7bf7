package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

/** Field names that could clash with names in generated code. */
public class Awkward<T extends Number> {
  public enum List { A, B }

  @Hyperparameter(range = {0, 1}) double model;
  @Hyperparameter(range = {1, 5}) int Math;
  @Hyperparameter(range = {0, 1}) double config;
  @Hyperparameter List values;
  @Hyperparameter(choices = "x") String overrides = "x";
  @Learned double[] source;
  @Learned double[][] copy;
  @Learned long count;
  @Learned Object that;
  @Learned String other;
  @Learned int result;
  T unannotated;
}
