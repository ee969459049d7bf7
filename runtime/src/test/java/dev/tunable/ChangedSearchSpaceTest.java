package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.annotations.Scale;
import dev.tunable.internal.CapturedLogs;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.SpaceSet;
import dev.tunable.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A study resumed on another search space than it ran before (issue 17): it says what changed,
 * optimize returns the best trial that fits the new space, and no sampler is thrown by trials of
 * the old space.
 */
class ChangedSearchSpaceTest {
  private static final SearchSpace<Config> BEFORE = SearchSpace.builder()
      .real("x", 0, 10)
      .real("lr", 1e-4, 1e-1, Scale.LOG)
      .integer("units", 1, 8)
      .categorical("activation", "relu", "tanh", "gelu")
      .bool("bias")
      .build();

  /** Smallest at x = 10: the best trial of the first run has x near 10. */
  private static double objective(Trial<Config> trial) {
    return -trial.params().getDouble("x") + trial.params().getDouble("lr");
  }

  private static Study study(Storage storage, Sampler sampler) {
    return Study.builder().name("s").storage(storage).sampler(sampler).loadIfExists(true)
        .progress(false).build();
  }

  private static List<SpaceSet> spacesRecorded(Storage storage) {
    return storage.read(0).events().stream()
        .filter(SpaceSet.class::isInstance).map(SpaceSet.class::cast).toList();
  }

  /** Before the fix, optimize threw from bestTrial: x = 9.7 "is not allowed" in [0, 5]. */
  @Test
  void aNarrowedRangeReturnsTheBestTrialInsideItAndSaysWhatChanged() {
    Storage storage = Storages.inMemory();
    Trial<Config> first = study(storage, Samplers.random(1)).optimize(BEFORE, 30,
        ChangedSearchSpaceTest::objective);
    assertTrue(first.params().getDouble("x") > 5, first.toString());
    SearchSpace<Config> narrowed = SearchSpace.builder()
        .real("x", 0, 5)
        .real("lr", 1e-4, 1e-1, Scale.LOG)
        .integer("units", 1, 8)
        .categorical("activation", "relu", "tanh", "gelu")
        .bool("bias")
        .build();
    try (CapturedLogs logs = CapturedLogs.open()) {
      Study resumed = study(storage, Samplers.random(2));
      Trial<Config> best = resumed.optimize(narrowed, 10, ChangedSearchSpaceTest::objective);
      assertTrue(best.params().getDouble("x") <= 5, best.toString());
      double bestInside = resumed.trials().stream()
          .filter(t -> t.state() == TrialState.COMPLETE && t.params().getDouble("x") <= 5)
          .mapToDouble(FrozenTrial::value).min().orElseThrow();
      assertEquals(bestInside, best.value());
      assertEquals(first.number(), resumed.bestTrial().number(), "the best of all is kept");
      long outside = resumed.trials().stream().filter(t -> t.params().getDouble("x") > 5).count();
      assertEquals(List.of("WARN study 's' searches another space than it last recorded:"
          + " 'x' changed from a real in [0.0, 10.0] to a real in [0.0, 5.0]. " + outside
          + " of its 30 trials recorded do not fit the new space: they stay in the study as they"
          + " were; samplers ignore their values outside the space, and optimize returns the best"
          + " trial that fits it (bestTrial() the best of all)."),
          logs.lines("dev.tunable.study").stream().filter(l -> l.startsWith("WARN")).toList());
    }
    assertEquals(2, spacesRecorded(storage).size());
    assertEquals(narrowed.dimensions(), spacesRecorded(storage).get(1).dimensions());
  }

