package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.internal.sampler.SobolAlgorithm;

/**
 * A Sobol low-discrepancy sequence, randomly shifted by the seed (a Cranley–Patterson rotation):
 * it covers the space more evenly than random samples. Trial {@code n} takes point {@code n + 1}
 * of the sequence, so resumed and parallel studies continue the same sequence. It learns nothing
 * from the trials, so it suits any number of objectives, and spaces of up to 1,000 dimensions.
 *
 * <p>Made by {@link dev.tunable.Samplers#sobol(long)}; it has no settings. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class SobolSampler implements Sampler {
  private final long seed;
  private final Sampler algorithm;

  /** The sampler of {@link dev.tunable.Samplers#sobol(long)}. */
  public SobolSampler(long seed) {
    this.seed = seed;
    this.algorithm = new SobolAlgorithm(seed);
  }

  @Override
  public Config sample(SamplerContext context) {
    return algorithm.sample(context);
  }

  /** Whether {@code other} is the same sampler: same seed, same proposals. */
  @Override
  public boolean equals(Object other) {
    return other instanceof SobolSampler that && seed == that.seed;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seed);
  }

  @Override
  public String toString() {
    return "Samplers.sobol(" + seed + ")";
  }
}
