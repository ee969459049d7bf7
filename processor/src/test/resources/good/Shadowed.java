package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

/** A model whose package has types named String and Override (good/String.java, Override.java). */
public class Shadowed {
  @Hyperparameter(choices = {"a", "b"}) java.lang.String mode = "a";
  @Learned double[] weights;
}