  @Test
  void eachKindOfChangeIsNamed() {
    SearchSpace<Config> after = SearchSpace.builder()
        .real("x", 0, 10)
        .real("lr", 1e-4, 1e-1) // scale: log to linear
        .integer("units", 1, 16) // widened
        .categorical("activation", "relu", "tanh", "silu") // a choice replaced
        .real("dropout", 0, 0.5) // added
        .build(); // "bias" removed
    assertEquals(List.of(
        "'lr' changed from a real in [1.0E-4, 0.1] (log scale) to a real in [1.0E-4, 0.1]",
        "'units' changed from an integer in [1, 8] to an integer in [1, 16]",
        "'activation' changed from one of [relu, tanh, gelu] to one of [relu, tanh, silu]",
        "'dropout' added: a real in [0.0, 0.5]",
        "'bias' removed: it was true or false"),
        SpaceChange.between(BEFORE.dimensions(), after.dimensions()));
    assertEquals(List.of(), SpaceChange.between(BEFORE.dimensions(), BEFORE.dimensions()));
    assertEquals(List.of("'x' changed from RealDimension[name=x, low=0.0, high=1.0,"
            + " scale=LINEAR, step=0.0, isFloat=false] to RealDimension[name=x, low=0.0,"
            + " high=1.0, scale=LINEAR, step=0.0, isFloat=true]"),
        SpaceChange.between(List.of(Dimension.real("x", 0, 1)),
            List.of(Dimension.real("x", 0, 1).asFloat())));
  }

  static Stream<Arguments> samplersAndChangedSpaces() {
    List<Sampler> samplers = List.of(Samplers.random(3), Samplers.sobol(3),
        Samplers.grid().withPointsPerContinuousDimension(3),
        Samplers.tpe(3), Samplers.multivariateTpe(3), Samplers.gp(3), Samplers.cmaEs(3),
        Samplers.genetic(3), Samplers.nsga2(3));
    List<SearchSpace<Config>> spaces = List.of(
        SearchSpace.builder().real("x", 0, 5).real("lr", 1e-4, 1e-1, Scale.LOG)
            .integer("units", 1, 8).categorical("activation", "relu", "tanh", "gelu")
            .bool("bias").build(), // narrowed
        SearchSpace.builder().real("x", -10, 20).real("lr", 1e-4, 1e-1)
            .integer("units", 2, 4).categorical("activation", "relu", "silu")
            .bool("bias").real("dropout", 0, 0.5).build(), // widened, scale, choices, added
        SearchSpace.builder().real("x", 0, 10).integer("units", 1, 8, Scale.LOG)
            .build()); // removed, scale
    return samplers.stream().flatMap(s -> spaces.stream().map(space -> Arguments.of(s, space)));
  }

  @ParameterizedTest
  @MethodSource("samplersAndChangedSpaces")
  void noSamplerIsThrownByTrialsOfAnEarlierSpace(Sampler sampler, SearchSpace<Config> after) {
    Storage storage = Storages.inMemory();
    study(storage, sampler).optimize(BEFORE, 12, ChangedSearchSpaceTest::objective);
    Study resumed = study(storage, sampler);
    Trial<Config> best = resumed.optimize(after, 6, trial -> trial.params().getDouble("x"));
    assertEquals(18, resumed.trials().size());
    for (FrozenTrial trial : resumed.trials().subList(12, 18)) {
      assertEquals(TrialState.COMPLETE, trial.state(), trial.failureReason().orElse(""));
      after.check(trial.params().asMap());
    }
    after.check(best.params().asMap());
  }

  @Test
  void withNoCompleteTrialThatFitsTheSpaceBestTrialSaysSo() {
    Storage storage = Storages.inMemory();
    study(storage, Samplers.random(1)).optimize(BEFORE, 5, ChangedSearchSpaceTest::objective);
    Study resumed = study(storage, Samplers.random(1));
    SearchSpace<Config> other = SearchSpace.builder().real("y", 0, 1).build();
    NoSuchElementException e =
        assertThrows(NoSuchElementException.class, () -> resumed.bestTrial(other));
    assertTrue(e.getMessage().startsWith("no complete trial of study 's' fits the search space"
        + " [y] (5 trials, 5 COMPLETE; the best, #"), e.getMessage());
  }

