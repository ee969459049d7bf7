package dev.tunable.internal.report;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One vertical axis for the objective and one per hyperparameter; each complete trial is a line
 * through its values, coloured by its objective value, the best drawn last (on top).
 */
final class ParallelCoordinatesChart {
  private static final int SPACING = 130;
  private static final int TOP = 44;
  private static final int BOTTOM = 24;
  private static final int HEIGHT = 380;

  private ParallelCoordinatesChart() {}

  static Section section(ReportModel model) {
    String title = "Parallel coordinates";
    List<FrozenTrial> complete = Objectives.complete(model);
    if (complete.isEmpty() || model.axes().isEmpty()) {
      return Section.empty("parallel", title, complete.isEmpty()
          ? "No trial has completed yet: nothing to plot." : "The study has no hyperparameters.");
    }
    return new Section("parallel", title, "Each line is a complete trial through its "
        + Objectives.title(model, 0) + " and its hyperparameters; colour by value, dark is better"
        + ", the best on top.", List.of(new Section.Figure("", chart(model, complete))));
  }

  private static String chart(ReportModel model, List<FrozenTrial> complete) {
    List<Axis> axes = model.axes();
    int width = Math.max(760, 90 + SPACING * axes.size() + 70);
    Svg svg = new Svg(width, HEIGHT, "parallel coordinates of the trials");
    double y0 = HEIGHT - BOTTOM;
    double y1 = TOP;
    double[] values = Objectives.values(complete, 0);
    Direction direction = model.directions().get(0);
    int count = axes.size() + 1;
    double left = 80;
    double spacing = (width - left - 90) / (double) Math.max(1, count - 1);
    List<AxisScale> scales = new ArrayList<>();
    scales.add(AxisScale.fitting(values, Objectives.logScaled(values), y0, y1));
    for (Axis axis : axes) {
      double[] positions = complete.stream().mapToDouble(axis::position).toArray();
      scales.add(AxisScale.of(axis, positions, y0, y1));
    }
    for (int a = 0; a < count; a++) {
      double x = left + a * spacing;
      svg.line(x, y1, x, y0, "pc-axis");
      String name = a == 0 ? "objective" : axes.get(a - 1).name();
      svg.label(x, TOP - 24, "middle", "axistitle", name, 20, 0);
      for (AxisScale.Tick tick : scales.get(a).ticks()) {
        double py = scales.get(a).px(tick.value());
        if (py >= y1 - 0.5 && py <= y0 + 0.5) {
          svg.line(x - 3, py, x, py, "tick");
          svg.label(x - 6, py + 4, "end", "ticklabel halo", tick.label(), 12, 0);
        }
      }
    }
    double min = values[0];
    double max = min;
    for (double v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    // Worst first, so that the best lines are drawn last and stay visible.
    Integer[] order = new Integer[complete.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> worstFirst = Comparator.comparingDouble(i -> values[i]);
    Arrays.sort(order, direction == Direction.MINIMIZE ? worstFirst.reversed()
        : worstFirst);
    for (int i : order) {
      FrozenTrial trial = complete.get(i);
      double[] xs = new double[count];
      double[] ys = new double[count];
      int n = 0;
      for (int a = 0; a < count; a++) {
        double position = a == 0 ? values[i] : axes.get(a - 1).position(trial);
        if (!Double.isNaN(position)) {
          xs[n] = left + a * spacing;
          ys[n] = scales.get(a).px(position);
          n++;
        }
      }
      double goodness = max == min ? 1
          : (direction == Direction.MINIMIZE ? max - values[i] : values[i] - min) / (max - min);
      // Viridis from yellow (worst) to dark purple (best): the best lines stand out on white.
      svg.polyline(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), "pc",
          Palette.viridis(1 - goodness), Tips.of(trial));
    }
    return svg.end();
  }
}
