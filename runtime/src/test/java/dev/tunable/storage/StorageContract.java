package dev.tunable.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Condition;
import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import dev.tunable.annotations.Scale;
import dev.tunable.storage.Event.RunRecorded;
import dev.tunable.storage.Event.SpaceSet;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.StudyDeleted;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Event.TrialConstraintsSet;
import dev.tunable.storage.Event.TrialEnqueued;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Event.TrialStarted;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Storage} must do; each storage's test extends this class. Subclasses say how to
 * make a fresh storage and how to open the same storage again (as another process would).
 */
public abstract class StorageContract {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", -5, 10)
      .integer("n", 1, 100)
      .categorical("kind", "a", "b", "c")
      .bool("flag")
      .build();

  /** A choice with a branch of nothing to tune and one nested choice (issue 14). */
  private static final SearchSpace<Config> CONDITIONAL = SearchSpace.builder()
      .real("x", -5, 10)
      .choice(Dimension.categorical("model", "linear", "tree"),
          SearchSpace.builder().build(),
          SearchSpace.builder()
              .integer("depth", 1, 8)
              .choice(Dimension.categorical("split", "gini", "entropy"),
                  SearchSpace.builder().build(),
                  SearchSpace.builder().real("alpha", 0, 1).build())
              .build())
      .build();

  private final List<Storage> opened = new ArrayList<>();

  /** For the subclass of each implementation under test. */
  protected StorageContract() {}

  /** A new, empty storage. */
  protected abstract Storage create();

  /** The storage {@code storage} holds, opened again; may be {@code storage} itself. */
  protected abstract Storage reopen(Storage storage);

  private Storage fresh() {
    Storage storage = create();
    opened.add(storage);
    return storage;
  }

  private Storage again(Storage storage) {
    Storage other = reopen(storage);
    opened.add(other);
    return other;
  }

  @AfterEach
  void closeStorages() {
    opened.forEach(Storage::close);
  }

  static List<Event> everyKindOfEvent() {
    Instant time = Instant.parse("2026-11-24T17:18:19.123456789Z");
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("x", 0.1 + 0.2);
    params.put("n", 42L);
    params.put("kind", "ünïcode \"quoted\"\n\\ text");
    params.put("flag", true);
    params.put("tiny", Double.MIN_VALUE);
    params.put("text", "NaN"); // a string that reads like a number stays a string
    // An enqueued entry that does not fit the space is started and failed as given.
    Map<String, Object> misfit = new LinkedHashMap<>();
    misfit.put("x", Double.NaN);
    misfit.put("y", Double.POSITIVE_INFINITY);
    misfit.put("z", Double.NEGATIVE_INFINITY);
    return List.of(
        new StudyCreated("s", List.of(Direction.MAXIMIZE), time),
        new SpaceSet("s", everyKindOfDimension(), time),
        new SpaceSet("s", CONDITIONAL.dimensions(), conditions(CONDITIONAL), time),
        new RunRecorded("s", runSettings(), time),
        new TrialEnqueued("s", params, time),
        new TrialEnqueued("s", params, time, 0),
        new TrialStarted("s", 0, params, 0, "worker-1", time),
        new TrialReported("s", 0, 3, Double.NaN),
        new TrialReported("s", 0, 4, -1e-300),
        new TrialAttributeSet("s", 0, "note", "text"),
        new TrialAttributeSet("s", 0, "count", 7L),
        new TrialAttributeSet("s", 0, "loss", Double.NaN),
        new TrialAttributeSet("s", 0, "upper", Double.POSITIVE_INFINITY),
        new TrialAttributeSet("s", 0, "lower", Double.NEGATIVE_INFINITY),
        new TrialAttributeSet("s", 0, "word", "Infinity"),
        new TrialConstraintsSet("s", 0, new double[] {-0.5, 1e-9}),
        new TrialReported("s", 0, 5, new double[] {0.25, -2, 1e300}),
        new TrialFinished("s", 0, TrialState.COMPLETE, new double[] {1.0 / 3}, null, time),
        new TrialStarted("s", 1, params, -1, "worker-1", time),
        new TrialFinished("s", 1, TrialState.FAIL, new double[0], "why: \u00e9", time),
        new TrialEnqueued("s", misfit, time),
        new TrialStarted("s", 2, misfit, 1, "worker-1", time),
        new TrialFinished("s", 2, TrialState.FAIL, new double[0], "misfit", time),
        new StudyDeleted("s", time));
  }

