package dev.tunable.internal.sampler.tpe;

import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;

class MultivariateTpeSamplerContractTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.multivariateTpe(seed);
  }
}
