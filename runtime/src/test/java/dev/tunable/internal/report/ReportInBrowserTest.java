package dev.tunable.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import dev.tunable.annotations.Scale;
import dev.tunable.pbt.PopulationBasedTraining;
import dev.tunable.pbt.Trainable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports of known studies opened in headless Chromium: they render without a script error, each
 * chart has one mark per trial it should show, hovering shows the trial, user text stays text.
 * Screenshots go to {@code target/report-screenshots/} to be looked at.
 */
class ReportInBrowserTest {
  /** Text that would run a script if a report wrote it as markup. */
  static final String HOSTILE = "</script><img src=x onerror=\"document.title='pwned'\">&amp;'";
  private static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

  /**
   * 30 trials: every sixth (5, 11, …) fails after one report, every fifth from 3 (3, 8, …) is
   * pruned after three unless it fails, the rest complete after five.
   */
  static Study knownStudy() {
    Study study = Study.builder().name("known " + HOSTILE).direction(Direction.MINIMIZE)
        .sampler(Samplers.random(7)).progress(false).build();
    SearchSpace<Config> space = SearchSpace.builder().real("x", -5, 5)
        .real("lr", 1e-5, 1e-1, Scale.LOG).integer("units", 16, 256, Scale.LOG)
        .categorical("activation", "relu", "tanh", HOSTILE).build();
    study.enqueue(Map.of("x", 0.5, "lr", 1e-3, "units", 64L, "activation", HOSTILE));
    for (int n = 0; n < 30; n++) {
      Trial<Config> trial = study.ask(space);
      Config p = trial.params();
      double loss = Math.pow(p.getDouble("x") - 1, 2)
          + 0.5 * Math.abs(Math.log10(p.getDouble("lr")) + 3)
          + 0.002 * Math.abs(p.getLong("units") - 100)
          + (p.getString("activation").equals("relu") ? 0 : 0.4);
      int steps = failed(n) ? 1 : pruned(n) ? 3 : 5;
      for (int step = 0; step < steps; step++) {
        trial.report(step, loss * (1 + 2.0 / (step + 1)));
      }
      if (failed(n)) {
        study.tellFailure(trial, "diverged: " + HOSTILE);
      } else if (pruned(n)) {
        study.tell(trial, TrialState.PRUNED);
      } else {
        study.tell(trial, loss);
      }
    }
    return study;
  }

  static boolean failed(int n) {
    return n % 6 == 5;
  }

  static boolean pruned(int n) {
    return !failed(n) && n % 5 == 3;
  }

  @Test
  void knownStudyRendersEveryChartWithOneMarkPerTrial(@TempDir Path dir) throws Exception {
    Study study = knownStudy();
    Path report = SCREENSHOTS.resolve("known-study.html");
    study.writeReport(report);
    int complete = 20;
    int pruned = 5;

    String html = Files.readString(report);
    assertFalse(html.contains("<img"), "hostile text must not become markup");
    assertFalse(html.contains("</script><img"), "hostile text must not end a script");
    String dom = open(dir, report);
    assertEquals(complete, Chromium.count(dom, "hist"), "history: a point per complete trial");
    assertEquals(1, Chromium.count(dom, "bestpath") - 1, "history: one best-so-far line");
    assertEquals(complete, Chromium.count(dom, "pc"), "parallel coordinates: a line per trial");
    assertEquals(4 * complete, Chromium.count(dom, "slice"), "slices: 4 hyperparameters");
    assertEquals(3 * complete, Chromium.count(dom, "contour"), "contours: 3 numeric pairs");
    int bands = Chromium.count(dom, "band");
    assertTrue(bands >= 3 * 3 && bands <= 3 * ContourChart.BANDS, "contours: colour bands " + bands);
    assertEquals(30, Chromium.count(dom, "iv"), "intermediate values: a line per trial");
    assertEquals(pruned, Chromium.count(dom, "pruned"), "intermediate values: pruned marked");
    assertEquals(0, Chromium.count(dom, "pareto"), "no Pareto front with one objective");
    assertEquals(4, Chromium.count(dom, "bar"), "importance: a bar per hyperparameter");
    assertEquals(5, Chromium.count(dom, "failures") == 1 ? countRows(dom) : -1,
        "the failed trials are listed");
    String tip = unescape(Chromium.bodyAttribute(dom, "data-tip"));
    assertTrue(tip.startsWith("Trial #0 · COMPLETE"), "hovering shows the trial: " + tip);
    assertTrue(tip.contains("activation = " + HOSTILE), "user text shown as text: " + tip);
    assertTrue(tip.endsWith("run 1 (see Provenance)"), "the trial's run: " + tip);
    assertEquals(1, Chromium.count(dom, "runs"), "provenance: the table of the study's runs");

    Chromium.find(dir).screenshot(report, SCREENSHOTS.resolve("known-study.png"), 1280, 4200);
  }

