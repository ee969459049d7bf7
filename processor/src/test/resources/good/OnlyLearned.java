package test;

import dev.tunable.annotations.Learned;

public class OnlyLearned {
  @Learned double[] weights;
}
