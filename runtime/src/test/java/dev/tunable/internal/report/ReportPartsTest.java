package dev.tunable.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Snapshots;
import dev.tunable.StudyRun;
import dev.tunable.annotations.Scale;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parts of a report that need no browser: ticks, numbers, escaping, axes, interpolation. */
class ReportPartsTest {
  private static List<String> labels(List<AxisScale.Tick> ticks) {
    return ticks.stream().map(AxisScale.Tick::label).toList();
  }

  @Test
  void linearTicksAreNiceNumbers() {
    assertEquals(List.of("0", "0.2", "0.4", "0.6", "0.8", "1"),
        labels(AxisScale.linearTicks(0, 1, 5)));
    assertEquals(List.of("0", "5", "10"), labels(AxisScale.linearTicks(-3.7, 12.2, 5)));
    assertEquals(List.of("-0.004", "-0.002", "0", "0.002"),
        labels(AxisScale.linearTicks(-0.0041, 0.0029, 5)));
    assertEquals(List.of("1000", "1500", "2000", "2500", "3000"),
        labels(AxisScale.linearTicks(1000, 3000, 5)));
  }

  @Test
  void trialNumbersAndStepsGetWholeTicksOnly() {
    assertEquals(List.of("0"), labels(AxisScale.whole(new double[] {0}, 0, 100).ticks()));
    assertEquals(List.of("0", "1", "2"),
        labels(AxisScale.whole(new double[] {0, 2}, 0, 100).ticks()));
    assertEquals(List.of("0", "10", "20", "30"),
        labels(AxisScale.whole(new double[] {0, 29}, 0, 100).ticks()), "29 and some room");
  }

  @Test
  void logTicksArePowersOfTen() {
    AxisScale scale = AxisScale.numeric(1e-5, 1e-1, true, 0, 100);
    assertEquals(List.of("1e-5", "0.0001", "0.001", "0.01", "0.1"), labels(scale.ticks()));
    assertEquals(scale.px(1e-3), (scale.px(1e-5) + scale.px(1e-1)) / 2, 1e-9,
        "a log axis puts the geometric middle in the middle");
    assertEquals(List.of("20", "50", "100", "200"),
        labels(AxisScale.numeric(16, 256, true, 0, 100).ticks()), "few decades: 1, 2, 5");
    assertEquals(List.of("0.002", "0.005", "0.01", "0.02", "0.05"),
        labels(AxisScale.numeric(0.0015, 0.05, true, 0, 100).ticks()));
  }

  @Test
  void anAxisOfOneValueStillHasRoomAndTicks() {
    AxisScale scale = AxisScale.numeric(0.25, 0.25, false, 0, 100);
    assertEquals(50, scale.px(0.25), 1e-9);
    assertTrue(scale.ticks().size() >= 2);
  }

  @Test
  void numbersReadWithoutFloatNoise() {
    assertEquals("0.3", Numbers.format(0.1 + 0.2));
    assertEquals("3", Numbers.format(3.0));
    assertEquals("0.000812", Numbers.format(0.000812));
    assertEquals("1.5e-5", Numbers.format(1.5e-5));
    assertEquals("-2.5e12", Numbers.format(-2.5e12 + 0.5));
    assertEquals("12.5", Numbers.px(12.46));
    assertEquals("-0.5", Numbers.px(-0.46));
    assertEquals("-3", Numbers.px(-3.04));
  }

  @Test
  void userTextIsEscapedAsData() {
    String hostile = "</script><img src=x onerror=alert(1)>\"'&";
    assertEquals("&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;",
        Html.escape(hostile));
    String json = Html.jsonString(hostile + "\u2028\n");
    assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
    assertEquals("\"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e\\\"'\\u0026"
        + "\\u2028\\n\"", json);
  }

