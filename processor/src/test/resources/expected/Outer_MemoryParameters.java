package test;

import java.util.Arrays;
import javax.annotation.processing.Generated;

/**
 * Learned parameters of {@link Outer.Memory}.
 */
@Generated("dev.tunable.processor.TunableProcessor")
public record Outer_MemoryParameters(int[][][] cells, long steps) {
  /**
   * A copy of the learned state of {@code model}.
   */
  public static Outer_MemoryParameters capture(Outer.Memory model) {
    return new Outer_MemoryParameters(copy(model.cells), model.steps);
  }

  /**
   * Sets a copy of this learned state on {@code model}'s fields and returns it.
   */
  public <M extends Outer.Memory> M restore(M model) {
    model.cells = copy(this.cells);
    model.steps = this.steps;
    return model;
  }

  /**
   * How many primitive values the learned state holds, array elements included.
   */
  public long scalarCount() {
    return count(this.cells) + 1;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Outer_MemoryParameters that
        && Arrays.deepEquals(this.cells, that.cells)
        && this.steps == that.steps;
  }

  @Override
  public int hashCode() {
    int result = 0;
    result = 31 * result + Arrays.deepHashCode(this.cells);
    result = 31 * result + Long.hashCode(this.steps);
    return result;
  }

  @Override
  public String toString() {
    return "Outer_MemoryParameters["
        + "cells=" + Arrays.deepToString(this.cells)
        + ", steps=" + this.steps
        + "]";
  }

  private static int[] copy(int[] source) {
    return source == null ? null : source.clone();
  }

  private static int[][] copy(int[][] source) {
    if (source == null) {
      return null;
    }
    int[][] copy = new int[source.length][];
    for (int i = 0; i < source.length; i++) {
      copy[i] = copy(source[i]);
    }
    return copy;
  }

  private static int[][][] copy(int[][][] source) {
    if (source == null) {
      return null;
    }
    int[][][] copy = new int[source.length][][];
    for (int i = 0; i < source.length; i++) {
      copy[i] = copy(source[i]);
    }
    return copy;
  }

  private static long count(int[] values) {
    return values == null ? 0 : values.length;
  }

  private static long count(int[][] values) {
    long count = 0;
    if (values != null) {
      for (int[] row : values) {
        count += count(row);
      }
    }
    return count;
  }

  private static long count(int[][][] values) {
    long count = 0;
    if (values != null) {
      for (int[][] row : values) {
        count += count(row);
      }
    }
    return count;
  }
}
