package dev.tunable.internal.report;

import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.TrialState;
import dev.tunable.internal.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a study's report: one self-contained HTML page (style, data and the tooltip script
 * inline; charts as SVG drawn here) that opens offline in any browser.
 */
public final class Report {
  /** At most this many failed trials are listed with their reasons. */
  static final int FAILURES_LISTED = 50;

  private Report() {}

  /**
   * Writes the report of {@code model} to {@code file}, replacing it, as {@link OutputFile}
   * writes: whole or not at all, and never over a journal.
   *
   * @throws IllegalArgumentException if {@code file} is a Tunable journal
   * @throws UncheckedIOException naming the file if it cannot be written
   */
  public static void write(ReportModel model, Path file) {
    String page = html(model);
    OutputFile.replace(file, "the report", out -> out.write(page));
  }

  /** The report of {@code model} as an HTML page. */
  public static String html(ReportModel model) {
    Objects.requireNonNull(model, "model");
    Tips tips = new Tips();
    tips.addTrials(model);
    List<Section> sections = new ArrayList<>();
    boolean pbtOnly = model.trials().isEmpty() && !model.pbt().isEmpty();
    if (!pbtOnly) {
      sections.add(HistoryChart.section(model));
      sections.add(ParetoChart.section(model));
      sections.add(ImportanceChart.section(model));
      sections.add(ParallelCoordinatesChart.section(model));
      sections.add(SliceChart.section(model));
      sections.add(ContourChart.section(model));
      sections.add(IntermediateValuesChart.section(model));
    }
    sections.add(PbtChart.section(model, tips));
    sections.add(failures(model));
    sections.add(ProvenanceSection.section(model));
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<meta name=\"generator\" content=\"Tunable\"><title>")
        .append(Html.escape(model.title())).append("</title><style>").append(STYLE)
        .append("</style></head>\n<body>").append(Svg.gradientDefinition())
        .append("<header><h1>").append(Html.escape(model.title())).append("</h1>");
    summary(model, pbtOnly, page);
    page.append("</header>\n");
    for (Section section : sections) {
      if (section != null) {
        write(section, page);
      }
    }
    page.append("<div id=\"tip\" role=\"tooltip\" hidden></div>\n")
        .append("<script type=\"application/json\" id=\"tips\">").append(tips.json())
        .append("</script>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return page.toString();
  }

  private static void summary(ReportModel model, boolean pbtOnly, StringBuilder page) {
    if (pbtOnly) {
      ReportModel.PbtStep best = null;
      int lastRound = model.pbt().stream().mapToInt(ReportModel.PbtStep::round).max().orElse(0);
      for (ReportModel.PbtStep step : model.pbt()) {
        if (step.round() == lastRound && (best == null
            || Objectives.better(step.score(), best.score(), model.directions().get(0)))) {
          best = step;
        }
      }
      page.append("<p class=\"summary\">")
          .append(model.directions().get(0) == Direction.MINIMIZE ? "Minimizing" : "Maximizing")
          .append(" the score over ").append(lastRound + 1).append(" rounds.</p>");
      if (best != null) {
        page.append("<p class=\"best\">Best at the end: member ").append(best.member())
            .append(", score ").append(Html.escape(Numbers.format(best.score())));
        params(best.params(), page);
        page.append("</p>");
      }
      return;
    }
    Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
    model.trials().forEach(t -> counts.merge(t.state(), 1, Integer::sum));
    page.append("<p class=\"summary\">").append(model.trials().size()).append(" trial")
        .append(model.trials().size() == 1 ? "" : "s");
    for (TrialState state : TrialState.values()) {
      if (counts.containsKey(state)) {
        page.append(" · <span class=\"state-").append(state.name().toLowerCase())
            .append("\">").append(counts.get(state)).append(' ')
            .append(state.name().toLowerCase()).append("</span>");
      }
    }
    page.append(" · ");
    List<String> directions = model.directions().stream()
        .map(d -> d == Direction.MINIMIZE ? "minimize" : "maximize").toList();
    page.append(String.join(", ", directions)).append("</p>");
    FrozenTrial best = null;
    for (FrozenTrial trial : Objectives.complete(model)) {
      if (trial.isFeasible() && (best == null
          || Objectives.better(trial.value(), best.value(), model.directions().get(0)))) {
        best = trial;
      }
    }
    if (!model.multiObjective() && best != null) {
      page.append("<p class=\"best\">Best: trial #").append(best.number()).append(", value ")
          .append(Html.escape(Numbers.format(best.value())));
      params(best.params().asMap(), page);
      page.append("</p>");
    }
  }