  /** Before the space was recorded, a study only loaded drew its report without importance. */
  @Test
  void aStudyOnlyLoadedReportsWithItsRecordedSpace(@TempDir Path directory) throws Exception {
    Storage storage = Storages.inMemory();
    study(storage, Samplers.random(1)).optimize(BEFORE, 20, ChangedSearchSpaceTest::objective);
    Path report = directory.resolve("report.html");
    Study.load("s", storage).writeReport(report);
    assertTrue(Files.readString(report).contains("Hyperparameter importance"));
  }

  @Test
  void theSpaceIsRecordedOnceAndReadFromTheStudyAlone() {
    Storage storage = Storages.inMemory();
    Study study = study(storage, Samplers.random(1));
    assertEquals(java.util.Optional.empty(), study.space());
    SearchSpace<Config> space = SearchSpace.builder().real("x", 0, 1)
        .add(Dimension.categorical("direction", Direction.class)).build();
    study.optimize(space, 3, trial -> trial.params().getDouble("x"));
    study.ask(space);
    assertEquals(1, spacesRecorded(storage).size(), "the same space is recorded once");
    SearchSpace<Config> read = Study.load("s", storage).space().orElseThrow();
    assertEquals(List.of(Dimension.real("x", 0, 1),
        Dimension.categorical("direction", "MINIMIZE", "MAXIMIZE")), read.dimensions());
    // ask/tell records a new space with the trial it starts, in the same append
    SearchSpace<Config> other = SearchSpace.builder().real("x", 0, 2).build();
    study.ask(other);
    List<Event> events = storage.read(0).events();
    assertEquals(SpaceSet.class, events.get(events.size() - 2).getClass());
    assertEquals(other.dimensions(), study.space().orElseThrow().dimensions());
    assertFalse(spacesRecorded(storage).isEmpty());
  }

  /** A resume on a space whose conditions changed names each change (issue 14). */
  @Test
  void aChangedConditionIsNamedAndTrialsOfOtherBranchesStillFit() {
    CategoricalDimension<String> optimizer = Dimension.categorical("optimizer", "sgd", "adam");
    SearchSpace<Config> before = SearchSpace.builder()
        .add(optimizer)
        .add(Dimension.real("momentum", 0, 1), Condition.of("optimizer", "sgd"))
        .add(Dimension.real("beta1", 0.5, 1), Condition.of("optimizer", "adam"))
        .build();
    SearchSpace<Config> after = SearchSpace.builder()
        .add(optimizer)
        .add(Dimension.real("momentum", 0, 1), Condition.of("optimizer", "sgd", "adam"))
        .add(Dimension.real("beta1", 0.5, 1), Condition.of("optimizer", "adam"))
        .add(Dimension.real("beta2", 0.5, 1), Condition.of("optimizer", "adam"))
        .build();
    Storage storage = Storages.inMemory();
    Study first = study(storage, Samplers.random(1));
    first.enqueue(Map.of("optimizer", "sgd", "momentum", 0.5));
    first.enqueue(Map.of("optimizer", "adam", "beta1", 0.9));
    first.optimize(before, 2, trial -> 1);
    try (CapturedLogs logs = CapturedLogs.open()) {
      study(storage, Samplers.random(2)).optimize(after, 1, trial -> 1);
      assertEquals(List.of("WARN study 's' searches another space than it last recorded:"
          + " 'beta2' added: a real in [0.5, 1.0], active while optimizer = adam;"
          + " 'momentum' was active while optimizer = sgd and is now active while optimizer in"
          + " [sgd, adam]. 1 of its 2 trials recorded do not fit the new space: they stay in the"
          + " study as they were; samplers ignore their values outside the space, and optimize"
          + " returns the best trial that fits it (bestTrial() the best of all)."),
          logs.lines("dev.tunable.study").stream().filter(l -> l.startsWith("WARN")).toList());
    }
    assertEquals(Map.of("momentum", Condition.of("optimizer", "sgd", "adam"),
            "beta1", Condition.of("optimizer", "adam"), "beta2", Condition.of("optimizer", "adam")),
        spacesRecorded(storage).get(1).conditions());
  }
}
