package dev.tunable.internal.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MixtureWeightsTest {
  /** Optuna 3.1's default_weights(n) with the prior's weight 1 appended, normalised. */
  private static final double[] OPTUNA_30 = {0.0011661807580174927, 0.009620991253644314,
      0.018075801749271137, 0.026530612244897955, 0.034985422740524776};

  private static double[] shares(MixtureWeights weights) {
    return Arrays.stream(weights.logWeights()).map(Math::exp).toArray();
  }

  @Test
  void evenWeightsGiveEveryComponentTheSameShare() {
    MixtureWeights weights = MixtureWeights.of(9);
    assertTrue(weights.even());
    for (double share : shares(weights)) {
      assertEquals(0.1, share, 1e-15);
    }
    assertEquals(1.0, weights.cumulative()[9]);
    assertEquals(0.5, weights.cumulative()[4], 1e-15);
  }

  @Test
  void theRampMatchesOptunasDefaultWeights() {
    MixtureWeights weights = MixtureWeights.ramped(30);
    assertFalse(weights.even());
    double[] shares = shares(weights);
    assertArrayEquals(OPTUNA_30, Arrays.copyOf(shares, 5), 1e-15);
    for (int k = 5; k < 31; k++) {
      assertEquals(0.034985422740524776, shares[k], 1e-15, "component " + k);
    }
    assertEquals(1.0, weights.cumulative()[30]);
    assertEquals(OPTUNA_30[0] + OPTUNA_30[1], weights.cumulative()[1], 1e-15);
    // One older observation than the 25 recent: numpy's linspace(1/n, 1, 1) is [1/n].
    assertEquals(0.0014771048744460856, shares(MixtureWeights.ramped(26))[0], 1e-15);
    assertEquals(0.03840472673559823, shares(MixtureWeights.ramped(26))[1], 1e-15);
  }

  @Test
  void upTo25ObservationsTheRampIsEven() {
    for (int n : new int[] {0, 1, 25}) {
      MixtureWeights ramped = MixtureWeights.ramped(n);
      assertTrue(ramped.even());
      assertArrayEquals(MixtureWeights.of(n).logWeights(), ramped.logWeights());
    }
  }
}
