package dev.tunable.pruner;

import dev.tunable.Pruner;
import dev.tunable.PrunerContract;
import dev.tunable.Pruners;
import org.junit.jupiter.api.Nested;

class PatiencePrunerContractTest {
  @Nested
  class Alone extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.patience(2).withMinDelta(0.01);
    }
  }

  @Nested
  class AroundTheMedian extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.patience(1, Pruners.median());
    }
  }

  @Nested
  class AroundAThreshold extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.patience(1, Pruners.threshold(Double.NEGATIVE_INFINITY, 1));
    }

    @Override
    protected Pruner mirrored() {
      return Pruners.patience(1, Pruners.threshold(-1, Double.POSITIVE_INFINITY));
    }
  }
}
