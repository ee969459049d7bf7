package dev.tunable.pruner;

import dev.tunable.Pruner;
import dev.tunable.PrunerContract;
import dev.tunable.Pruners;
import org.junit.jupiter.api.Nested;

class HyperbandPrunerContractTest {
  @Nested
  class Defaults extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.hyperband();
    }
  }

  @Nested
  class WithItsSettings extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.hyperband().withMinResource(2).withMaxResource(16).withReductionFactor(2);
    }
  }
}
