package dev.tunable.internal.sampler;

import dev.tunable.Config;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Point {@code n + 1} of the Sobol sequence for trial {@code n} (point 0 is the cube's corner), 
 * shifted modulo 1 by a random vector drawn from the seed (a Cranley–Patterson rotation), which
 * keeps the sequence's low discrepancy while making the points depend on the seed.
 */
public final class SobolAlgorithm implements Sampler {
  /** The most dimensions Commons Math's direction numbers cover. */
  private static final int MAX_DIMENSIONS = 1000;

  private final long seed;

  public SobolAlgorithm(long seed) {
    this.seed = seed;
  }

  @Override
  public Config sample(SamplerContext context) {
    int dimensions = context.space().size();
    if (dimensions > MAX_DIMENSIONS) {
      throw new IllegalArgumentException(
          "the Sobol sampler supports up to " + MAX_DIMENSIONS + " dimensions, the space has "
              + dimensions + "; use Samplers.random(seed)");
    }
    if (dimensions == 0) {
      return context.space().fromUnit(new double[0]);
    }
    // Generators are cheap next to the space's mapping and not thread-safe: one per call.
    SobolSequenceGenerator generator = new SobolSequenceGenerator(dimensions);
    // skipTo returns the point at the index it skips to.
    double[] point = generator.skipTo(Math.toIntExact(context.trialNumber() + 1));
    double[] shift = shift(dimensions);
    for (int i = 0; i < dimensions; i++) {
      double u = point[i] + shift[i];
      point[i] = u >= 1 ? u - 1 : u;
    }
    return context.space().fromUnit(point);
  }

  private double[] shift(int dimensions) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] shift = new double[dimensions];
    for (int i = 0; i < dimensions; i++) {
      shift[i] = random.nextDouble();
    }
    return shift;
  }
}
