package dev.tunable;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A scripted study for {@link PrunerContract}: what 24 trials on four workers ask, report and
 * finish, in order, and the snapshots a pruner would see at each moment.
 *
 * <p>The trials' learning curves decay towards levels of different quality, with noise, some
 * crossing; most report every step, some every other step and some skip their first steps. Among
 * them are a complete trial whose loss overflowed to infinity for a step, trials pruned early,
 * trials that fail (one after reporting an infinity, one before reporting anything), a straggler that stops reporting and never finishes, one that diverges to
 * NaN and goes on running, and late trials still running when the script ends.
 */
final class PrunerScript {
  static final int TRIALS = 24;
  static final int STEPS = 16;

  /** One thing that happens in the study. */
  sealed interface Action permits Ask, Report, Finish {
    int trial();
  }

  record Ask(int trial) implements Action {}

  record Report(int trial, long step, double value) implements Action {}

  /** Ends a trial: COMPLETE with {@code value}, PRUNED or FAIL. */
  record Finish(int trial, TrialState state, double value) implements Action {}

  private PrunerScript() {}

  /** The study's actions, in order; trials are asked for in number order. */
  static List<Action> actions() {
    SplittableRandom random = new SplittableRandom(2026);
    List<List<Action>> byTick = new ArrayList<>();
    int end = 44; // the tick the script stops at: the trials still reporting are left running
    for (int tick = 0; tick <= end; tick++) {
      byTick.add(new ArrayList<>());
    }
    for (int i = 0; i < TRIALS; i++) {
      int start = 4 * i / 3; // four workers, roughly
      double level = 0.2 + 0.6 * random.nextDouble() + (i == 7 || i == 13 ? 0.5 : 0);
      double height = 1 + random.nextDouble();
      double decay = 0.7 + 0.2 * random.nextDouble();
      List<Long> steps = new ArrayList<>();
      for (long step = 0; step < STEPS; step++) {
        boolean reported = i % 5 == 3 ? step % 2 == 0 : i % 7 == 5 ? step >= 2 && step != 6 : true;
        if (reported) {
          steps.add(step);
        }
      }
      int reports = switch (i) {
        case 7, 13 -> 6; // pruned early
        case 9 -> 8; // a straggler: stops reporting, never finishes
        case 10 -> 4; // fails
        case 11 -> 3; // reports an infinity, then fails
        case 16 -> 0; // fails before reporting
        default -> steps.size();
      };
      byTick.get(start).add(new Ask(i));
      double last = Double.NaN;
      int tick = start;
      for (int r = 0; r < reports && ++tick <= end; r++) {
        long step = steps.get(r);
        double value = quantize(level + height * Math.pow(decay, step)
            + 0.04 * (random.nextDouble() - 0.5));
        if (i == 11 && r == 2 || i == 4 && r == 1) {
          value = Double.POSITIVE_INFINITY; // 4 overflowed for a step and recovered
        } else if (i == 19 && r >= 4) {
          value = Double.NaN; // diverged, and nobody stops it
        }
        byTick.get(tick).add(new Report(i, step, value));
        last = value;
      }
      if (++tick <= end) {
        Finish finish = switch (i) {
          case 7, 13 -> new Finish(i, TrialState.PRUNED, Double.NaN);
          case 10, 11, 16 -> new Finish(i, TrialState.FAIL, Double.NaN);
          case 9, 19 -> null;
          default -> new Finish(i, TrialState.COMPLETE, last);
        };
        if (finish != null) {
          byTick.get(tick).add(finish);
        }
      }
    }
    List<Action> actions = new ArrayList<>();
    byTick.forEach(actions::addAll);
    return List.copyOf(actions);
  }

  /** {@code actions} with every reported and final value negated. */
  static List<Action> negated(List<Action> actions) {
    List<Action> negated = new ArrayList<>();
    for (Action action : actions) {
      if (action instanceof Report r) {
        negated.add(new Report(r.trial(), r.step(), -r.value()));
      } else if (action instanceof Finish f) {
        negated.add(new Finish(f.trial(), f.state(), -f.value()));
      } else {
        negated.add(action);
      }
    }
    return negated;
  }

  /**
   * On a grid of 1/32, as a metric over a small validation set is: ties between trials are common,
   * and sums and midpoints of values are exact in either sign.
   */
  private static double quantize(double value) {
    return Math.round(value * 32) / 32.0;
  }

  /** The study as the actions so far made it: every trial's snapshot. */
  static final class Replay {
    private final List<TrialState> states = new ArrayList<>();
    private final List<TreeMap<Long, Double>> curves = new ArrayList<>();
    private final List<Double> values = new ArrayList<>();

    void apply(Action action) {
      if (action instanceof Ask a) {
        if (a.trial() != states.size()) {
          throw new IllegalStateException("trials are asked for in number order: " + a);
        }
        states.add(TrialState.RUNNING);
        curves.add(new TreeMap<>());
        values.add(Double.NaN);
      } else if (action instanceof Report r) {
        curves.get(r.trial()).put(r.step(), r.value());
      } else if (action instanceof Finish f) {
        states.set(f.trial(), f.state());
        values.set(f.trial(), f.value());
      }
    }

    int size() {
      return states.size();
    }

    TrialState state(int trial) {
      return states.get(trial);
    }

    FrozenTrial snapshot(int trial) {
      TrialState state = states.get(trial);
      double[] value = state == TrialState.COMPLETE ? new double[] {values.get(trial)} : new double[0];
      return Snapshots.trial(trial, state, value, Config.builder().build(), curves.get(trial),
          state == TrialState.FAIL ? "scripted" : null);
    }

    List<FrozenTrial> snapshots() {
      List<FrozenTrial> snapshots = new ArrayList<>();
      for (int t = 0; t < states.size(); t++) {
        snapshots.add(snapshot(t));
      }
      return List.copyOf(snapshots);
    }
  }

  /** A moment a trial asks its pruner: right after it was asked for, and after each report. */
  record Moment(int trial, long step, FrozenTrial asking, List<FrozenTrial> history) {
    PrunerContext context(Direction direction) {
      return new PrunerContext(asking, List.of(direction), history);
    }

    @Override
    public String toString() {
      return "trial #" + trial + " at step " + step;
    }
  }

  /** Every moment of {@code actions}, with fresh snapshots. */
  static List<Moment> moments(List<Action> actions) {
    Replay replay = new Replay();
    List<Moment> moments = new ArrayList<>();
    for (Action action : actions) {
      replay.apply(action);
      if (action instanceof Ask || action instanceof Report) {
        FrozenTrial asking = replay.snapshot(action.trial());
        long step = asking.intermediateValues().isEmpty()
            ? -1 : asking.intermediateValues().lastKey();
        moments.add(new Moment(action.trial(), step, asking, replay.snapshots()));
      }
    }
    return List.copyOf(moments);
  }
}
