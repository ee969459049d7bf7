package dev.tunable;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link Sampler} may look at when it proposes a trial. Immutable; the trial history is
 * computed once, on first use, so samplers that ignore it cost nothing.
 *
 * @since 0.1
 */
public final class SamplerContext {
  private final SearchSpace<?> space;
  private final long trialNumber;
  private final List<Direction> directions;
  private final Supplier<List<FrozenTrial>> trials;
  private List<FrozenTrial> history;

  /** A context over a given history; for tests of samplers. */
  public SamplerContext(
      SearchSpace<?> space, long trialNumber, List<Direction> directions, List<FrozenTrial> trials) {
    this(space, trialNumber, directions, () -> trials);
  }

  SamplerContext(
      SearchSpace<?> space,
      long trialNumber,
      List<Direction> directions,
      Supplier<List<FrozenTrial>> trials) {
    this.space = Objects.requireNonNull(space, "space");
    this.trialNumber = trialNumber;
    this.directions = List.copyOf(directions);
    this.trials = Objects.requireNonNull(trials, "trials");
  }

  /** The space to sample. */
  public SearchSpace<?> space() {
    return space;
  }

  /**
   * The number the proposed trial will have, unless another worker starts a trial before the
   * proposal is recorded (see {@link Sampler}).
   */
  public long trialNumber() {
    return trialNumber;
  }

  /** The study's direction (of its first objective). */
  public Direction direction() {
    return directions.get(0);
  }

  /** The study's directions, one per objective. */
  public List<Direction> directions() {
    return directions;
  }

  /**
   * Every trial of the study so far, by number: finished ones, and running ones (so that a grid
   * does not hand out a point twice), as snapshots; unmodifiable. Trials may have been run on
   * other spaces; their params hold whatever names they had.
   */
  public synchronized List<FrozenTrial> trials() {
    if (history == null) {
      history = List.copyOf(trials.get());
    }
    return history;
  }
}
