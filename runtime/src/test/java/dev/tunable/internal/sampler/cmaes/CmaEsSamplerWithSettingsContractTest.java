package dev.tunable.internal.sampler.cmaes;

import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;

/** A small population without restarts and a wider first step. */
class CmaEsSamplerWithSettingsContractTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.cmaEs(seed).withPopulationSize(5).withRestarts(false).withInitialStepSize(0.3);
  }
}
