package dev.tunable.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Each schedule's values against values computed by hand. */
class ScheduleTest {

  @Test
  void constantStepAndExponential() {
    assertEquals(0.3, Schedule.constant(0.3).valueAt(1000));
    Schedule step = Schedule.stepDecay(0.1, 10, 0.5);
    assertEquals(0.1, step.valueAt(0), 1e-15);
    assertEquals(0.1, step.valueAt(9), 1e-15);
    assertEquals(0.05, step.valueAt(10), 1e-15);
    assertEquals(0.025, step.valueAt(25), 1e-15);
    assertEquals(0.1 * 0.9 * 0.9 * 0.9, Schedule.exponential(0.1, 0.9).valueAt(3), 1e-15);
  }

  @Test
  void cosineWarmsUpLinearlyThenAnnealsToTheMinimum() {
    Schedule cosine = Schedule.cosine(1.0, 0.1, 4, 14);
    assertEquals(0.25, cosine.valueAt(0), 1e-15);
    assertEquals(0.75, cosine.valueAt(2), 1e-15);
    assertEquals(1.0, cosine.valueAt(4), 1e-15);
    // span 9 steps: step 4 + 4.5 is the middle, where the rate is halfway: 0.55
    assertEquals(0.1 + 0.9 * (1 + Math.cos(Math.PI * 3 / 9)) / 2, cosine.valueAt(7), 1e-15);
    assertEquals(0.1, cosine.valueAt(13), 1e-15);
    assertEquals(0.1, cosine.valueAt(50), 1e-15);
    assertThrows(IllegalArgumentException.class, () -> Schedule.cosine(1, 2, 0, 10));
    assertThrows(IllegalArgumentException.class, () -> Schedule.cosine(1, 0, 10, 10));
  }

  @Test
  void reduceOnPlateauDependsOnTheMetricHistoryOnly() {
    Schedule plateau = Schedule.reduceOnPlateau(1.0, 0.5, 1, 0.0, 0.2);
    double[] losses = {5, 4, 4, 4, 3, 3, 3, 3, 3, 3, 3};
    // improvements at 0, 1, 4; bad steps 2, 3 (second exceeds patience 1: halve after step 3),
    // 5, 6 (halve after step 6), 7, 8 (halve after 8, floored at 0.2)
    assertEquals(1.0, plateau.valueAt(3, losses));
    assertEquals(0.5, plateau.valueAt(4, losses));
    assertEquals(0.5, plateau.valueAt(6, losses));
    assertEquals(0.25, plateau.valueAt(7, losses));
    assertEquals(0.2, plateau.valueAt(9, losses));
    assertEquals(0.2, plateau.valueAt(11, losses));
    // later metrics than the step never matter, and the same history gives the same value
    double[] other = losses.clone();
    other[8] = -100;
    assertEquals(plateau.valueAt(7, losses), plateau.valueAt(7, other));
    assertEquals(1.0, plateau.valueAt(100, new double[0]));
  }

  @Test
  void settingsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> Schedule.constant(0));
    assertThrows(IllegalArgumentException.class, () -> Schedule.stepDecay(0.1, 0, 0.5));
    assertThrows(IllegalArgumentException.class, () -> Schedule.exponential(0.1, 1.5));
    assertThrows(IllegalArgumentException.class, () -> Schedule.constant(0.1).valueAt(-1));
  }
}
