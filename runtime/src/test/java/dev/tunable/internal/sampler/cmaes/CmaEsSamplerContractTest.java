package dev.tunable.internal.sampler.cmaes;

import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;

class CmaEsSamplerContractTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.cmaEs(seed);
  }
}
