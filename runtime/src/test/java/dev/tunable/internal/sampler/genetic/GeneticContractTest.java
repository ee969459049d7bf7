package dev.tunable.internal.sampler.genetic;

import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;

class GeneticContractTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.genetic(seed).withPopulationSize(8).withTournamentSize(3);
  }
}
