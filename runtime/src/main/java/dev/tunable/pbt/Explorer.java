package dev.tunable.pbt;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.SearchSpace;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * PBT's explore step over a search space: each explored dimension is resampled with some
 * probability, or else multiplied by 0.8 or 1.2 (a real or integer, kept in range and on its
 * step) or moved to a neighbouring choice (a categorical); the others are kept.
 *
 * <p>Of a conditional space (issue 14), a choice between branches is only resampled, with that
 * probability, and otherwise kept: a member that switches branch takes the new branch's values
 * from the space's defaults, or draws them where it has none, and drops the old branch's values.
 */
final class Explorer {
  private final SearchSpace<?> space;
  private final Set<String> explored;
  private final double resampleProbability;

  /** The dimensions whose value chooses a branch: the parents of conditions. */
  private final Set<String> branches = new HashSet<>();

  Explorer(SearchSpace<?> space, Set<String> explored, double resampleProbability) {
    this.space = space;
    this.explored = explored;
    this.resampleProbability = resampleProbability;
    for (Dimension<?> dimension : space.dimensions()) {
      space.condition(dimension.name()).ifPresent(condition -> branches.add(condition.parent()));
    }
  }

  Config explore(Config config, SplittableRandom random) {
    Map<String, Object> next = new LinkedHashMap<>();
    for (Dimension<?> dimension : space.dimensions()) {
      String name = dimension.name();
      if (!space.isActive(name, next)) {
        continue; // of a branch not chosen
      }
      if (!config.has(name)) {
        // Of the branch just chosen: its default, or a fresh draw
        next.put(name, space.defaults().has(name) ? space.defaults().get(name)
            : dimension.fromUnit(random.nextDouble()));
        continue;
      }
      Object value = config.get(name);
      if (explored.contains(name)) {
        if (random.nextDouble() < resampleProbability) {
          value = dimension.fromUnit(random.nextDouble());
        } else if (!branches.contains(name)) {
          value = perturb(dimension, value, random);
        }
      }
      next.put(name, dimension.check(value));
    }
    return space.check(next);
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
