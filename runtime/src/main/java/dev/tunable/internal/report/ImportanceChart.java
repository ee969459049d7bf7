package dev.tunable.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Each hyperparameter's importance as a horizontal bar, the most important first. */
final class ImportanceChart {
  private static final int ROW = 26;

  private ImportanceChart() {}

  static Section section(ReportModel model) {
    if (model.importance().isEmpty()) {
      return null;
    }
    List<Map.Entry<String, Double>> ranked = new ArrayList<>(model.importance().entrySet());
    ranked.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    int left = 170;
    int width = 760;
    int height = 40 + ROW * ranked.size();
    Svg svg = new Svg(width, height, "hyperparameter importance");
    double max = Math.max(1e-12, ranked.get(0).getValue());
    double full = width - left - 80;
    for (int i = 0; i < ranked.size(); i++) {
      double y = 12 + i * ROW;
      double w = Math.max(0, ranked.get(i).getValue()) / max * full;
      svg.label(left - 8, y + 15, "end", "barlabel", ranked.get(i).getKey(), 26, 0);
      svg.rect(left, y, Math.max(w, 1), ROW - 8, "bar", null);
      svg.text(left + w + 6, y + 15, "start", "ticklabel",
          Numbers.tick(ranked.get(i).getValue(), 0.001), 0);
    }
    svg.line(left, 6, left, height - 16, "baseline");
    // Of a conditional space, importance is over the dimensions every trial has (issue 14)
    List<String> leftOut = model.axes().stream().map(Axis::name)
        .filter(name -> !model.importance().containsKey(name)).toList();
    return new Section("importance", "Hyperparameter importance", "How much of the objective's"
        + " variation each hyperparameter explains (the importances sum to 1)."
        + (leftOut.isEmpty() ? "" : " Left out, as not every trial has a value of them (a"
            + " branch not taken, or an earlier space): " + String.join(", ", leftOut) + "."),
        List.of(new Section.Figure("", svg.end())));
  }
}
