package dev.tunable.internal.report;

import dev.tunable.FrozenTrial;
import dev.tunable.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The values each trial reported by step; pruned trials in red, ending in a cross. */
final class IntermediateValuesChart {
  private IntermediateValuesChart() {}

  static Section section(ReportModel model) {
    List<FrozenTrial> reporting = model.trials().stream()
        .filter(t -> !t.intermediateValues().isEmpty()).toList();
    if (reporting.isEmpty()) {
      return null;
    }
    long pruned = reporting.stream().filter(t -> t.state() == TrialState.PRUNED).count();
    return new Section("intermediate", "Intermediate values", "The value each trial reported"
        + " at each step; " + pruned + " pruned trial" + (pruned == 1 ? "" : "s")
        + " in red, ending in a cross where it was stopped.",
        List.of(new Section.Figure("", chart(reporting))));
  }

  private static String chart(List<FrozenTrial> reporting) {
    Frame frame = Frame.wide();
    List<Double> steps = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (FrozenTrial trial : reporting) {
      for (Map.Entry<Long, Double> report : trial.intermediateValues().entrySet()) {
        steps.add((double) report.getKey());
        values.add(report.getValue());
      }
    }
    double[] allValues = values.stream().mapToDouble(d -> d).toArray();
    AxisScale x = AxisScale.whole(steps.stream().mapToDouble(d -> d).toArray(), frame.x0(),
        frame.x1());
    AxisScale y = frame.yNumeric(allValues, Objectives.logScaled(allValues));
    Svg svg = frame.svg("intermediate values by step");
    frame.axes(svg, x, y, "step", "reported value");
    // Pruned trials last, so that their red shows over the others.
    List<FrozenTrial> ordered = new ArrayList<>(reporting);
    ordered.sort((a, b) -> Boolean.compare(a.state() == TrialState.PRUNED,
        b.state() == TrialState.PRUNED));
    for (FrozenTrial trial : ordered) {
      boolean pruned = trial.state() == TrialState.PRUNED;
      int n = trial.intermediateValues().size();
      double[] xs = new double[n];
      double[] ys = new double[n];
      int i = 0;
      for (Map.Entry<Long, Double> report : trial.intermediateValues().entrySet()) {
        xs[i] = x.px(report.getKey());
        ys[i] = y.px(report.getValue());
        i++;
      }
      String tip = Tips.of(trial);
      svg.polyline(xs, ys, pruned ? "iv iv-pruned" : "iv", null, tip);
      if (pruned) {
        double cx = xs[n - 1];
        double cy = ys[n - 1];
        svg.path("M" + Numbers.px(cx - 4) + "," + Numbers.px(cy - 4) + " l8,8 m0,-8 l-8,8",
            "cross pruned", tip);
      } else {
        svg.circle(xs[n - 1], ys[n - 1], 2.5, "iv-end", null, tip);
      }
    }
    double lx = frame.x1() - 220;
    double ly = frame.y1() - 6;
    svg.line(lx, ly, lx + 24, ly, "key-iv");
    svg.text(lx + 30, ly + 4, "start", "legend", "trial", 0);
    svg.line(lx + 80, ly, lx + 104, ly, "key-iv key-pruned");
    svg.path("M" + Numbers.px(lx + 100) + "," + Numbers.px(ly - 4) + " l8,8 m0,-8 l-8,8",
        "cross", null);
    svg.text(lx + 116, ly + 4, "start", "legend", "pruned", 0);
    return svg.end();
  }
}
