package dev.tunable.internal.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's provenance (issue 17): a table of the settings each run of the study recorded (the
 * sampler and pruner with their seeds and settings, the versions, the user's provenance), one
 * column per run, and how many trials each run started; trials' tooltips name their run.
 */
final class ProvenanceSection {
  private ProvenanceSection() {}

  /** The section, or null for a study that recorded no settings. */
  static Section section(ReportModel model) {
    List<Map<String, String>> runs = model.distinctSettings();
    if (runs.isEmpty()) {
      return null;
    }
    int[] trials = new int[runs.size()];
    int unrecorded = 0;
    for (int run : model.runOfEachTrial()) {
      if (run >= 0) {
        trials[run]++;
      } else {
        unrecorded++;
      }
    }
    Set<String> names = new LinkedHashSet<>();
    runs.forEach(settings -> names.addAll(settings.keySet()));
    StringBuilder table = new StringBuilder("<table class=\"runs\"><thead><tr><th>setting</th>");
    for (int r = 0; r < runs.size(); r++) {
      table.append("<th>run ").append(r + 1).append("</th>");
    }
    table.append("</tr></thead><tbody><tr><th>trials</th>");
    for (int count : trials) {
      table.append("<td>").append(count).append("</td>");
    }
    table.append("</tr>");
    for (String name : names) {
      table.append("<tr><th>").append(Html.escape(name)).append("</th>");
      for (Map<String, String> settings : runs) {
        table.append("<td>").append(Html.escape(settings.getOrDefault(name, ""))).append("</td>");
      }
      table.append("</tr>");
    }
    table.append("</tbody></table>");
    List<String> note = new ArrayList<>();
    note.add(runs.size() == 1 ? "The settings every trial of this study ran with."
        : "The settings each run of this study recorded; a trial's tooltip names its run.");
    if (unrecorded > 0) {
      note.add(unrecorded + " trial" + (unrecorded == 1 ? " was" : "s were")
          + " started by a Tunable that recorded no settings.");
    }
    note.add("study.reproduce(number) gives a trial's hyperparameters with its run's settings.");
    return new Section("provenance", "Provenance", String.join(" ", note),
        List.of(new Section.Figure("", table.toString())));
  }
}