  @Test
  void aReportWritesNoUserTextAsMarkup() {
    String hostile = "</script><img src=x onerror=alert(1)>";
    Config params = Config.builder().set(Dimension.categorical("c", hostile, "b"), hostile).build();
    List<FrozenTrial> trials = List.of(Snapshots.complete(0, params, 1.0),
        Snapshots.failed(1, params, hostile));
    String html = Report.html(ReportModel.of(hostile, List.of(Direction.MINIMIZE), trials));
    assertFalse(html.contains("<img"), "no element from user text");
    assertTrue(html.contains("&lt;/script&gt;&lt;img"), "shown as text");
    int json = html.indexOf("<script type=\"application/json\" id=\"tips\">");
    String data = html.substring(json, html.indexOf("</script>", json));
    assertTrue(data.contains("\\u003c/script\\u003e"), "the tooltip data keeps it, escaped");
  }

  /**
   * Runs as two workers taking turns record them: A from trial 1, B from trial 2, A again from
   * trial 3; trial 0 was started before any run was recorded (by an older Tunable).
   */
  @Test
  void theProvenanceSectionListsEachRunsSettingsOnceAndTooltipsNameTheRun() {
    Map<String, String> a = new java.util.LinkedHashMap<>();
    a.put("sampler", "Samplers.random(7)");
    a.put("provenance: git commit", "<abc>");
    Map<String, String> b = Map.of("sampler", "Samplers.tpe(42)");
    java.time.Instant time = java.time.Instant.EPOCH;
    Config params = Config.builder().set(Dimension.real("x", 0, 1), 0.5).build();
    List<FrozenTrial> trials = new java.util.ArrayList<>();
    for (int n = 0; n < 5; n++) {
      trials.add(Snapshots.complete(n, params, n));
    }
    ReportModel model = ReportModel.of("t", List.of(Direction.MINIMIZE), trials).withRuns(List.of(
        new StudyRun(1, time, a), new StudyRun(2, time, b), new StudyRun(3, time, a)));
    assertEquals(List.of(a, b), model.distinctSettings());
    assertEquals(List.of(-1, 0, 1, 0, 0),
        java.util.stream.LongStream.range(0, 5).mapToObj(model::runOf).toList());
    String html = Report.html(model);
    int start = html.indexOf("<section id=\"provenance\">");
    String section = html.substring(start, html.indexOf("</section>", start));
    assertTrue(section.contains("<th>run 1</th><th>run 2</th></tr></thead><tbody>"
        + "<tr><th>trials</th><td>3</td><td>1</td></tr>"
        + "<tr><th>sampler</th><td>Samplers.random(7)</td><td>Samplers.tpe(42)</td></tr>"
        + "<tr><th>provenance: git commit</th><td>&lt;abc&gt;</td><td></td></tr>"), section);
    assertTrue(section.contains("1 trial was started by a Tunable that recorded no settings."),
        section);
    int json = html.indexOf("<script type=\"application/json\" id=\"tips\">");
    String tips = html.substring(json, html.indexOf("</script>", json));
    assertTrue(tips.contains("\"2\":[\"Trial #2 · COMPLETE\",\"value = 2\",\"x = 0.5\","
        + "\"run 2 (see Provenance)\"]"), tips);
    assertTrue(tips.contains("\"0\":[\"Trial #0 · COMPLETE\",\"value = 0\",\"x = 0.5\"]"),
        tips);
  }

  @Test
  void aStudyWithoutRecordedSettingsHasNoProvenanceSection() {
    Config params = Config.builder().set(Dimension.real("x", 0, 1), 0.5).build();
    String html = Report.html(ReportModel.of("t", List.of(Direction.MINIMIZE),
        List.of(Snapshots.complete(0, params, 1))));
    assertFalse(html.contains("id=\"provenance\""));
  }

