package dev.tunable.internal.report;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.internal.Pareto;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The first two objectives of every complete trial, with the Pareto front (the feasible trials
 * no other beats in both) highlighted and joined.
 */
final class ParetoChart {
  private ParetoChart() {}

  static Section section(ReportModel model) {
    if (!model.multiObjective()) {
      return null;
    }
    String title = "Pareto front";
    List<FrozenTrial> complete = Objectives.complete(model);
    if (complete.isEmpty()) {
      return Section.empty("pareto", title, "No trial has completed yet: nothing to plot.");
    }
    int[] front = front(model, complete);
    return new Section("pareto", title, front.length + " of " + complete.size()
        + " complete trials are on the front (orange); no other trial is as good in both"
        + " objectives and better in one."
        + (model.directions().size() > 2 ? " Shown for the first two of "
            + model.directions().size() + " objectives." : ""),
        List.of(new Section.Figure("", chart(model, complete, front))));
  }

  /** The indices in {@code complete} of the feasible trials on the first front. */
  static int[] front(ReportModel model, List<FrozenTrial> complete) {
    List<Integer> feasible = new ArrayList<>();
    for (int i = 0; i < complete.size(); i++) {
      if (complete.get(i).isFeasible()) {
        feasible.add(i);
      }
    }
    double[][] scores = new double[feasible.size()][];
    for (int k = 0; k < scores.length; k++) {
      double[] values = complete.get(feasible.get(k)).values();
      for (int m = 0; m < values.length; m++) {
        values[m] = model.directions().get(m) == Direction.MINIMIZE ? values[m] : -values[m];
      }
      scores[k] = values;
    }
    return Arrays.stream(Pareto.firstFront(scores)).map(feasible::get).toArray();
  }

  private static String chart(ReportModel model, List<FrozenTrial> complete, int[] front) {
    Frame frame = new Frame(560, 440, 70, 24, 24, 52);
    double[] first = Objectives.values(complete, 0);
    double[] second = Objectives.values(complete, 1);
    AxisScale x = frame.xNumeric(first, Objectives.logScaled(first));
    AxisScale y = frame.yNumeric(second, Objectives.logScaled(second));
    Svg svg = frame.svg("Pareto front of the first two objectives");
    frame.axes(svg, x, y, Objectives.title(model, 0), Objectives.title(model, 1));
    boolean[] onFront = new boolean[complete.size()];
    for (int i : front) {
      onFront[i] = true;
    }
    Integer[] sorted = Arrays.stream(front).boxed().sorted(Comparator.comparingDouble(
        (Integer i) -> first[i])).toArray(Integer[]::new);
    double[] xs = new double[sorted.length];
    double[] ys = new double[sorted.length];
    for (int k = 0; k < sorted.length; k++) {
      xs[k] = x.px(first[sorted[k]]);
      ys[k] = y.px(second[sorted[k]]);
    }
    svg.polyline(xs, ys, "frontline", null, null);
    for (int i = 0; i < complete.size(); i++) {
      if (!onFront[i]) {
        String cls = complete.get(i).isFeasible() ? "pt pareto" : "pt pareto infeasible";
        svg.circle(x.px(first[i]), y.px(second[i]), 3.5, cls, null, Tips.of(complete.get(i)));
      }
    }
    for (int i : front) {
      svg.circle(x.px(first[i]), y.px(second[i]), 4.5, "pt pareto front", null,
          Tips.of(complete.get(i)));
    }
    return svg.end();
  }
}
