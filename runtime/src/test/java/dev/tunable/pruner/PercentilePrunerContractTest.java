package dev.tunable.pruner;

import dev.tunable.Pruner;
import dev.tunable.PrunerContract;
import dev.tunable.Pruners;
import org.junit.jupiter.api.Nested;

class PercentilePrunerContractTest {
  @Nested
  class Median extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.median();
    }
  }

  @Nested
  class MedianWithStartupWarmupIntervalAndMinTrials extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.median().withStartupTrials(2).withWarmupSteps(3).withInterval(2)
          .withMinTrials(3);
    }
  }

  @Nested
  class Percentile25 extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.percentile(25);
    }
  }

  @Nested
  class Percentile90WithoutStartupTrials extends PrunerContract {
    @Override
    protected Pruner pruner() {
      return Pruners.percentile(90).withStartupTrials(0);
    }
  }
}