  /** The conditions of {@code space}'s conditional dimensions, by name. */
  public static Map<String, Condition> conditions(SearchSpace<?> space) {
    Map<String, Condition> conditions = new LinkedHashMap<>();
    space.dimensions().forEach(dimension -> space.condition(dimension.name())
        .ifPresent(condition -> conditions.put(dimension.name(), condition)));
    return conditions;
  }

  /** A run's settings: values of every sort a string can hold, in an order that is not sorted. */
  public static Map<String, String> runSettings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("sampler", "Samplers.tpe(42).withCandidates(48)");
    settings.put("pruner", "Pruners.median() startupTrials=5");
    settings.put("java", "17.0.9 (Eclipse Adoptium)");
    settings.put("provenance.sha256 of data/ünïcode \"set\".csv", "e3b0c44298fc1c14");
    settings.put("empty", "");
    return settings;
  }

  /**
   * A search space with every kind of dimension and every setting: scales, steps, float and int
   * values, choices of every stored type (the non-finite double typed, a string that reads like a
   * number), an enum's constants (stored as their names).
   */
  public static List<Dimension<?>> everyKindOfDimension() {
    return List.of(
        Dimension.real("x", -5, 10),
        Dimension.real("lr", 1e-5, 0.1, Scale.LOG),
        Dimension.real("ratio", 0, 1, Scale.LINEAR).withStep(0.125).asFloat(),
        Dimension.real("tiny", Double.MIN_VALUE, 1e300, Scale.LOG),
        Dimension.integer("units", 16, 256, Scale.LOG),
        Dimension.integer("batch", -8, 64).withStep(8).asInt(),
        Dimension.categorical("activation", "relu", "tanh", "ünïcode \"quoted\"\n\\ text"),
        Dimension.categorical("mixed", 3L, 0.5, Double.NaN, true, "Infinity"),
        Dimension.categorical("direction", Direction.class),
        Dimension.bool("flag"));
  }

  /** The visitor does not compile until it names a new kind, and then this test asks for it. */
  @Test
  void everyKindOfEventIsAmongThoseTested() {
    Event.Visitor<String> kind = new Event.Visitor<>() {
      @Override
      public String visitStudyCreated(StudyCreated event) {
        return "created";
      }

      @Override
      public String visitSpaceSet(SpaceSet event) {
        return "space";
      }

      @Override
      public String visitRunRecorded(RunRecorded event) {
        return "run";
      }

      @Override
      public String visitTrialEnqueued(TrialEnqueued event) {
        return "enqueued";
      }

      @Override
      public String visitTrialStarted(TrialStarted event) {
        return "started";
      }

      @Override
      public String visitTrialReported(TrialReported event) {
        return "reported";
      }

      @Override
      public String visitTrialAttributeSet(TrialAttributeSet event) {
        return "attribute";
      }

      @Override
      public String visitTrialConstraintsSet(TrialConstraintsSet event) {
        return "constraints";
      }

      @Override
      public String visitTrialFinished(TrialFinished event) {
        return "finished";
      }

      @Override
      public String visitStudyDeleted(StudyDeleted event) {
        return "deleted";
      }
    };
    assertEquals(10, everyKindOfEvent().stream().map(e -> e.accept(kind)).distinct().count());
  }

  @Test
  void anEmptyStorageHasNoEvents() {
    Storage storage = fresh();
    Storage.Batch batch = storage.read(0);
    assertEquals(List.of(), batch.events());
    assertEquals(batch.cursor(), storage.read(batch.cursor()).cursor());
  }

  @Test
  void eventsReadBackEqualToWhatWasAppended() {
    Storage storage = fresh();
    List<Event> events = everyKindOfEvent();
    long cursor = storage.append(0, news -> events);
    Storage.Batch all = storage.read(0);
    assertEquals(events, all.events());
    assertEquals(cursor, all.cursor());
    assertEquals(events, again(storage).read(0).events());
  }

  @Test
  void appendSeesWhatOthersAppendedAfterTheCursor() {
    Storage storage = fresh();
    List<Event> events = everyKindOfEvent();
    long afterFirst = storage.append(0, news -> events.subList(0, 1));
    storage.append(afterFirst, news -> events.subList(1, 3));
    List<List<Event>> seen = new ArrayList<>();
    long end = storage.append(afterFirst, news -> {
      seen.add(news.events());
      return events.subList(3, 4);
    });
    assertEquals(List.of(events.subList(1, 3)), seen);
    assertEquals(List.of(), storage.read(storage.read(afterFirst).cursor()).events());
    assertEquals(events.subList(0, 4), storage.read(0).events());
    assertEquals(List.of(), storage.read(end).events());
  }

  @Test
  void readingInBatchesPassesOnWhatOneReadReturns() {
    Storage storage = fresh();
    List<Event> events = everyKindOfEvent();
    long cursor = 0;
    for (Event event : events) {
      cursor = storage.append(cursor, news -> List.of(event));
    }
    for (long from : new long[] {0, storage.read(0).cursor()}) {
      List<Event> passed = new ArrayList<>();
      List<Long> cursors = new ArrayList<>();
      long end = storage.read(from, batch -> {
        passed.addAll(batch.events());
        cursors.add(batch.cursor());
      });
      Storage.Batch all = storage.read(from);
      assertEquals(all.events(), passed);
      assertEquals(all.cursor(), end);
      long last = cursors.isEmpty() ? from : cursors.get(cursors.size() - 1);
      assertEquals(end, last, "the last batch's cursor is returned");
      assertEquals(from == all.cursor(), cursors.isEmpty(), "nothing new, no batch");
    }
  }

  @Test
  void aPlanThatThrowsAppendsNothing() {
    Storage storage = fresh();
    List<Event> events = everyKindOfEvent();
    long cursor = storage.append(0, news -> events.subList(0, 2));
    assertThrows(IllegalStateException.class, () -> storage.append(cursor, news -> {
      throw new IllegalStateException("changed my mind");
    }));
    assertEquals(events.subList(0, 2), storage.read(0).events());
    assertEquals(cursor, storage.append(cursor, news -> List.of()));
  }

  @Test
  void concurrentAppendsAreAllKeptInOneOrder() throws Exception {
    Storage storage = fresh();
    int threads = 4;
    int perThread = 50;
    List<Thread> workers = new ArrayList<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread worker = new Thread(() -> {
        long cursor = 0;
        for (int i = 0; i < perThread; i++) {
          int index = i;
          cursor = storage.append(cursor, news -> List.of(
              new TrialReported("s", id, index, id * 1000 + index)));
        }
      });
      worker.setUncaughtExceptionHandler((thread, e) -> failure.set(e));
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    assertEquals(null, failure.get());
    List<Event> events = again(storage).read(0).events();
    assertEquals(threads * perThread, events.size());
    Set<Event> distinct = new HashSet<>(events);
    assertEquals(threads * perThread, distinct.size());
  }

  @Test
  void itsOwnWorkerIsAlive() {
    Storage storage = fresh();
    assertTrue(storage.isAlive(storage.workerId()));
  }

  @Test
  void askedAtOnceAboutWorkersItAnswersAsAskedAboutEach() {
    Storage storage = fresh();
    Storage other = again(storage);
    // A reopened handle may be the same worker (in memory).
    Set<String> workers = new HashSet<>(List.of(storage.workerId(), other.workerId(),
        "no such worker"));
    Set<String> expected = new HashSet<>();
    for (String worker : workers) {
      if (storage.isAlive(worker)) {
        expected.add(worker);
      }
    }
    assertTrue(expected.contains(storage.workerId()));
    assertEquals(expected, storage.alive(workers));
    assertEquals(Set.of(), storage.alive(Set.of()));
  }

  @Test
  void aStudyReadsBackTheSameTrials() {
    Storage storage = fresh();
    Study study = Study.builder().name("contract").direction(Direction.MAXIMIZE)
        .sampler(Samplers.random(3)).storage(storage).progress(false).build();
    study.enqueue(Map.of("x", 1.0, "n", 5, "kind", "b", "flag", false));
    study.optimize(SPACE, 8, trial -> {
      trial.report(0, trial.params().getDouble("x"));
      trial.setUserAttribute("n", trial.params().getLong("n"));
      if (trial.number() == 3) {
        throw new IllegalArgumentException("three");
      }
      return trial.params().getDouble("x") * trial.params().getLong("n");
    });
    Trial<Config> running = study.ask(SPACE);
    List<FrozenTrial> trials = study.trials();
    Study loaded = Study.load("contract", again(storage));
    assertEquals(Direction.MAXIMIZE, loaded.direction());
    assertEquals(trials, loaded.trials());
    assertEquals(study.bestTrial(), loaded.bestTrial());
    assertEquals(TrialState.FAIL, loaded.trials().get(3).state());
    assertEquals(TrialState.RUNNING, loaded.trials().get(8).state(), "its worker is alive");
    study.tell(running, 1);
    assertEquals(TrialState.COMPLETE, loaded.trials().get(8).state(), "loaded sees later changes");
  }

  /**
   * A study on a conditional space: its trials hold the values of their branch only, and read
   * back so, with the space and its conditions (issue 14).
   */
  @Test
  void aConditionalStudyReadsBackItsSpaceAndTheTrialsOfEachBranch() {
    Storage storage = fresh();
    Study study = Study.builder().name("branches").sampler(Samplers.random(5)).storage(storage)
        .progress(false).build();
    study.enqueue(Map.of("x", 1.0, "model", "linear"));
    study.optimize(CONDITIONAL, 12, trial -> trial.params().getDouble("x")
        + trial.params().asMap().size());
    Study loaded = Study.load("branches", again(storage));
    assertEquals(study.trials(), loaded.trials());
    assertEquals(Map.of("x", 1.0, "model", "linear"), loaded.trials().get(0).params().asMap());
    Set<Set<String>> shapes = new HashSet<>();
    for (FrozenTrial trial : loaded.trials()) {
      Config params = trial.params();
      assertEquals(params, CONDITIONAL.check(params.asMap()), "only active values: " + params);
      shapes.add(params.names());
    }
    assertTrue(shapes.size() >= 3, "trials of several branches: " + shapes);
    SearchSpace<Config> space = loaded.space().orElseThrow();
    assertEquals(CONDITIONAL.dimensions(), space.dimensions());
    assertEquals(conditions(CONDITIONAL), conditions(space));
    assertEquals(study.bestTrial(), loaded.bestTrial());
  }

  @Test
  void studiesSharingAStorageAreIndependentAndNumbersAreUnique() {
    Storage storage = fresh();
    Study a = Study.builder().name("a").storage(storage).progress(false).build();
    Study b = Study.builder().name("b").storage(storage).progress(false).build();
    Study a2 = Study.load("a", again(storage));
    Trial<Config> a0 = a.ask(SPACE);
    Trial<Config> a1 = a2.ask(SPACE);
    Trial<Config> b0 = b.ask(SPACE);
    Trial<Config> a2n = a.ask(SPACE);
    assertEquals(List.of(0L, 1L, 0L, 2L),
        List.of(a0.number(), a1.number(), b0.number(), a2n.number()));
    a2.tell(a1, 5);
    assertEquals(3, a.trials().size());
    assertEquals(1, b.trials().size());
    assertEquals(5.0, a.trials().get(1).value());
  }

  @Test
  void aDeletedStudyIsGoneAndItsNameIsFreeForANewOne() {
    Storage storage = fresh();
    Study old = Study.builder().name("a").direction(Direction.MAXIMIZE)
        .sampler(Samplers.random(1)).storage(storage).progress(false).build();
    old.optimize(SPACE, 3, trial -> trial.params().getDouble("x"));
    Study.builder().name("b").storage(storage).progress(false).build();
    assertEquals(List.of("a", "b"), Study.names(storage));

    Study.delete("a", again(storage));
    assertEquals(List.of("b"), Study.names(storage));
    assertEquals(List.of("b"), Study.names(again(storage)));
    NoSuchElementException gone =
        assertThrows(NoSuchElementException.class, () -> Study.load("a", again(storage)));
    assertTrue(gone.getMessage().contains("(its studies: 'b')"), gone.getMessage());
    IllegalStateException stale = assertThrows(IllegalStateException.class, () -> old.ask(SPACE));
    assertTrue(stale.getMessage().contains("study 'a' was deleted"), stale.getMessage());

    Study renewed = Study.builder().name("a").direction(Direction.MINIMIZE)
        .storage(again(storage)).progress(false).build();
    assertEquals(List.of(), renewed.trials());
    assertEquals(0, renewed.ask(SPACE).number());
    assertEquals(List.of("a", "b"), Study.names(storage));
    assertEquals(Direction.MINIMIZE, Study.load("a", again(storage)).direction());
    assertThrows(IllegalStateException.class, old::trials,
        "the study deleted stays deleted, though a new one took its name");

    NoSuchElementException none =
        assertThrows(NoSuchElementException.class, () -> Study.delete("c", storage));
    assertTrue(none.getMessage().contains("(its studies: 'a', 'b')"), none.getMessage());
  }

  @Test
  void aStudyWhoseTrialRunsOnALiveWorkerIsNotDeleted() {
    Storage storage = fresh();
    Study study = Study.builder().name("busy").storage(storage).progress(false).build();
    Trial<Config> running = study.ask(SPACE);
    IllegalStateException busy =
        assertThrows(IllegalStateException.class, () -> Study.delete("busy", again(storage)));
    assertTrue(busy.getMessage().contains("has trials running: #0 (worker "), busy.getMessage());
    assertEquals(List.of("busy"), Study.names(storage));
    study.tell(running, 1);
    Study.delete("busy", again(storage));
    assertEquals(List.of(), Study.names(storage));
  }
}
