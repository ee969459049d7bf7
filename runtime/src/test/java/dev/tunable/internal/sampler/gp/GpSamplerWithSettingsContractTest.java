package dev.tunable.internal.sampler.gp;

import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;

/** Fewer start-up trials, and a deterministic objective: the noise is not fitted. */
class GpSamplerWithSettingsContractTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.gp(seed).withStartupTrials(3).withDeterministicObjective(true);
  }
}
