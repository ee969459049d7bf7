package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tunable.PrunerScript.Action;
import dev.tunable.PrunerScript.Ask;
import dev.tunable.PrunerScript.Finish;
import dev.tunable.PrunerScript.Moment;
import dev.tunable.PrunerScript.Replay;
import dev.tunable.PrunerScript.Report;
import dev.tunable.storage.Durability;
import dev.tunable.storage.Storage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link Pruner} must do; each built-in pruner's test extends this class, once per
 * setting worth checking. Over a scripted study ({@link PrunerScript}) with curves of different
 * quality and pruned, failed and running trials among them, a pruner's decision must be a pure
 * function of its context: the same every time and in every order, the same from many threads at
 * once, the same with values negated and the direction flipped, and the same whichever worker
 * computes it, also from the study read back from its journal.
 */
public abstract class PrunerContract {
  private static final List<Action> SCRIPT = PrunerScript.actions();
  private static final List<Action> NEGATED = PrunerScript.negated(SCRIPT);
  private static final SearchSpace<Config> SPACE =
      SearchSpace.builder().real("x", 0, 1).build();

  @TempDir
  Path directory;

  /** For the subclass of each implementation under test. */
  protected PrunerContract() {}

  /** A new instance of the pruner under test. */
  protected abstract Pruner pruner();

  /**
   * The pruner that decides on negated values as {@link #pruner()} decides on the values: the
   * same pruner, unless its settings are values of the objective (a threshold's bounds).
   */
  protected Pruner mirrored() {
    return pruner();
  }

  /** Whether the pruner prunes anything at all; {@link Pruners#none()} does not. */
  protected boolean prunes() {
    return true;
  }

  private static List<Boolean> decide(Pruner pruner, List<Moment> moments, Direction direction) {
    List<Boolean> decisions = new ArrayList<>();
    for (Moment moment : moments) {
      decisions.add(pruner.shouldPrune(moment.context(direction)));
    }
    return decisions;
  }

  private static void assertSameDecisions(
      List<Moment> moments, List<Boolean> expected, List<Boolean> actual, String what) {
    for (int m = 0; m < moments.size(); m++) {
      if (!expected.get(m).equals(actual.get(m))) {
        fail(what + ": at " + moments.get(m) + " expected " + expected.get(m) + " but was "
            + actual.get(m) + " (and " + differences(expected, actual) + " decisions differ)");
      }
    }
  }

  private static int differences(List<Boolean> expected, List<Boolean> actual) {
    int count = 0;
    for (int m = 0; m < expected.size(); m++) {
      count += expected.get(m).equals(actual.get(m)) ? 0 : 1;
    }
    return count;
  }

  @Test
  void theScriptMakesItBothPruneAndKeep() {
    List<Moment> moments = PrunerScript.moments(SCRIPT);
    for (Direction direction : Direction.values()) {
      List<Boolean> decisions = decide(pruner(), moments, direction);
      long pruned = decisions.stream().filter(d -> d).count();
      if (prunes()) {
        assertTrue(pruned > 0 && pruned < decisions.size(), pruner() + " " + direction
            + " pruned at " + pruned + " of " + decisions.size() + " moments; a contract that"
            + " never sees both decisions proves little");
      } else {
        assertEquals(0, pruned, pruner() + " pruned");
      }
    }
  }

  /**
   * Pure: the same context gives the same decision every time, in any order, after deciding
   * about other histories, on a fresh instance; and deciding changes none of the snapshots.
   */
  @Test
  void decidingIsAPureFunctionOfTheContext() {
    List<Moment> moments = PrunerScript.moments(SCRIPT);
    List<Moment> untouched = PrunerScript.moments(SCRIPT);
    List<Boolean> expected = new ArrayList<>();
    for (Moment moment : moments) {
      expected.add(pruner().shouldPrune(moment.context(Direction.MINIMIZE)));
    }
    Pruner pruner = pruner();
    assertSameDecisions(moments, expected, decide(pruner, moments, Direction.MINIMIZE), "forward");
    assertSameDecisions(moments, expected, decide(pruner, moments, Direction.MINIMIZE), "again");

    Pruner other = pruner();
    decide(other, PrunerScript.moments(NEGATED), Direction.MAXIMIZE);
    decide(other, PrunerScript.moments(SCRIPT), Direction.MAXIMIZE);
    List<Integer> order = new ArrayList<>();
    for (int m = 0; m < moments.size(); m++) {
      order.add(m);
    }
    Collections.shuffle(order, new Random(5));
    List<Boolean> shuffled = new ArrayList<>(Collections.nCopies(moments.size(), (Boolean) null));
    for (int m : order) {
      // a context used before, and one built anew from equal snapshots
      shuffled.set(m, other.shouldPrune(moments.get(m).context(Direction.MINIMIZE)));
      assertEquals(shuffled.get(m), other.shouldPrune(untouched.get(m).context(Direction.MINIMIZE)),
          "a context of equal snapshots, at " + moments.get(m));
    }
    assertSameDecisions(moments, expected, shuffled,
        "shuffled, after deciding about other histories");
    assertEquals(untouched, moments, "deciding changed the snapshots it was given");
  }

