package dev.tunable.pruner;

import dev.tunable.Pruner;
import dev.tunable.PrunerContract;
import dev.tunable.Pruners;
import org.junit.jupiter.api.Nested;

class SuccessiveHalvingPrunerContractTest {
  @Nested
  class Defaults extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.successiveHalving();
    }
  }

  @Nested
  class WithItsSettings extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.successiveHalving().withMinResource(2).withReductionFactor(2)
          .withMinEarlyStoppingRate(1).withBootstrapCount(2);
    }
  }
}
