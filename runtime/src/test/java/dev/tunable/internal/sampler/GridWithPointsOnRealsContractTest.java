package dev.tunable.internal.sampler;

import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;

/** A grid with points on continuous dimensions, which can search every space of the contract. */
class GridWithPointsOnRealsContractTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.grid().withPointsPerContinuousDimension(4);
  }

  @Override
  protected boolean learnsFromValues() {
    return false;
  }
}
