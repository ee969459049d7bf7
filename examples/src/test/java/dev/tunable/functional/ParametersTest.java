package dev.tunable.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The generated {@code KnobsParameters}: deep copies of primitive arrays, by reference otherwise. */
class ParametersTest {

  private static Knobs fitted() {
    Knobs model = new Knobs();
    model.fit(3);
    return model;
  }

  @Test
  void captureIsIndependentOfTheModelThatGoesOnTraining() {
    Knobs model = fitted();
    KnobsParameters captured = KnobsParameters.capture(model);
    model.weights[0] = 99;
    model.kernelMatrix[1][2] = 99;
    model.counts[0][1][0] = 99;
    model.bias = 99;
    assertArrayEquals(new double[] {0.01, 0.02, 0.03}, captured.weights(), 1e-15);
    assertArrayEquals(new double[][] {{1, 2}, {3, 4, 5}}, captured.kernelMatrix());
    assertArrayEquals(new int[][][] {{{1}, {2, 3}}, {{4, 5, 6}}}, captured.counts());
    assertEquals(-1.5, captured.bias());
    assertSame(model.log, captured.log(), "other types are copied by reference");
  }

  @Test
  void restoreCopiesBackAndReturnsTheModel() {
    Knobs model = fitted();
    KnobsParameters captured = KnobsParameters.capture(model);
    Knobs fresh = new Knobs();
    assertSame(fresh, captured.restore(fresh));
    assertEquals(KnobsParameters.capture(model), KnobsParameters.capture(fresh));
    assertArrayEquals(captured.weights(), fresh.weights);
    assertNotSame(captured.weights(), fresh.weights);
    assertNotSame(captured.kernelMatrix()[0], fresh.kernelMatrix[0]);
    assertNotSame(captured.counts()[0][1], fresh.counts[0][1]);
    fresh.kernelMatrix[0][0] = -7;
    assertEquals(1, captured.kernelMatrix()[0][0], "restoring does not share rows");
    assertEquals(20, fresh.epochsRun);
    assertEquals("fitted", fresh.notes);
  }

  @Test
  void scalarCountCountsPrimitiveValuesInsideArrays() {
    // weights 3, kernelMatrix 2 + 3, counts 1 + 2 + 3, bias 1, epochsRun 1; notes and log are not primitive.
    assertEquals(16, KnobsParameters.capture(fitted()).scalarCount());
    assertEquals(2, KnobsParameters.capture(new Knobs()).scalarCount(), "null arrays hold nothing");
  }

  @Test
  void equalityAndHashingCompareArrayContents() {
    Knobs model = fitted();
    KnobsParameters first = KnobsParameters.capture(model);
    KnobsParameters second = KnobsParameters.capture(model);
    assertNotSame(first.weights(), second.weights());
    assertEquals(first.hashCode(), second.hashCode());
    assertEquals(first, second);
    model.kernelMatrix[1][0] = 0;
    assertNotEquals(first, KnobsParameters.capture(model));
    assertEquals("KnobsParameters[weights=[0.01, 0.02, 0.03], kernelMatrix=[[1.0, 2.0], [3.0, 4.0,"
        + " 5.0]], counts=[[[1], [2, 3]], [[4, 5, 6]]], bias=-1.5, epochsRun=20, notes=fitted,"
        + " log=fit]", first.toString());
  }

  @Test
  void nullArraysStayNull() {
    KnobsParameters empty = KnobsParameters.capture(new Knobs());
    assertNull(empty.weights());
    Knobs model = fitted();
    empty.restore(model);
    assertNull(model.weights);
    assertNull(model.kernelMatrix);
  }

  @Test
  void twoDimensionalFloatArraysOfAClassWithOnlyLearnedState() {
    Embedding embedding = new Embedding();
    embedding.vectors = new float[][] {{1, 2}, {3}};
    EmbeddingParameters captured = EmbeddingParameters.capture(embedding);
    embedding.vectors[1][0] = 0;
    assertEquals(3, captured.vectors()[1][0]);
    assertEquals(3, captured.scalarCount());
  }
}