  /** Thread-safe: many threads deciding over the same contexts at once decide as one does. */
  @Test
  void manyThreadsDecideAsOneDoes() throws Exception {
    List<Moment> moments = PrunerScript.moments(SCRIPT);
    List<Boolean> expected = decide(pruner(), moments, Direction.MINIMIZE);
    List<PrunerContext> shared = new ArrayList<>();
    for (Moment moment : moments) {
      shared.add(moment.context(Direction.MINIMIZE));
    }
    Pruner pruner = pruner();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 3; round++) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Boolean>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          long seed = round * threads + t;
          results.add(pool.submit(() -> {
            List<Integer> order = new ArrayList<>();
            for (int m = 0; m < shared.size(); m++) {
              order.add(m);
            }
            Collections.shuffle(order, new Random(seed));
            Boolean[] decisions = new Boolean[shared.size()];
            go.await();
            for (int m : order) {
              decisions[m] = pruner.shouldPrune(shared.get(m));
            }
            return List.of(decisions);
          }));
        }
        go.countDown();
        for (Future<List<Boolean>> result : results) {
          assertSameDecisions(moments, expected, result.get(1, TimeUnit.MINUTES),
              "one of " + threads + " threads");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Direction-symmetric: with every value negated and the direction flipped, the decisions are
   * the same at every moment (the mirrored pruner being the same pruner unless its settings are
   * objective values).
   */
  @Test
  void negatedValuesInTheOppositeDirectionGiveTheSameDecisions() {
    List<Moment> moments = PrunerScript.moments(SCRIPT);
    List<Moment> negated = PrunerScript.moments(NEGATED);
    for (Direction direction : Direction.values()) {
      Direction opposite = direction == Direction.MINIMIZE ? Direction.MAXIMIZE : Direction.MINIMIZE;
      assertSameDecisions(moments, decide(pruner(), moments, direction),
          decide(mirrored(), negated, opposite), "negated, " + opposite + " instead of " + direction);
    }
  }

  /** Two workers sharing an in-memory storage decide alike. */
  @Test
  void workersSharingAStorageDecideAlike() {
    Storage storage = Storages.inMemory();
    play(storage, storage, null);
  }

  /**
   * Two workers on one journal, each with its own handle, decide alike, and so does a study
   * resumed from the journal by a handle opened later.
   */
  @Test
  void workersOnOneJournalAndAResumedStudyDecideAlike() {
    Path journal = directory.resolve("study.tunable");
    try (Storage first = Storages.file(journal, Durability.WRITE);
        Storage second = Storages.file(journal, Durability.WRITE)) {
      play(first, second, journal);
    }
  }

  /**
   * Plays the script on two workers (even trials on the first storage's study, odd ones on the
   * second's) and, after every action, checks the decision of every running trial three ways:
   * through its own study's {@link Trial#shouldPrune()}, from the snapshots of the other worker's
   * study, and from the script's own snapshots; and, every few actions if {@code journal} is
   * given, from the snapshots read back by a storage opened on the journal then.
   */
  private void play(Storage firstStorage, Storage secondStorage, Path journal) {
    String name = "pruned";
    Study first = Study.builder().name(name).storage(firstStorage).pruner(pruner())
        .sampler(Samplers.random(1)).progress(false).build();
    Study second = Study.builder().name(name).storage(secondStorage).pruner(pruner())
        .sampler(Samplers.random(2)).loadIfExists(true).progress(false).build();
    List<Study> workers = List.of(first, second);
    List<Trial<Config>> trials = new ArrayList<>();
    Replay replay = new Replay();
    Pruner pruner = pruner();
    int checked = 0;
    for (int a = 0; a < SCRIPT.size(); a++) {
      Action action = SCRIPT.get(a);
      Study worker = workers.get(action.trial() % 2);
      if (action instanceof Ask) {
        Trial<Config> trial = worker.ask(SPACE);
        assertEquals(action.trial(), trial.number(), "trial numbers follow the script");
        trials.add(trial);
      } else if (action instanceof Report r) {
        trials.get(r.trial()).report(r.step(), r.value());
      } else if (action instanceof Finish f) {
        Trial<Config> trial = trials.get(f.trial());
        switch (f.state()) {
          case COMPLETE -> worker.tell(trial, f.value());
          case PRUNED -> worker.tell(trial, TrialState.PRUNED);
          default -> worker.tellFailure(trial, "scripted");
        }
      }
      replay.apply(action);
      List<FrozenTrial> script = replay.snapshots();
      boolean resume = journal != null && (a % 40 == 0 || a == SCRIPT.size() - 1);
      List<FrozenTrial> readBack = resume ? readBack(journal, name) : null;
      for (int t = 0; t < replay.size(); t++) {
        if (replay.state(t) != TrialState.RUNNING) {
          continue;
        }
        String where = "trial #" + t + " after action " + a + " " + action;
        boolean expected = pruner.shouldPrune(
            new PrunerContext(script.get(t), List.of(Direction.MINIMIZE), script));
        assertEquals(expected, trials.get(t).shouldPrune(),
            "its own worker's trial.shouldPrune(), " + where);
        Study other = workers.get((t + 1) % 2);
        assertEquals(expected, decideFrom(pruner, other.trials(), t),
            "from the other worker's snapshots, " + where);
        if (readBack != null) {
          assertEquals(expected, decideFrom(pruner, readBack, t),
              "from the snapshots read back from the journal, " + where);
        }
        checked++;
      }
    }
    assertTrue(checked > SCRIPT.size(), "checked only " + checked + " decisions");
  }

  /**
   * The study's trials as a storage opened on the journal now reads them back. The writers stay
   * open, so their running trials stay running: the study is resumed, not recovered.
   */
  private static List<FrozenTrial> readBack(Path journal, String name) {
    try (Storage later = Storages.file(journal, Durability.WRITE)) {
      return Study.load(name, later).trials();
    }
  }

  private static boolean decideFrom(Pruner pruner, List<FrozenTrial> trials, int trial) {
    return pruner.shouldPrune(
        new PrunerContext(trials.get(trial), List.of(Direction.MINIMIZE), trials));
  }
}