  private static void params(Map<String, Object> params, StringBuilder page) {
    String separator = " with ";
    for (Map.Entry<String, Object> param : params.entrySet()) {
      page.append(separator).append("<code>").append(Html.escape(param.getKey()))
          .append(" = ").append(Html.escape(Tips.format(param.getValue()))).append("</code>");
      separator = ", ";
    }
  }

  private static Section failures(ReportModel model) {
    List<FrozenTrial> failed = model.trials().stream()
        .filter(t -> t.state() == TrialState.FAIL).toList();
    if (failed.isEmpty()) {
      return null;
    }
    StringBuilder table = new StringBuilder("<table class=\"failures\"><thead><tr><th>trial</th>"
        + "<th>reason</th></tr></thead><tbody>");
    for (FrozenTrial trial : failed.subList(0, Math.min(FAILURES_LISTED, failed.size()))) {
      table.append("<tr data-t=\"").append(Tips.of(trial)).append("\"><td>#")
          .append(trial.number()).append("</td><td>")
          .append(Html.escape(trial.failureReason().orElse(""))).append("</td></tr>");
    }
    table.append("</tbody></table>");
    String more = failed.size() > FAILURES_LISTED
        ? " The first " + FAILURES_LISTED + " are listed." : "";
    return new Section("failures", "Failed trials", failed.size() + " trial"
        + (failed.size() == 1 ? "" : "s") + " failed." + more,
        List.of(new Section.Figure("", table.toString())));
  }

  private static void write(Section section, StringBuilder page) {
    page.append("<section id=\"").append(section.id()).append("\"><h2>")
        .append(Html.escape(section.title())).append("</h2><p class=\"note\">")
        .append(Html.escape(section.note())).append("</p>");
    if (!section.figures().isEmpty()) {
      page.append("<div class=\"figures\">");
      for (Section.Figure figure : section.figures()) {
        page.append("<figure>");
        if (!figure.caption().isEmpty()) {
          page.append("<figcaption>").append(Html.escape(figure.caption()))
              .append("</figcaption>");
        }
        page.append(figure.svg()).append("</figure>");
      }
      page.append("</div>");
    }
    page.append("</section>\n");
  }

