package dev.tunable.internal.sampler.tpe;

import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;

/** Fewer start-up trials and candidates, and no constant liar: running trials are left out. */
class TpeSamplerWithSettingsContractTest extends SamplerContract {
  @Override
  protected Sampler sampler(long seed) {
    return Samplers.tpe(seed).withStartupTrials(5).withCandidates(8).withConstantLiar(false);
  }
}
