package dev.tunable.internal.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.internal.Seeds;
import java.util.SplittableRandom;

/**
 * Uniform points of the unit cube, which the space maps to each dimension's own scale. Stateless:
 * trial {@code n} draws from a generator seeded by the seed and {@code n}.
 */
public final class RandomAlgorithm implements Sampler {
  private final long seed;

  public RandomAlgorithm(long seed) {
    this.seed = seed;
  }

  @Override
  public Config sample(SamplerContext context) {
    SplittableRandom random = Seeds.forTrial(seed, context.trialNumber());
    double[] point = new double[context.space().size()];
    for (int i = 0; i < point.length; i++) {
      point[i] = random.nextDouble();
    }
    return context.space().fromUnit(point);
  }
}