  private static final String STYLE = String.join("",
      "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#222;",
      "margin:0 auto;padding:16px 24px 48px;max-width:1560px;background:#fff}",
      "h1{font-size:22px;margin:8px 0 4px;overflow-wrap:anywhere}",
      "h2{font-size:17px;margin:28px 0 2px;border-bottom:1px solid #ddd;padding-bottom:4px}",
      ".summary,.best,.note{margin:4px 0;color:#444}.best code{background:#f3f3f3;",
      "padding:1px 4px;border-radius:3px;white-space:nowrap}",
      ".state-complete{color:#1a7f37}.state-pruned{color:#b35900}.state-fail{color:#c62828}",
      ".figures{display:flex;flex-wrap:wrap;gap:8px 18px}",
      "figure{margin:8px 0;max-width:100%;overflow-x:auto}",
      "figcaption{font-weight:600;font-size:13px;margin-left:8px;overflow-wrap:anywhere}",
      "svg{display:block;font-size:12px}svg.defs{position:absolute}",
      ".plot{fill:#fafafa;stroke:#bbb}.grid{stroke:#e6e6e6}.tick{stroke:#888}",
      ".ticklabel{fill:#555;font-size:11px}.axistitle{fill:#222;font-size:12px}",
      ".legend{fill:#333;font-size:12px}",
      ".halo{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}",
      ".pt{stroke:#fff;stroke-width:.8}.pt:hover{stroke:#000;stroke-width:1.5}",
      ".hist,.key-pt{fill:#1f77b4;stroke:#fff}",
      ".bestpath{fill:none;stroke:#e8590c;stroke-width:2}",
      ".pc-axis{stroke:#444}.pc{fill:none;stroke-width:1.4;opacity:.75}",
      ".pc:hover{stroke:#e8590c;stroke-width:3;opacity:1}",
      ".band{stroke:none;shape-rendering:crispEdges}.contour{fill:#fff;stroke:#222;stroke-width:1}",
      ".iv{fill:none;stroke:#1f77b4;stroke-width:1.2;opacity:.6}",
      ".iv-pruned{stroke:#d62728}.iv:hover{stroke-width:3;opacity:1}",
      ".cross{fill:none;stroke:#d62728;stroke-width:2}.iv-end{fill:#1f77b4}",
      ".key-iv{stroke:#1f77b4;stroke-width:2}.key-pruned{stroke:#d62728}",
      ".pareto{fill:#9db7d5}.pareto.infeasible{fill:#ccc}.pareto.front{fill:#e8590c;stroke:#222}",
      ".frontline{fill:none;stroke:#e8590c;stroke-width:1.5;stroke-dasharray:4 3}",
      ".pbt-line{fill:none;stroke-width:1.5;opacity:.85}.key-member{fill:none;stroke-width:2}",
      ".bar{fill:#1f77b4}.barlabel{fill:#222;font-size:12px}.baseline{stroke:#444}",
      ".colorbar{stroke:#bbb}",
      "table.failures,table.runs{border-collapse:collapse;margin:6px 0}",
      ".failures td,.failures th,.runs td,.runs th{border:1px solid #ddd;padding:3px 8px;",
      "text-align:left;vertical-align:top;overflow-wrap:anywhere}",
      ".runs td{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}",
      "#tip{position:fixed;z-index:10;pointer-events:none;background:rgba(255,255,255,.97);",
      "border:1px solid #888;border-radius:4px;padding:6px 9px;font-size:12px;max-width:420px;",
      "box-shadow:0 2px 8px rgba(0,0,0,.2);overflow-wrap:anywhere}",
      "#tip .head{font-weight:600}");

  /**
   * Shows the hovered mark's tooltip: the lines of its key in the page's table, set as text
   * (never as markup).
   */
  private static final String SCRIPT = String.join("\n",
      "(function () {",
      "  var tips = JSON.parse(document.getElementById('tips').textContent);",
      "  var box = document.getElementById('tip');",
      "  function place(e) {",
      "    var x = e.clientX + 14, y = e.clientY + 14;",
      "    if (x + box.offsetWidth > innerWidth) x = e.clientX - box.offsetWidth - 14;",
      "    if (y + box.offsetHeight > innerHeight) y = e.clientY - box.offsetHeight - 14;",
      "    box.style.left = Math.max(0, x) + 'px';",
      "    box.style.top = Math.max(0, y) + 'px';",
      "  }",
      "  document.addEventListener('mouseover', function (e) {",
      "    var mark = e.target.closest ? e.target.closest('[data-t]') : null;",
      "    var lines = mark ? tips[mark.getAttribute('data-t')] : null;",
      "    if (!lines) { box.hidden = true; return; }",
      "    box.textContent = '';",
      "    lines.forEach(function (line, i) {",
      "      var div = document.createElement('div');",
      "      if (i === 0) div.className = 'head';",
      "      div.textContent = line;",
      "      box.appendChild(div);",
      "    });",
      "    box.hidden = false;",
      "    place(e);",
      "  });",
      "  document.addEventListener('mousemove', function (e) { if (!box.hidden) place(e); });",
      "  document.body.setAttribute('data-ready', 'true');",
      "})();");
}
