package dev.tunable.internal.report;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import java.util.ArrayList;
import java.util.List;

/** Each complete trial's value by trial number, with the best value so far as a step line. */
final class HistoryChart {
  private HistoryChart() {}

  static Section section(ReportModel model) {
    String title = "Optimization history";
    List<FrozenTrial> complete = Objectives.complete(model);
    if (complete.isEmpty()) {
      return Section.empty("history", title, "No trial has completed yet: nothing to plot.");
    }
    int objectives = model.directions().size();
    List<Section.Figure> figures = new ArrayList<>();
    for (int m = 0; m < objectives; m++) {
      figures.add(new Section.Figure(objectives == 1 ? "" : Objectives.title(model, m),
          chart(model, complete, m)));
    }
    return new Section("history", title, model.multiObjective()
        ? "Each point is a complete trial, one chart per objective. Hover a point to see its trial."
        : "Each point is a complete trial; the line is the best value so far. Hover a point to"
            + " see its trial.", figures);
  }

  private static String chart(ReportModel model, List<FrozenTrial> complete, int m) {
    Frame frame = Frame.wide();
    double[] numbers = complete.stream().mapToDouble(FrozenTrial::number).toArray();
    double[] values = Objectives.values(complete, m);
    AxisScale x = AxisScale.whole(numbers, frame.x0(), frame.x1());
    AxisScale y = frame.yNumeric(values, Objectives.logScaled(values));
    Svg svg = frame.svg(Objectives.title(model, m) + " by trial");
    frame.axes(svg, x, y, "trial number", Objectives.title(model, m));
    Direction direction = model.directions().get(m);
    boolean single = !model.multiObjective();
    if (single) {
      boolean[] feasible = new boolean[complete.size()];
      for (int i = 0; i < feasible.length; i++) {
        feasible[i] = complete.get(i).isFeasible();
      }
      String path = bestPath(numbers, values, feasible, direction, x, y, frame.x1());
      if (!path.isEmpty()) {
        svg.path(path, "bestpath", null);
      }
    }
    for (int i = 0; i < complete.size(); i++) {
      svg.circle(x.px(numbers[i]), y.px(values[i]), 3.5, "pt hist", null,
          Tips.of(complete.get(i)));
    }
    legend(svg, frame, single);
    return svg.end();
  }

  /**
   * The best-so-far step line: flat until a feasible trial improves on it, then a step to that
   * value; empty if no trial is feasible.
   */
  static String bestPath(double[] numbers, double[] values, boolean[] feasible,
      Direction direction, AxisScale x, AxisScale y, double right) {
    StringBuilder d = new StringBuilder();
    double best = Double.NaN;
    for (int i = 0; i < values.length; i++) {
      if (feasible[i] && (Double.isNaN(best) || Objectives.better(values[i], best, direction))) {
        String px = Numbers.px(x.px(numbers[i]));
        if (Double.isNaN(best)) {
          d.append('M').append(px).append(',').append(Numbers.px(y.px(values[i])));
        } else {
          d.append(" H").append(px).append(" V").append(Numbers.px(y.px(values[i])));
        }
        best = values[i];
      }
    }
    return d.length() == 0 ? "" : d.append(" H").append(Numbers.px(right)).toString();
  }

  private static void legend(Svg svg, Frame frame, boolean best) {
    double x = frame.x1() - 200;
    double y = frame.y1() - 6;
    svg.circle(x, y, 3.5, "key-pt", null, null);
    svg.text(x + 8, y + 4, "start", "legend", "trial", 0);
    if (best) {
      svg.line(x + 60, y, x + 84, y, "bestpath key-line");
      svg.text(x + 90, y + 4, "start", "legend", "best so far", 0);
    }
  }
}
