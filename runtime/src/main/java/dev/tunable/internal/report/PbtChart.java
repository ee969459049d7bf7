package dev.tunable.internal.report;

import dev.tunable.internal.report.ReportModel.PbtStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A population-based training run: each member's score by round, then each hyperparameter's
 * value by round, one line per member in the member's colour; a jump is an exploit and explore.
 */
final class PbtChart {
  private PbtChart() {}

  static Section section(ReportModel model, Tips tips) {
    if (model.pbt().isEmpty()) {
      return null;
    }
    Map<Integer, List<PbtStep>> members = new TreeMap<>();
    for (PbtStep step : model.pbt()) {
      members.computeIfAbsent(step.member(), m -> new ArrayList<>()).add(step);
      List<String> tip = new ArrayList<>();
      tip.add("Member " + step.member() + " · round " + step.round());
      tip.add("score = " + Numbers.format(step.score()));
      step.params().forEach((name, value) -> tip.add(name + " = " + Tips.format(value)));
      tips.add(key(step), tip);
    }
    members.values().forEach(steps -> steps.sort(
        (a, b) -> Integer.compare(a.round(), b.round())));
    List<Section.Figure> figures = new ArrayList<>();
    figures.add(new Section.Figure("score", chart(members, "score", null)));
    figures.add(new Section.Figure("members", legend(members.keySet())));
    for (Axis axis : axes(model)) {
      figures.add(new Section.Figure(axis.name(), chart(members, axis.name(), axis)));
    }
    return new Section("pbt", "Members by round", members.size() + " members over "
        + members.values().iterator().next().size() + " rounds, one colour each: the score, then"
        + " each hyperparameter, after every round. A jump is a member copying a better one and"
        + " perturbing its hyperparameters.", figures);
  }

  /** Which colour is which member. */
  private static String legend(Iterable<Integer> members) {
    List<Integer> list = new ArrayList<>();
    members.forEach(list::add);
    int rows = list.size();
    Svg svg = new Svg(130, 16 + 20 * rows, "member colours");
    for (int i = 0; i < rows; i++) {
      double y = 14 + 20 * i;
      String color = Palette.member(list.get(i));
      svg.polyline(new double[] {8, 32}, new double[] {y, y}, "key-member", color, null);
      svg.circle(20, y, 3, "key-pt-member", color, null);
      svg.text(40, y + 4, "start", "legend", "member " + list.get(i), 0);
    }
    return svg.end();
  }

  private static String key(PbtStep step) {
    return "m" + step.member() + "r" + step.round();
  }

  /** One axis per hyperparameter of the steps, inferred from their values. */
  private static List<Axis> axes(ReportModel model) {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (PbtStep step : model.pbt()) {
      step.params().forEach((n, v) -> values.computeIfAbsent(n, k -> new ArrayList<>()).add(v));
    }
    List<Axis> axes = new ArrayList<>();
    values.forEach((name, seen) -> axes.add(model.axes().stream()
        .filter(a -> a.name().equals(name)).findFirst()
        .orElseGet(() -> Axis.inferOne(name, seen))));
    return axes;
  }

  private static String chart(Map<Integer, List<PbtStep>> members, String name, Axis axis) {
    Frame frame = Frame.small();
    List<Double> rounds = new ArrayList<>();
    List<Double> positions = new ArrayList<>();
    for (List<PbtStep> steps : members.values()) {
      for (PbtStep step : steps) {
        rounds.add((double) step.round());
        positions.add(position(step, axis));
      }
    }
    double[] ys = positions.stream().mapToDouble(d -> d).toArray();
    AxisScale x = AxisScale.whole(rounds.stream().mapToDouble(d -> d).toArray(), frame.x0(),
        frame.x1());
    AxisScale y = axis == null ? frame.yNumeric(ys, Objectives.logScaled(ys))
        : AxisScale.of(axis, ys, frame.y0(), frame.y1());
    Svg svg = frame.svg(name + " of each member by round");
    frame.axes(svg, x, y, "round", name + (axis != null && axis.log() ? " (log)" : ""));
    for (Map.Entry<Integer, List<PbtStep>> member : members.entrySet()) {
      List<PbtStep> steps = member.getValue();
      double[] px = new double[steps.size()];
      double[] py = new double[steps.size()];
      String[] keys = new String[steps.size()];
      int n = 0;
      for (PbtStep step : steps) {
        double p = position(step, axis);
        if (!Double.isNaN(p)) {
          px[n] = x.px(step.round());
          py[n] = y.px(p);
          keys[n] = key(step);
          n++;
        }
      }
      String color = Palette.member(member.getKey());
      svg.polyline(Arrays.copyOf(px, n), Arrays.copyOf(py, n), "pbt-line",
          color, null);
      for (int i = 0; i < n; i++) {
        svg.circle(px[i], py[i], 3, "pt pbt", color, keys[i]);
      }
    }
    return svg.end();
  }

  /** The step's score ({@code axis} null) or its position on the hyperparameter's axis. */
  private static double position(PbtStep step, Axis axis) {
    if (axis == null) {
      return step.score();
    }
    Object value = step.params().get(axis.name());
    if (value == null) {
      return Double.NaN;
    }
    if (axis.categorical()) {
      int index = axis.categories().indexOf(String.valueOf(value));
      return index < 0 ? Double.NaN : index;
    }
    return value instanceof Number number ? number.doubleValue() : Double.NaN;
  }
}