  @Test
  void axesAreInferredFromTheValuesOrTakenFromTheSpace() {
    Dimension<Double> narrow = Dimension.real("narrow", 1, 10, Scale.LOG);
    Dimension<Double> wide = Dimension.real("wide", 1e-5, 1);
    Dimension<Long> units = Dimension.integer("units", -3, 3);
    Dimension<String> kind = Dimension.categorical("kind", "a", "b", "c");
    List<FrozenTrial> trials = List.of(
        Snapshots.complete(0, Config.builder().set(narrow, 2.0).set(wide, 1e-5).set(units, 1L)
            .set(kind, "c").build(), 1),
        Snapshots.complete(1, Config.builder().set(narrow, 3.0).set(wide, 0.5).set(units, -2L)
            .set(kind, "a").build(), 2));
    ReportModel inferred = ReportModel.of("t", List.of(Direction.MINIMIZE), trials);
    assertEquals(List.of(Axis.numeric("narrow", false), Axis.numeric("wide", true),
        Axis.numeric("units", false), Axis.categorical("kind", List.of("c", "a"))),
        inferred.axes());
    ReportModel declared = inferred.withSpace(List.of(kind, narrow, wide, units));
    assertEquals(List.of(Axis.categorical("kind", List.of("a", "b", "c")),
        Axis.numeric("narrow", true), Axis.numeric("wide", false),
        Axis.numeric("units", false)), declared.axes());
  }

  @Test
  void inverseDistanceWeightingIsExactAtTrialsAndAveragesBetweenThem() {
    List<double[]> points = List.of(new double[] {0.25, 0.5}, new double[] {0.75, 0.5});
    double[] values = {1, 3};
    assertEquals(1, ContourChart.at(0.25, 0.5, points, values), 1e-12);
    assertEquals(2, ContourChart.at(0.5, 0.9, points, values), 1e-12);
    // Distances² 0.25² and 0.75²: weights 16 and 16/9, so (16 + 3 · 16/9) / (16 + 16/9) = 1.2.
    assertEquals(1.2, ContourChart.at(0, 0.5, points, values), 1e-12);
    double[][] grid = ContourChart.interpolate(points, values, 4);
    assertEquals(grid[1][0], grid[2][0], 1e-12, "symmetric about the middle row");
    assertTrue(grid[1][0] < grid[1][3]);
  }

  @Test
  void theBestSoFarLineStepsWhereTheDirectionImproves() {
    double[] numbers = {0, 1, 2, 3};
    double[] values = {3, 1, 2, 0.5};
    AxisScale x = AxisScale.numeric(0, 3, false, 0, 300);
    AxisScale y = AxisScale.numeric(0.5, 3, false, 0, 300);
    boolean[] all = {true, true, true, true};
    String minimize = HistoryChart.bestPath(numbers, values, all, Direction.MINIMIZE, x, y, 300);
    String maximize = HistoryChart.bestPath(numbers, values, all, Direction.MAXIMIZE, x, y, 300);
    assertEquals(2, minimize.chars().filter(c -> c == 'V').count(), minimize);
    assertEquals(0, maximize.chars().filter(c -> c == 'V').count(), maximize);
    boolean[] lastInfeasible = {true, true, true, false};
    String feasible = HistoryChart.bestPath(numbers, values, lastInfeasible, Direction.MINIMIZE,
        x, y, 300);
    assertEquals(1, feasible.chars().filter(c -> c == 'V').count(), "0.5 is infeasible");
    assertEquals("", HistoryChart.bestPath(numbers, values, new boolean[4], Direction.MINIMIZE,
        x, y, 300));
  }

  @Test
  void contoursPairTheMostImportantNumericHyperparameters() {
    List<Axis> axes = List.of(Axis.numeric("a", false), Axis.numeric("b", false),
        Axis.categorical("c", List.of("x")), Axis.numeric("d", false), Axis.numeric("e", false),
        Axis.numeric("f", false));
    ReportModel model = new ReportModel("t", List.of(Direction.MINIMIZE), List.of(), axes,
        Map.of(), List.of(), List.of());
    assertEquals(List.of("a", "b", "d", "e"),
        ContourChart.chosenAxes(model).stream().map(Axis::name).toList());
    ReportModel ranked = model.withImportance(
        Map.of("a", 0.05, "b", 0.1, "c", 0.4, "d", 0.05, "e", 0.1, "f", 0.3));
    assertEquals(List.of("f", "b", "e", "a"),
        ContourChart.chosenAxes(ranked).stream().map(Axis::name).toList());
  }
}
