package test;

import dev.tunable.annotations.Learned;
import java.util.List;

/** Learned state that is not plain data, as an XGBoost booster is (issue 16). */
public class Boosted {
  /** A handle on state kept elsewhere, as XGBoost's Booster is on native memory. */
  public static final class Handle {}

  @Learned double[] weights;
  @Learned double bias;
  @Learned Handle booster;
  @Learned List<double[]> trees;
}
