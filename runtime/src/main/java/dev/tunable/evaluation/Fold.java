package dev.tunable.evaluation;

import java.util.Arrays;

/**
 * One split of a data set's rows into rows that train a model and rows that score it. Row numbers
 * are indices into the caller's data, ascending within each part; the two parts never share a row.
 * Immutable: the accessors return copies.
 *
 * @since 0.1
 */
public final class Fold {
  private final int index;
  private final int repeat;
  private final int[] train;
  private final int[] test;

  Fold(int index, int repeat, int[] train, int[] test) {
    this.index = index;
    this.repeat = repeat;
    this.train = train.clone();
    this.test = test.clone();
    Arrays.sort(this.train);
    Arrays.sort(this.test);
  }

  /** The position of this fold in its list, from 0: the step to report this fold's score at. */
  public int index() {
    return index;
  }

  /** Which repetition of a repeated k-fold this fold belongs to, from 0; 0 when not repeated. */
  public int repeat() {
    return repeat;
  }

  /** The rows that train the model, ascending. */
  public int[] train() {
    return train.clone();
  }

  /** The held-out rows that score the model, ascending. */
  public int[] test() {
    return test.clone();
  }

  /** The number of training rows. */
  public int trainSize() {
    return train.length;
  }

  /** The number of held-out rows. */
  public int testSize() {
    return test.length;
  }

  @Override
  public String toString() {
    return "Fold " + index + (repeat > 0 ? " (repeat " + repeat + ")" : "") + ": "
        + train.length + " train rows, " + test.length + " test rows";
  }
}
