package dev.tunable.pruner;

import dev.tunable.Pruner;
import dev.tunable.PrunerContract;
import dev.tunable.Pruners;
import org.junit.jupiter.api.Nested;

class ThresholdPrunerContractTest {
  @Nested
  class UpperBound extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.threshold(Double.NEGATIVE_INFINITY, 1.5);
    }

    @Override
    protected Pruner mirrored() {
      return Pruners.threshold(-1.5, Double.POSITIVE_INFINITY);
    }
  }

  @Nested
  class BothBoundsWithWarmupAndInterval extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.threshold(0.4, 1.75).withWarmupSteps(1).withInterval(3);
    }

    @Override
    protected Pruner mirrored() {
      return Pruners.threshold(-1.75, -0.4).withWarmupSteps(1).withInterval(3);
    }
  }
}
