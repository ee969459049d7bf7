package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.annotations.Scale;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StudyTest {
  static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", -5, 10)
      .real("lr", 1e-5, 1e-1, Scale.LOG)
      .integer("units", 16, 256, Scale.LOG)
      .categorical("activation", "relu", "tanh")
      .bool("bias")
      .build();

  static double quadratic(Trial<Config> trial) {
    double x = trial.params().getDouble("x");
    return (x - 2) * (x - 2) + Math.log10(trial.params().getDouble("lr")) / 100;
  }

  private static Study study(long seed) {
    return Study.builder().sampler(Samplers.random(seed)).progress(false).build();
  }

  @Test
  void optimizeReturnsTheBestOfAllTrials() {
    Study study = study(1);
    Trial<Config> best = study.optimize(SPACE, 50, StudyTest::quadratic);
    assertEquals(50, study.trials().size());
    double min = study.trials().stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
    assertEquals(min, best.value());
    assertEquals(study.bestTrial(), best.snapshot());
    assertEquals(TrialState.COMPLETE, best.state());
    assertTrue(Math.abs(best.params().getDouble("x") - 2) < 1.5, best.toString());
  }

  @Test
  void maximizeLooksForTheLargestValue() {
    Study study = Study.builder().direction(Direction.MAXIMIZE).sampler(Samplers.random(4))
        .progress(false).build();
    Trial<Config> best = study.optimize(SPACE, 30, StudyTest::quadratic);
    double max = study.trials().stream().mapToDouble(FrozenTrial::value).max().orElseThrow();
    assertEquals(max, best.value());
    assertEquals(Direction.MAXIMIZE, study.direction());
  }

  @Test
  void askAndTell() {
    Study study = study(2);
    Trial<Config> trial = study.ask(SPACE);
    assertEquals(0, trial.number());
    assertEquals(TrialState.RUNNING, trial.state());
    assertTrue(trial.end().isEmpty());
    trial.report(0, 3.5);
    trial.report(1, 2.5);
    trial.setUserAttribute("note", "first");
    trial.setUserAttribute("epochs", 2);
    FrozenTrial done = study.tell(trial, 1.25);
    assertEquals(TrialState.COMPLETE, done.state());
    assertEquals(1.25, done.value());
    assertEquals(Map.of(0L, 3.5, 1L, 2.5), done.intermediateValues());
    assertEquals(2.5, done.lastIntermediateValue().getAsDouble());
    assertEquals(Map.of("note", "first", "epochs", 2L), done.userAttributes());
    assertTrue(done.end().isPresent());
    assertEquals(1, study.ask(SPACE).number());
  }

  @Test
  void aTrialIsToldOnce() {
    Study study = study(2);
    Trial<Config> trial = study.ask(SPACE);
    study.tell(trial, 1);
    IllegalStateException twice =
        assertThrows(IllegalStateException.class, () -> study.tell(trial, 2));
    assertEquals("trial #0 of study '" + study.name()
        + "' has already finished as COMPLETE; tell each trial once", twice.getMessage());
    IllegalStateException report = assertThrows(IllegalStateException.class, () -> trial.report(3, 1));
    assertTrue(report.getMessage().contains("it is COMPLETE"), report.getMessage());
  }

  @Test
  void aTrialBelongsToTheStudyThatAskedForIt() {
    Study one = study(1);
    Study other = study(1);
    Trial<Config> trial = one.ask(SPACE);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> other.tell(trial, 1));
    assertTrue(e.getMessage().contains("belongs to study '" + one.name() + "'"), e.getMessage());
  }

  @Test
  void tellWithStates() {
    Study study = study(5);
    assertEquals(TrialState.PRUNED, study.tell(study.ask(SPACE), TrialState.PRUNED).state());
    FrozenTrial failed = study.tellFailure(study.ask(SPACE), "out of memory");
    assertEquals(TrialState.FAIL, failed.state());
    assertEquals("out of memory", failed.failureReason().orElseThrow());
    assertFalse(failed.hasValue());
    assertThrows(IllegalArgumentException.class,
        () -> study.tell(study.ask(SPACE), TrialState.COMPLETE));
    FrozenTrial nan = study.tell(study.ask(SPACE), Double.NaN);
    assertEquals(TrialState.FAIL, nan.state());
    assertEquals("the objective returned NaN", nan.failureReason().orElseThrow());
  }

  @Test
  void enqueuedParamsComeFirstInOrder() {
    Study study = study(3);
    study.enqueue(Map.of("x", 1.5, "lr", 0.01, "units", 32, "activation", "tanh", "bias", true));
    study.enqueue(SPACE,
        SPACE.parse(Map.of("x", "-1", "lr", "0.001", "units", "64", "activation", "relu",
            "bias", "false")));
    Trial<Config> first = study.ask(SPACE);
    assertEquals(1.5, first.params().getDouble("x"));
    assertEquals(32, first.params().getInt("units"));
    assertEquals("tanh", first.params().getString("activation"));
    Trial<Config> second = study.ask(SPACE);
    assertEquals(-1.0, second.params().getDouble("x"));
    assertFalse(second.params().getBoolean("bias"));
    Trial<Config> sampled = study.ask(SPACE);
    assertEquals(2, sampled.number());
  }

  @Test
  void enqueuedParamsThatDoNotFitFailAndTheNextTrialIsAsked() {
    Study study = study(3);
    study.enqueue(Map.of("x", 99.0, "lr", 0.01, "units", 32, "activation", "tanh", "bias", true));
    Trial<Config> trial = study.ask(SPACE);
    assertEquals(1, trial.number());
    FrozenTrial failed = study.trials().get(0);
    assertEquals(TrialState.FAIL, failed.state());
    assertTrue(failed.failureReason().orElseThrow().startsWith(
        "the enqueued hyperparameters do not fit the search space: hyperparameter 'x': 99.0"),
        failed.failureReason().orElseThrow());
  }

  @Test
  void enqueueTypedRejectsValuesOutsideTheSpace() {
    Study study = study(3);
    Config partial = SearchSpace.builder().real("x", -5, 10).build().fromUnit(new double[] {0.5});
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> study.enqueue(SPACE, partial));
    assertTrue(e.getMessage().contains("hyperparameter 'lr' is missing"), e.getMessage());
    assertEquals(0, study.trials().size());
  }

  @Test
  void failingTrialsAreRecordedAndTheStudyGoesOn() {
    Study study = study(6);
    Trial<Config> best = study.optimize(SPACE, 12, trial -> {
      switch ((int) (trial.number() % 4)) {
        case 0: throw new IOException("disk full");
        case 1: return Double.NaN;
        case 2: return Double.NEGATIVE_INFINITY;
        default: return trial.number();
      }
    });
    List<FrozenTrial> trials = study.trials();
    assertEquals(12, trials.size());
    assertEquals(3, best.value());
    assertTrue(trials.get(0).failureReason().orElseThrow()
        .startsWith("java.io.IOException: disk full (at dev.tunable.StudyTest"),
        trials.get(0).failureReason().orElseThrow());
    assertEquals("the objective returned NaN", trials.get(1).failureReason().orElseThrow());
    assertEquals("the objective returned -Infinity", trials.get(2).failureReason().orElseThrow());
    assertEquals(TrialState.COMPLETE, trials.get(3).state());
  }

  @Test
  void whenEveryTrialFailsOptimizeSaysSoWithTheFirstReasons() {
    Study study = Study.builder().name("doomed").sampler(Samplers.random(7)).progress(false).build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> study.optimize(SPACE, 5, trial -> {
          throw new IllegalArgumentException("bad model " + trial.number());
        }));
    assertTrue(e.getMessage().startsWith(
        "all 5 trials of study 'doomed' failed; first reasons:\n"
            + "  #0: java.lang.IllegalArgumentException: bad model 0 (at "), e.getMessage());
    assertTrue(e.getMessage().contains("\n  #2: java.lang.IllegalArgumentException: bad model 2"));
    assertFalse(e.getMessage().contains("#3"));
    assertInstanceOf(IllegalArgumentException.class, e.getCause());
    assertEquals(5, study.trials().size());
  }

  @Test
  void prunedTrialsArePrunedNotFailed() {
    Pruner afterTwoSteps = context -> context.step() >= 2;
    Study study = Study.builder().sampler(Samplers.random(8)).pruner(afterTwoSteps)
        .progress(false).build();
    Trial<Config> best = study.optimize(SPACE, 6, trial -> {
      for (int step = 0; step < 5; step++) {
        trial.report(step, 10.0 - step);
        if (trial.number() % 2 == 1 && trial.shouldPrune()) {
          throw trial.pruned();
        }
      }
      return 1.0 + trial.number();
    });
    assertEquals(1.0, best.value());
    FrozenTrial pruned = study.trials().get(1);
    assertEquals(TrialState.PRUNED, pruned.state());
    assertEquals(8.0, pruned.lastIntermediateValue().getAsDouble());
    assertEquals(3, pruned.intermediateValues().size());
  }

  @Test
  void thePrunerSeesSnapshotsOfTheTrialAndTheStudy() {
    List<PrunerContext> seen = new ArrayList<>();
    Study study = Study.builder().pruner(context -> seen.add(context) && false)
        .progress(false).build();
    Trial<Config> trial = study.ask(SPACE);
    trial.report(4, 0.5);
    assertFalse(trial.shouldPrune());
    PrunerContext context = seen.get(0);
    assertEquals(4, context.step());
    assertEquals(Map.of(4L, 0.5), context.trial().intermediateValues());
    assertEquals(List.of(context.trial()), context.trials());
    trial.report(5, 0.25);
    assertEquals(Map.of(4L, 0.5), context.trial().intermediateValues(), "a snapshot never changes");
  }

  @Test
  void allPrunedLeavesNoBestTrial() {
    Study study = study(9);
    NoSuchElementException e = assertThrows(NoSuchElementException.class,
        () -> study.optimize(SPACE, 3, trial -> {
          throw trial.pruned();
        }));
    assertTrue(e.getMessage().contains("3 trials, 3 PRUNED"), e.getMessage());
  }

  @Test
  void aSeededStudyGivesTheSameTrialsBitForBit() {
    List<FrozenTrial> first = run(Samplers.random(42));
    List<FrozenTrial> second = run(Samplers.random(42));
    List<FrozenTrial> other = run(Samplers.random(43));
    for (int i = 0; i < first.size(); i++) {
      assertEquals(first.get(i).params(), second.get(i).params());
      assertEquals(Double.doubleToRawLongBits(first.get(i).value()),
          Double.doubleToRawLongBits(second.get(i).value()));
    }
    assertNotEquals(first.get(0).params(), other.get(0).params());
    List<FrozenTrial> sobol = run(Samplers.sobol(42));
    assertEquals(sobol.get(7).params(), run(Samplers.sobol(42)).get(7).params());
  }

  private static List<FrozenTrial> run(Sampler sampler) {
    Study study = Study.builder().sampler(sampler).progress(false).build();
    study.optimize(SPACE, 20, StudyTest::quadratic);
    return study.trials();
  }

  @Test
  void parallelWorkersRunTrialsAtOnceWithDistinctNumbers() throws Exception {
    Study study = study(10);
    CountDownLatch bothRunning = new CountDownLatch(2);
    Set<String> threads = ConcurrentHashMap.newKeySet();
    study.optimize(SPACE, Budget.trials(40).withWorkers(2), trial -> {
      threads.add(Thread.currentThread().getName());
      bothRunning.countDown();
      // Each worker waits until the other has started a trial too: only parallel runs get past.
      assertTrue(bothRunning.await(20, TimeUnit.SECONDS), "the two workers never ran at once");
      return quadratic(trial);
    });
    List<FrozenTrial> trials = study.trials();
    assertEquals(40, trials.size());
    Set<Long> numbers = new HashSet<>();
    trials.forEach(t -> numbers.add(t.number()));
    assertEquals(40, numbers.size());
    assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE));
    assertEquals(2, threads.size(), threads.toString());
  }

  @Test
  void aTimeBudgetStopsStartingTrials() {
    Study study = study(11);
    assertThrows(NoSuchElementException.class,
        () -> study.optimize(SPACE, Duration.ZERO, StudyTest::quadratic));
    assertEquals(0, study.trials().size());
    study.optimize(SPACE, Budget.time(Duration.ofMillis(50)).withWorkers(2), trial -> {
      Thread.sleep(5);
      return quadratic(trial);
    });
    int ran = study.trials().size();
    assertTrue(ran >= 1, "ran " + ran);
    assertTrue(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));
  }

  @Test
  void callbacksRunAfterEachTrialAndMayStopTheStudy() {
    List<Long> seen = new ArrayList<>();
    Study study = Study.builder().sampler(Samplers.random(12)).progress(false)
        .callback((s, trial) -> {
          seen.add(trial.number());
          assertTrue(trial.state().isFinished());
          if (trial.number() == 4) {
            s.stop();
          }
        })
        .build();
    study.optimize(SPACE, 100, StudyTest::quadratic);
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L), seen);
  }

  @Test
  void aFailingCallbackStopsOptimize() {
    AtomicInteger calls = new AtomicInteger();
    Study study = Study.builder().progress(false).callback((s, trial) -> {
      calls.incrementAndGet();
      throw new IllegalStateException("callback broke");
    }).build();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> study.optimize(SPACE, Budget.trials(10).withWorkers(2), StudyTest::quadratic));
    assertEquals("callback broke", e.getMessage());
    assertTrue(calls.get() <= 2, "calls: " + calls.get());
  }

  @Test
  void aStudyNameIsUniqueInItsStorage() {
    var storage = Storages.inMemory();
    Study first = Study.builder().name("demo").storage(storage).progress(false).build();
    first.optimize(SPACE, 3, StudyTest::quadratic);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Study.builder().name("demo").storage(storage).build());
    assertTrue(e.getMessage().startsWith("a study named 'demo' already exists in"), e.getMessage());
    Study resumed = Study.builder().name("demo").storage(storage).loadIfExists(true).build();
    assertEquals(first.trials(), resumed.trials());
    assertEquals(first.trials(), Study.load("demo", storage).trials());
    IllegalArgumentException direction = assertThrows(IllegalArgumentException.class,
        () -> Study.builder().name("demo").storage(storage).loadIfExists(true)
            .direction(Direction.MAXIMIZE).build());
    assertEquals("study 'demo' was created to [MINIMIZE], not MAXIMIZE", direction.getMessage());
    NoSuchElementException missing =
        assertThrows(NoSuchElementException.class, () -> Study.load("demo2", storage));
    assertTrue(missing.getMessage().startsWith("no study named 'demo2' in Storages.inMemory()"));
  }

  /** Found by the two-process grid test: events read before the sampler threw were applied twice. */
  @Test
  void aSamplerThatThrowsAfterReadingOthersEventsLeavesTheStudyConsistent() {
    var storage = Storages.inMemory();
    SearchSpace<Config> two = SearchSpace.builder().bool("b").build();
    Study one = Study.builder().name("g").storage(storage).sampler(Samplers.grid())
        .progress(false).build();
    Study other = Study.builder().name("g").storage(storage).sampler(Samplers.grid())
        .loadIfExists(true).progress(false).build();
    one.tell(one.ask(two), 1);
    other.tell(other.ask(two), 2);
    assertThrows(SearchExhaustedException.class, () -> one.ask(two));
    assertThrows(SearchExhaustedException.class, () -> one.ask(two));
    assertEquals(2, one.trials().size());
    assertEquals(one.trials(), other.trials());
  }

  /** A typed value as the annotation processor generates one. */
  record Hyper(double x, long units, Scale scale) {
    static final SearchSpace<Hyper> SPACE = SearchSpace.of(
        c -> new Hyper(c.getDouble("x"), c.getLong("units"), c.getEnum("scale", Scale.class)),
        h -> Config.builder().set(Dimension.real("x", -5, 10), h.x())
            .set(Dimension.integer("units", 1, 8), h.units())
            .set(Dimension.categorical("scale", Scale.class), h.scale()).build(),
        List.of(Dimension.real("x", -5, 10), Dimension.integer("units", 1, 8),
            Dimension.categorical("scale", Scale.class)));
  }

  @Test
  void typedSpacesGiveTypedTrials() {
    Study study = study(13);
    study.enqueue(Hyper.SPACE, new Hyper(2.0, 3, Scale.LOG));
    Trial<Hyper> best = study.optimize(Hyper.SPACE, 20,
        trial -> Math.abs(trial.params().x() - 2) + (trial.params().scale() == Scale.LOG ? 0 : 1));
    assertEquals(new Hyper(2.0, 3, Scale.LOG), best.params());
    assertEquals(0, best.value());
    assertEquals("LOG", study.bestTrial().params().get("scale"), "stored as its label");
    assertEquals(best.params(), study.bestTrial(Hyper.SPACE).params());
  }

  @Test
  void exportsEveryTrialAsCsvAndJson() throws IOException {
    Study study = study(14);
    Trial<Config> trial = study.ask(SPACE);
    trial.setUserAttribute("note", "a, \"quoted\" note");
    trial.report(0, 1.5);
    study.tell(trial, 0.5);
    study.tellFailure(study.ask(SPACE), "boom");
    StringBuilder csv = new StringBuilder();
    study.exportCsv(csv);
    String[] lines = csv.toString().split("\r\n");
    assertEquals(3, lines.length);
    assertEquals("number,state,value,start,end,duration_ms,params.x,params.lr,params.units,"
        + "params.activation,params.bias,user.note,failure_reason", lines[0]);
    FrozenTrial first = study.trials().get(0);
    assertTrue(lines[1].startsWith("0,COMPLETE,0.5," + first.start() + "," + first.end().get()),
        lines[1]);
    assertTrue(lines[1].endsWith("," + first.params().get("activation") + ","
        + first.params().get("bias") + ",\"a, \"\"quoted\"\" note\","), lines[1]);
    assertTrue(lines[2].startsWith("1,FAIL,,"), lines[2]);
    assertTrue(lines[2].endsWith(",,boom"), lines[2]);

    StringBuilder json = new StringBuilder();
    study.exportJson(json);
    Object parsed = dev.tunable.internal.Json.parse(json.toString());
    List<?> array = (List<?>) parsed;
    assertEquals(2, array.size());
    Map<?, ?> object = (Map<?, ?>) array.get(0);
    assertEquals(0L, object.get("number"));
    assertEquals("COMPLETE", object.get("state"));
    assertEquals(List.of(0.5), object.get("values"));
    assertEquals(first.params().asMap(), object.get("params"));
    assertEquals(Map.of("0", 1.5), object.get("intermediate_values"));
    assertEquals(Map.of("note", "a, \"quoted\" note"), object.get("user_attributes"));
    assertEquals("boom", ((Map<?, ?>) array.get(1)).get("failure_reason"));
  }
}
