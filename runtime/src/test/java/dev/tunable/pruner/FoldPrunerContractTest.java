package dev.tunable.pruner;

import dev.tunable.Pruner;
import dev.tunable.PrunerContract;
import dev.tunable.Pruners;
import org.junit.jupiter.api.Nested;

class FoldPrunerContractTest {
  @Nested
  class Defaults extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.folds();
    }
  }

  @Nested
  class WithItsSettings extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.folds().withMinFolds(3).withStandardErrors(1).withMargin(0.05);
    }
  }
}
