package dev.tunable.internal.sampler.genetic;

import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;

class Nsga2ContractTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.nsga2(seed).withPopulationSize(8);
  }
}
