package dev.tunable.internal;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Randomness derived from a seed and a trial number, so that trial {@code n} of a seeded study
 * draws the same numbers however many trials ran before it, in whatever process or thread.
 */
public final class Seeds {
  private Seeds() {}

  /** A generator private to trial {@code trialNumber} of a sampler seeded with {@code seed}. */
  public static SplittableRandom forTrial(long seed, long trialNumber) {
    return new SplittableRandom(mix(seed ^ mix(trialNumber + 0x9E3779B97F4A7C15L)));
  }

  /** A seed for a sampler created without one. */
  public static long fresh() {
    return new SecureRandom().nextLong();
  }

  /** The SplitMix64 finalizer: a bijection that spreads nearby inputs over all 64 bits. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
