package dev.tunable.internal.sampler.genetic;

import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;

/** The genetic sampler's defaults: generations of 20, so the contract's history breeds one. */
class GeneticDefaultsContractTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.genetic(seed);
  }
}
