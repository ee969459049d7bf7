package dev.tunable.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.internal.sampler.RandomAlgorithm;

/**
 * Random search: independent uniform samples in each dimension's own scale, log-uniform on a log
 * scale, every integer and step value equally likely. Trial {@code n} draws from a generator
 * seeded by the seed and {@code n}, so resumed and parallel studies draw the same points. It
 * learns nothing from the trials, so it suits any number of objectives; a baseline, and a
 * sampler for very noisy objectives.
 *
 * <p>Made by {@link dev.tunable.Samplers#random(long)}; it has no settings. Immutable and
 * thread-safe.
 *
 * @since 0.1
 */
public final class RandomSampler implements Sampler {
  private final long seed;
  private final Sampler algorithm;

  /** The sampler of {@link dev.tunable.Samplers#random(long)}. */
  public RandomSampler(long seed) {
    this.seed = seed;
    this.algorithm = new RandomAlgorithm(seed);
  }

  @Override
  public Config sample(SamplerContext context) {
    return algorithm.sample(context);
  }

  /** Whether {@code other} is the same sampler: same seed, same proposals. */
  @Override
  public boolean equals(Object other) {
    return other instanceof RandomSampler that && seed == that.seed;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(seed);
  }

  @Override
  public String toString() {
    return "Samplers.random(" + seed + ")";
  }
}