  @Test
  void twoObjectiveStudyHighlightsItsParetoFront(@TempDir Path dir) throws Exception {
    Study study = Study.builder().name("two objectives").sampler(Samplers.random(3))
        .directions(Direction.MINIMIZE, Direction.MAXIMIZE).progress(false).build();
    SearchSpace<Config> space = SearchSpace.builder().real("x", 0, 2).real("y", 0, 1).build();
    study.optimizeMulti(space, 40, trial -> {
      double x = trial.params().getDouble("x");
      double y = trial.params().getDouble("y");
      return new double[] {x * x + y, 4 - Math.pow(x - 2, 2) - y};
    });
    List<FrozenTrial> trials = study.trials();
    int front = 0;
    for (FrozenTrial a : trials) {
      boolean dominated = false;
      for (FrozenTrial b : trials) {
        dominated |= b.values()[0] <= a.values()[0] && b.values()[1] >= a.values()[1]
            && (b.values()[0] < a.values()[0] || b.values()[1] > a.values()[1]);
      }
      front += dominated ? 0 : 1;
    }
    Path report = SCREENSHOTS.resolve("two-objectives.html");
    study.writeReport(report);

    String dom = open(dir, report);
    assertEquals(40, Chromium.count(dom, "pareto"), "a point per trial");
    assertEquals(front, Chromium.count(dom, "front"), "the front highlighted");
    assertEquals(1, Chromium.count(dom, "frontline"));
    assertEquals(2 * 40, Chromium.count(dom, "hist"), "a history per objective");
    assertEquals(0, Chromium.count(dom, "bestpath"), "no single best with two objectives");
    Chromium.find(dir).screenshot(report, SCREENSHOTS.resolve("two-objectives.png"), 1280, 2600);
  }

  @Test
  void populationBasedTrainingShowsEachMembersHyperparametersByRound(@TempDir Path dir)
      throws Exception {
    SearchSpace<Config> space = SearchSpace.builder().real("lr", 1e-4, 1e-1, Scale.LOG)
        .real("momentum", 0, 0.99).categorical("optimizer", "sgd", "adam").build();
    int members = 4;
    int rounds = 6;
    PopulationBasedTraining.Result<double[], Config> result = PopulationBasedTraining.over(space)
        .withPopulation(members).withRounds(rounds).withExplored("lr", "momentum").withSeed(5)
        .run(new Trainable<double[], Config, double[]>() {
          public double[] create(Config h, long seed) {
            return new double[] {0, h.getDouble("lr"), h.getDouble("momentum")};
          }

          public void train(double[] model, int round) {
            model[0] += 1 - Math.abs(Math.log10(model[1]) + 2) * 0.3 - model[2] * 0.2;
          }

          public double evaluate(double[] model) {
            return model[0];
          }

          public double[] capture(double[] model) {
            return new double[] {model[0]};
          }

          public void restore(double[] state, double[] model) {
            model[0] = state[0];
          }

          public void apply(Config h, double[] model) {
            model[1] = h.getDouble("lr");
            model[2] = h.getDouble("momentum");
          }
        });
    Path report = SCREENSHOTS.resolve("pbt.html");
    result.writeReport(report);

    String dom = open(dir, report);
    int charts = 1 + 3;
    assertEquals(charts * members, Chromium.count(dom, "pbt-line"), "a line per member");
    assertEquals(charts * members * rounds, Chromium.count(dom, "pbt"), "a point per round");
    assertEquals(0, Chromium.count(dom, "hist"), "no trials");
    Chromium.find(dir).screenshot(report, SCREENSHOTS.resolve("pbt.png"), 1280, 1000);
  }

