package dev.tunable.internal.report;

import dev.tunable.FrozenTrial;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tooltips of a page by key: marks name a key ({@code data-t}), the page carries the table
 * once as JSON, and its script shows the lines of the hovered mark's key.
 */
final class Tips {
  private final Map<String, List<String>> lines = new LinkedHashMap<>();

  /** The key of a trial's tooltip. */
  static String of(FrozenTrial trial) {
    return Long.toString(trial.number());
  }

  /**
   * Adds the tooltip of every trial of {@code model}: number, state, value(s), hyperparameters,
   * reason, and the run whose settings it started with, as the provenance section numbers them.
   */
  void addTrials(ReportModel model) {
    int[] runs = model.runOfEachTrial();
    for (int t = 0; t < runs.length; t++) {
      FrozenTrial trial = model.trials().get(t);
      List<String> tip = new ArrayList<>();
      tip.add("Trial #" + trial.number() + " · " + trial.state());
      double[] values = trial.values();
      for (int m = 0; m < values.length; m++) {
        tip.add((values.length == 1 ? "value" : "objective " + (m + 1)) + " = "
            + Numbers.format(values[m]));
      }
      if (values.length == 0 && trial.lastIntermediateValue().isPresent()) {
        tip.add("last reported = " + Numbers.format(trial.lastIntermediateValue().getAsDouble())
            + " (step " + trial.intermediateValues().lastKey() + ")");
      }
      if (!trial.isFeasible()) {
        tip.add("infeasible (constraints not met)");
      }
      trial.params().asMap().forEach((name, value) -> tip.add(name + " = " + format(value)));
      trial.failureReason().ifPresent(reason -> tip.add("reason: " + reason));
      if (runs[t] >= 0) {
        tip.add("run " + (runs[t] + 1) + " (see Provenance)");
      }
      lines.put(of(trial), tip);
    }
  }

  void add(String key, List<String> tip) {
    lines.put(key, List.copyOf(tip));
  }

  static String format(Object value) {
    return value instanceof Double d ? Numbers.format(d) : String.valueOf(value);
  }

  /** The table as JSON that is safe inside a script element. */
  String json() {
    StringBuilder out = new StringBuilder("{");
    lines.forEach((key, tip) -> {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append(Html.jsonString(key)).append(":[");
      for (int i = 0; i < tip.size(); i++) {
        out.append(i == 0 ? "" : ",").append(Html.jsonString(tip.get(i)));
      }
      out.append(']');
    });
    return out.append('}').toString();
  }
}
