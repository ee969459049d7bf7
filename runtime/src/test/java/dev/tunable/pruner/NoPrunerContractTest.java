package dev.tunable.pruner;

import dev.tunable.Pruner;
import dev.tunable.PrunerContract;
import dev.tunable.Pruners;

class NoPrunerContractTest extends PrunerContract {
  @Override
  protected Pruner pruner() {
    return Pruners.none();
  }

  @Override
  protected boolean prunes() {
    return false;
  }
}
