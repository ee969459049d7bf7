package dev.tunable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Drives a sampler through a study's history without a {@link Study}, for samplers' tests. */
public final class SamplerRuns {
  private SamplerRuns() {}

  /** The complete trials of {@code trials} proposals of {@code sampler}, each told {@code f}. */
  public static List<FrozenTrial> run(Sampler sampler, SearchSpace<Config> space,
      Direction direction, ToDoubleFunction<Config> f, int trials) {
    List<FrozenTrial> history = new ArrayList<>();
    for (int n = 0; n < trials; n++) {
      Config config = sampler.sample(
          new SamplerContext(space, n, List.of(direction), List.copyOf(history)));
      history.add(Snapshots.complete(n, config, f.applyAsDouble(config)));
    }
    return history;
  }

  /** The lowest value in {@code history}. */
  public static double best(List<FrozenTrial> history) {
    return history.stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
  }
}
