package dev.tunable.internal.report;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.TrialState;
import java.util.List;

/** What the charts share about objective values: which trials have them, how to label them. */
final class Objectives {
  private Objectives() {}

  /** The complete trials, by number. */
  static List<FrozenTrial> complete(ReportModel model) {
    return model.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
  }

  /** Objective {@code m}'s values of {@code trials}. */
  static double[] values(List<FrozenTrial> trials, int m) {
    return trials.stream().mapToDouble(t -> t.values()[m]).toArray();
  }

  /** The axis title of objective {@code m}. */
  static String title(ReportModel model, int m) {
    String direction = model.directions().get(m) == Direction.MINIMIZE ? "minimize" : "maximize";
    return (model.multiObjective() ? "objective " + (m + 1) : "objective value")
        + " (" + direction + ")";
  }

  /** Whether values are best drawn on a log axis: all positive, spanning 3 decades or more. */
  static boolean logScaled(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    return values.length > 0 && min > 0 && max / min >= Axis.LOG_SPAN;
  }

  /** Whether {@code a} is better than {@code b} in {@code direction}. */
  static boolean better(double a, double b, Direction direction) {
    return direction == Direction.MINIMIZE ? a < b : a > b;
  }
}