  @Test
  void importanceIsABarPerHyperparameterMostImportantFirst(@TempDir Path dir) throws Exception {
    Study study = knownStudy();
    ReportModel model = ReportModel.of("importance", study.directions(), study.trials())
        .withImportance(Map.of("x", 0.6, "lr", 0.25, "units", 0.1, "activation", 0.05));
    Path report = SCREENSHOTS.resolve("importance.html");
    Report.write(model, report);

    String dom = open(dir, report);
    assertEquals(4, Chromium.count(dom, "bar"));
    int x = dom.indexOf(">x</text>", dom.indexOf("id=\"importance\""));
    int lr = dom.indexOf(">lr</text>", dom.indexOf("id=\"importance\""));
    assertTrue(x > 0 && lr > x, "x (0.6) is drawn above lr (0.25)");
    assertEquals(3 * 20, Chromium.count(dom, "contour"), "pairs of x, lr and units");
  }

  @Test
  void emptyAndOneTrialStudiesRenderWithoutError(@TempDir Path dir) throws Exception {
    Study empty = Study.builder().name("empty").progress(false).build();
    Path emptyReport = dir.resolve("empty.html");
    empty.writeReport(emptyReport);
    String dom = open(dir, emptyReport);
    assertEquals(0, Chromium.count(dom, "hist"));
    assertTrue(dom.contains("No trial has completed yet"));

    Study one = Study.builder().name("one").progress(false).build();
    one.optimize(SearchSpace.builder().real("x", 0, 1).build(), 1, t -> 0.25);
    Path oneReport = SCREENSHOTS.resolve("one-trial.html");
    one.writeReport(oneReport);
    dom = open(dir, oneReport);
    assertEquals(1, Chromium.count(dom, "hist"));
    assertEquals(1, Chromium.count(dom, "slice"));
    Chromium.find(dir).screenshot(oneReport, SCREENSHOTS.resolve("one-trial.png"), 1280, 900);
  }

  /**
   * Opens a copy of {@code report} that records script errors and hovers the first history
   * point, and returns its DOM after checking that no error happened and nothing was injected.
   */
  private static String open(Path dir, Path report) throws IOException, InterruptedException {
    String html = Files.readString(report);
    String hook = "<script>window.__errors=[];window.onerror=function(m,s,l){"
        + "window.__errors.push(m+' at '+l);};</script>";
    String probe = "<script>window.addEventListener('load',function(){"
        + "var mark=document.querySelector('.hist');if(mark){var r=mark.getBoundingClientRect();"
        + "mark.dispatchEvent(new MouseEvent('mouseover',{bubbles:true,clientX:r.x+2,"
        + "clientY:r.y+2}));document.body.setAttribute('data-tip',"
        + "document.getElementById('tip').textContent);}"
        + "document.body.setAttribute('data-errors',window.__errors.join(' | '));"
        + "document.body.setAttribute('data-images',document.images.length);"
        + "document.body.setAttribute('data-title',document.title);});</script>";
    String instrumented = html.replaceFirst("<head>", "<head>" + hook)
        .replace("</body>", probe + "</body>");
    Path copy = dir.resolve("probed-" + report.getFileName());
    Files.writeString(copy, instrumented);
    String dom = Chromium.find(dir).dumpDom(copy);
    assertEquals("", Chromium.bodyAttribute(dom, "data-errors"), "JavaScript errors");
    assertEquals("true", Chromium.bodyAttribute(dom, "data-ready"), "the report's script ran");
    assertEquals("0", Chromium.bodyAttribute(dom, "data-images"), "no injected element");
    assertNotEquals("pwned", Chromium.bodyAttribute(dom, "data-title"), "no injected script ran");
    return dom;
  }

  /** An attribute value as the DOM holds it. */
  private static String unescape(String attribute) {
    return attribute.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&#39;", "'").replace("&amp;", "&");
  }

  private static int countRows(String dom) {
    int start = dom.indexOf("<table class=\"failures\"");
    String table = dom.substring(start, dom.indexOf("</table>", start));
    return table.split("<tr data-t=", -1).length - 1;
  }
}
