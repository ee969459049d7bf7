package dev.tunable.internal.sampler.gp;

import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;

class GpSamplerContractTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.gp(seed);
  }
}
