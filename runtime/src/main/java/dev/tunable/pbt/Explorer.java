package dev.tunable.pbt;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.SearchSpace;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * PBT's explore step over a search space: each explored dimension is resampled with some
 * probability, or else multiplied by 0.8 or 1.2 (a real or integer, kept in range and on its
 * step) or moved to a neighbouring choice (a categorical); the others are kept.
 */
final class Explorer {
  private final SearchSpace<?> space;
  private final Set<String> explored;
  private final double resampleProbability;

  Explorer(SearchSpace<?> space, Set<String> explored, double resampleProbability) {
    this.space = space;
    this.explored = explored;
    this.resampleProbability = resampleProbability;
  }

  Config explore(Config config, SplittableRandom random) {
    Config.Builder next = Config.builder();
    for (Dimension<?> dimension : space.dimensions()) {
      Object value = config.get(dimension.name());
      if (explored.contains(dimension.name())) {
        value = random.nextDouble() < resampleProbability
            ? dimension.fromUnit(random.nextDouble())
            : perturb(dimension, value, random);
      }
      next.set(dimension, value);
    }
    return next.build();
  }

  static Object perturb(Dimension<?> dimension, Object value, SplittableRandom random) {
    double factor = random.nextBoolean() ? 1.2 : 0.8;
    return dimension.accept(new Perturbation(value, factor));
  }

  /**
   * {@code value} multiplied by {@code factor} in the dimension's own terms: a real or integer
   * kept in range and on its step, a categorical moved to the next choice up or down (wrapping
   * round), a boolean kept.
   */
  private record Perturbation(Object value, double factor) implements Dimension.Visitor<Object> {
    @Override
    public Object visitReal(RealDimension real) {
      double v = Math.min(real.high(), Math.max(real.low(), ((Number) value).doubleValue() * factor));
      if (real.step() > 0) {
        long k = Math.round((v - real.low()) / real.step());
        long last = real.stepCount() - 1;
        v = real.low() + Math.min(last, Math.max(0, k)) * real.step();
      }
      return v;
    }

    @Override
    public Object visitInteger(IntegerDimension integer) {
      long old = ((Number) value).longValue();
      long v = Math.round(old * factor);
      if (v == old) {
        v += factor > 1 ? integer.step() : -integer.step(); // small integers must still move
      }
      v = integer.low() + Math.round((double) (v - integer.low()) / integer.step()) * integer.step();
      return Math.min(integer.high() - (integer.high() - integer.low()) % integer.step(),
          Math.max(integer.low(), v));
    }

    @Override
    public Object visitCategorical(CategoricalDimension<?> categorical) {
      int index = categorical.indexOf(value) + (factor > 1 ? 1 : -1);
      return categorical.choices().get(Math.floorMod(index, categorical.choices().size()));
    }

    @Override
    public Object visitBoolean(BooleanDimension bool) {
      return value;
    }
  }
}
