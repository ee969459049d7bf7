package dev.tunable;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a {@link Pruner} may look at: the running trial, with the values it reported so far, and
 * the other trials of the study. Immutable; the history is computed once, on first use.
 *
 * @since 0.1
 */
public final class PrunerContext {
  private final FrozenTrial trial;
  private final List<Direction> directions;
  private final Supplier<List<FrozenTrial>> trials;
  private List<FrozenTrial> history;

  /** A context over a given history; for tests of pruners. */
  public PrunerContext(FrozenTrial trial, List<Direction> directions, List<FrozenTrial> trials) {
    this(trial, directions, () -> trials);
  }

  PrunerContext(
      FrozenTrial trial, List<Direction> directions, Supplier<List<FrozenTrial>> trials) {
    this.trial = Objects.requireNonNull(trial, "trial");
    this.directions = List.copyOf(directions);
    this.trials = Objects.requireNonNull(trials, "trials");
  }

  /** The trial asking whether to stop, with every value it reported. */
  public FrozenTrial trial() {
    return trial;
  }

  /** The step of the trial's latest report, or -1 if it reported nothing. */
  public long step() {
    return trial.intermediateValues().isEmpty() ? -1 : trial.intermediateValues().lastKey();
  }

  /** The study's direction (of its first objective). */
  public Direction direction() {
    return directions.get(0);
  }

  /** The study's directions, one per objective. */
  public List<Direction> directions() {
    return directions;
  }

  /** Every trial of the study, by number, as snapshots (the asking trial included); unmodifiable. */
  public synchronized List<FrozenTrial> trials() {
    if (history == null) {
      history = List.copyOf(trials.get());
    }
    return history;
  }
}
