package test;

import dev.tunable.annotations.Hyperparameter;
import dev.tunable.annotations.Learned;

/** A model whose fields carry Javadoc, which the generated accessors repeat. */
public class Documented {
  /**
   * How far each step goes: too large and training diverges, too small and it crawls.
   *
   * @see Math#exp(double)
   */
  @Hyperparameter(range = {1e-4, 1e-1}) double learningRate = 0.01;

  @Hyperparameter(range = {1, 8}, description = "Not Javadoc") int depth = 2;

  /** One weight per input column. */
  @Learned double[] weights;

  // Regression: a description that ends a comment, plainly or as javac reads a Unicode escape,
  // broke the generated file.
  @Hyperparameter(description = "ends */ or \\u002a/ here") boolean shuffle;
}
