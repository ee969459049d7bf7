package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunable.annotations.Scale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Sampler} must do; each sampler's test extends this class: propose valid
 * values of every kind of dimension, and propose the same point for the same context whatever it
 * was asked before (reproducible, resumable, thread-safe).
 */
public abstract class SamplerContract {
  /** Every kind of dimension, all discrete so that a plain grid covers them too. */
  protected static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .add(Dimension.real("stepped", 0, 1).withStep(0.25))
      .integer("units", 16, 256, Scale.LOG)
      .add(Dimension.integer("even", 0, 10).withStep(2))
      .categorical("activation", "relu", "tanh", "gelu")
      .add(Dimension.categorical("scale", Scale.class))
      .bool("bias")
      .build();

  /** The sampler under test, seeded with {@code seed} where it takes one. */
  protected abstract Sampler sampler(long seed);

  protected static SamplerContext context(SearchSpace<?> space, long number, List<FrozenTrial> history) {
    return new SamplerContext(space, number, List.of(Direction.MINIMIZE), history);
  }

  @Test
  void proposesAValueForEveryDimensionWithinItsRange() {
    Sampler sampler = sampler(1);
    List<FrozenTrial> history = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      Config proposal = sampler.sample(context(SPACE, n, List.copyOf(history)));
      Config checked = SPACE.check(proposal.asMap());
      assertEquals(SPACE.dimensions().size(), checked.names().size());
      history.add(Snapshots.complete(n, storedForm(proposal), n));
    }
  }

  @Test
  void theSameContextGivesTheSamePointWhateverCameBefore() {
    Sampler first = sampler(7);
    Sampler second = sampler(7);
    List<Config> forward = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      forward.add(first.sample(context(SPACE, n, List.of())));
    }
    for (int n = 9; n >= 0; n--) {
      assertEquals(forward.get(n), second.sample(context(SPACE, n, List.of())), "trial " + n);
    }
  }

  /** {@code config} as a study stores it: categorical choices by label. */
  protected static Config storedForm(Config config) {
    Config.Builder stored = Config.builder();
    for (String name : config.names()) {
      Object value = config.get(name);
      stored.set(SPACE.dimension(name), value instanceof Enum<?> e ? e.name() : value);
    }
    return stored.build();
  }
}
