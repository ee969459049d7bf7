package dev.tunable.internal.report;

import dev.tunable.FrozenTrial;
import java.util.ArrayList;
import java.util.List;

/**
 * One chart per hyperparameter: each complete trial's objective value against its value of that
 * hyperparameter, coloured from early (dark) to late (light) trials.
 */
final class SliceChart {
  /** Categorical points spread this far (a share of a category's band) so they do not hide. */
  private static final double JITTER = 0.3;

  private SliceChart() {}

  static Section section(ReportModel model) {
    String title = "Slices";
    List<FrozenTrial> complete = Objectives.complete(model);
    if (complete.isEmpty() || model.axes().isEmpty()) {
      return Section.empty("slices", title, complete.isEmpty()
          ? "No trial has completed yet: nothing to plot." : "The study has no hyperparameters.");
    }
    List<Section.Figure> figures = new ArrayList<>();
    for (Axis axis : model.axes()) {
      figures.add(new Section.Figure(axis.name(), chart(model, complete, axis)));
    }
    return new Section("slices", title, "The " + Objectives.title(model, 0) + " against each"
        + " hyperparameter; colour shows when the trial ran, from dark (early) to light (late).",
        figures);
  }

  private static String chart(ReportModel model, List<FrozenTrial> complete, Axis axis) {
    Frame frame = Frame.small();
    double[] positions = complete.stream().mapToDouble(axis::position).toArray();
    double[] values = Objectives.values(complete, 0);
    AxisScale x = AxisScale.of(axis, positions, frame.x0(), frame.x1());
    AxisScale y = frame.yNumeric(values, Objectives.logScaled(values));
    Svg svg = frame.svg(Objectives.title(model, 0) + " against " + axis.name());
    frame.axes(svg, x, y, axis.name() + (axis.log() ? " (log)" : ""),
        Objectives.title(model, 0));
    long first = complete.get(0).number();
    long last = complete.get(complete.size() - 1).number();
    for (int i = 0; i < complete.size(); i++) {
      if (Double.isNaN(positions[i])) {
        continue;
      }
      FrozenTrial trial = complete.get(i);
      double position = axis.categorical()
          ? positions[i] + JITTER * (spread(trial.number()) - 0.5) : positions[i];
      double age = last == first ? 1 : (trial.number() - first) / (double) (last - first);
      svg.circle(x.px(position), y.px(values[i]), 3.5, "pt slice",
          Palette.viridis(0.9 * age), Tips.of(trial));
    }
    return svg.end();
  }

  /** A fixed spread in [0, 1) for trial {@code number}: the same in every report. */
  static double spread(long number) {
    long h = number * 0x9E3779B97F4A7C15L;
    h ^= h >>> 31;
    return (h >>> 11) * 0x1.0p-53;
  }
}
