package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tunable.annotations.Scale;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Sampler} must do; each sampler's test extends this class: propose valid
 * values of every kind of dimension, and propose the same point for the same context whatever it
 * was asked before (reproducible, resumable, thread-safe), with an empty history and with one
 * long enough to take every model-based sampler past its start-up phase.
 */
public abstract class SamplerContract {
  /** Every kind of dimension, all discrete so that a plain grid covers them too. */
  protected static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .add(Dimension.real("stepped", 0, 1).withStep(0.25))
      .integer("units", 16, 256, Scale.LOG)
      .add(Dimension.integer("even", 0, 10).withStep(2))
      .categorical("activation", "relu", "tanh", "gelu")
      .add(Dimension.categorical("scale", Scale.class))
      .bool("bias")
      .build();

  /** Reals (one on a log scale) beside discrete dimensions: what the samplers' models are for. */
  protected static final SearchSpace<Config> CONTINUOUS = SearchSpace.builder()
      .real("x", -5, 10)
      .real("lr", 1e-5, 1e-1, Scale.LOG)
      .integer("units", 16, 256, Scale.LOG)
      .categorical("activation", "relu", "tanh", "gelu")
      .bool("bias")
      .build();

  /**
   * A conditional space: an always-active real and integer, then a choice of three branches of
   * different sizes, one of them empty, the largest with a dimension of its own conditional on a
   * boolean of the branch. (The choice comes last so that a grid, whose last dimensions change
   * fastest, reaches every branch within a few points.)
   */
  protected static final SearchSpace<Config> CONDITIONAL = SearchSpace.builder()
      .real("x", -5, 10)
      .integer("units", 16, 256, Scale.LOG)
      .choice(Dimension.categorical("optimizer", "sgd", "momentum", "adam"),
          SearchSpace.builder().build(),
          SearchSpace.builder().real("rate", 0, 1).build(),
          SearchSpace.builder()
              .real("beta1", 0.8, 0.999)
              .real("beta2", 1e-4, 1e-1, Scale.LOG)
              .bool("amsgrad")
              .add(Dimension.integer("warmup", 0, 20), Condition.of("amsgrad", "true"))
              .build())
      .build();

  /**
   * Trials in the histories of the model-phase tests: past TPE's 10 start-up trials, the GP's 5,
   * two CMA-ES generations (4 + 3 ln 6 = 9 trials each) and three genetic populations of 8.
   */
  private static final int HISTORY = 30;

  /** For the subclass of each implementation under test. */
  protected SamplerContract() {}

  /** The sampler under test, seeded with {@code seed} where it takes one. */
  protected abstract Sampler sampler(long seed);

  /** The spaces of the model-phase tests; a grid without points for reals has only {@link #SPACE}. */
  protected List<SearchSpace<Config>> spaces() {
    return List.of(SPACE, CONTINUOUS, CONDITIONAL);
  }

  /**
   * Whether the sampler learns from the values of the trials before, so that a long enough history
   * of other values changes its proposal; random, Sobol and grid samplers do not.
   */
  protected boolean learnsFromValues() {
    return true;
  }

  protected static SamplerContext context(SearchSpace<?> space, long number, List<FrozenTrial> history) {
    return new SamplerContext(space, number, List.of(Direction.MINIMIZE), history);
  }

  @Test
  void proposesAValueForEveryDimensionWithinItsRange() {
    Sampler sampler = sampler(1);
    List<FrozenTrial> history = new ArrayList<>();
    for (int n = 0; n < 40; n++) {
      Config proposal = sampler.sample(context(SPACE, n, List.copyOf(history)));
      Config checked = SPACE.check(proposal.asMap());
      assertEquals(SPACE.dimensions().size(), checked.names().size());
      history.add(Snapshots.complete(n, storedForm(proposal), n));
    }
  }

  /**
   * A conditional space shaped like {@link #CONDITIONAL} (the same choice and branches) for
   * {@link #proposesValidConfigurationsOfAConditionalSpace}; a plain grid, which cannot cover
   * reals, gives one with steps.
   */
  protected SearchSpace<Config> conditionalSpace() {
    return CONDITIONAL;
  }

  /**
   * On a conditional space, each proposal is a configuration the space allows (the active
   * dimensions only), and across a history every branch of its choice is reached.
   */
  @Test
  void proposesValidConfigurationsOfAConditionalSpace() {
    SearchSpace<Config> space = conditionalSpace();
    Sampler sampler = sampler(3);
    List<FrozenTrial> history = new ArrayList<>();
    Set<Object> branches = new TreeSet<>();
    for (int n = 0; n < 40; n++) {
      Config proposal = sampler.sample(context(space, n, List.copyOf(history)));
      Config stored = storedForm(space, proposal);
      assertEquals(stored, space.check(stored.asMap()), "trial " + n);
      branches.add(stored.get("optimizer"));
      history.add(trial(space, n, stored, 0));
    }
    assertEquals(Set.of("sgd", "momentum", "adam"), branches, "branches in 40 proposals");
  }

  @Test
  void theSameContextGivesTheSamePointWhateverCameBefore() {
    Sampler first = sampler(7);
    Sampler second = sampler(7);
    List<Config> forward = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      forward.add(first.sample(context(SPACE, n, List.of())));
    }
    for (int n = 9; n >= 0; n--) {
      assertEquals(forward.get(n), second.sample(context(SPACE, n, List.of())), "trial " + n);
    }
  }

  /**
   * The model phase is reached: after a long history, the proposals depend on the trials' values
   * (for a sampler that learns) or do not (for one that does not). A sampler still in its start-up
   * phase proposes the same points whatever the values were. Checked over the last few trial
   * numbers, since on a discrete space two histories may happen to lead to one point.
   */
  @Test
  void afterALongHistoryTheProposalsDependOnItsValuesIfTheSamplerLearns() {
    for (SearchSpace<Config> space : spaces()) {
      Histories histories = histories(space);
      int differ = 0;
      for (int n = HISTORY - 3; n <= HISTORY; n++) {
        Config proposal = sampler(7).sample(context(space, n, histories.own.subList(0, n)));
        Config revalued = sampler(7).sample(context(space, n, histories.revalued.subList(0, n)));
        differ += proposal.equals(revalued) ? 0 : 1;
      }
      if (learnsFromValues()) {
        assertNotEquals(0, differ, "the same trials with other values give the same proposals"
            + " on " + space + ": the sampler is still in its start-up phase");
      } else {
        assertEquals(0, differ, "values changed the proposals on " + space);
      }
    }
  }

  /**
   * Reproducible with a history: two samplers with the same seed propose the same point for the
   * same context (or one of equal snapshots), one asking in order, the other in reverse order
   * after other histories.
   */
  @Test
  void afterALongHistoryTheSameContextGivesTheSamePointWhateverCameBefore() {
    List<SamplerContext> contexts = modelPhaseContexts(false);
    List<SamplerContext> copies = modelPhaseContexts(true);
    Sampler first = sampler(7);
    List<Config> forward = new ArrayList<>();
    for (SamplerContext context : contexts) {
      forward.add(first.sample(context));
    }
    Sampler second = sampler(7);
    for (int c = contexts.size() - 1; c >= 0; c--) {
      assertEquals(forward.get(c), second.sample(copies.get(c)), "context " + c + " backwards");
    }
    assertEquals(forward.get(0), first.sample(contexts.get(0)), "context 0 asked again");
  }

  /** Thread-safe with a history: one instance asked from several threads answers as in turn. */
  @Test
  void afterALongHistoryThreadsSharingOneSamplerGetTheSamePoints() throws Exception {
    List<SamplerContext> contexts = modelPhaseContexts(false);
    List<Config> expected = new ArrayList<>();
    for (SamplerContext context : contexts) {
      expected.add(sampler(7).sample(context));
    }
    Sampler shared = sampler(7);
    int threads = 3;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Config[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = t;
        results.add(pool.submit(() -> {
          List<Integer> order = new ArrayList<>();
          for (int c = 0; c < contexts.size(); c++) {
            order.add(c);
          }
          Collections.shuffle(order, new Random(seed));
          Config[] proposals = new Config[contexts.size()];
          go.await();
          for (int c : order) {
            proposals[c] = shared.sample(contexts.get(c));
          }
          return proposals;
        }));
      }
      go.countDown();
      for (Future<Config[]> result : results) {
        assertEquals(expected, List.of(result.get(2, TimeUnit.MINUTES)));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Three histories of {@link #HISTORY} trials: {@code own}, proposed by the sampler under test
   * itself as a study would ask it, told the values of one objective; {@code revalued}, the same
   * trials told another objective's values; {@code other}, random points told the other values.
   */
  private record Histories(
      List<FrozenTrial> own, List<FrozenTrial> revalued, List<FrozenTrial> other) {}

  private Histories histories(SearchSpace<Config> space) {
    List<FrozenTrial> own = new ArrayList<>();
    List<FrozenTrial> revalued = new ArrayList<>();
    Sampler sampler = sampler(7);
    for (int n = 0; n < HISTORY; n++) {
      Config params = storedForm(space, sampler.sample(context(space, n, List.copyOf(own))));
      own.add(trial(space, n, params, 0));
      revalued.add(trial(space, n, params, 1));
    }
    List<FrozenTrial> other = new ArrayList<>();
    Sampler random = Samplers.random(99);
    for (int n = 0; n < HISTORY; n++) {
      Config params = storedForm(space, random.sample(context(space, n, List.of())));
      other.add(trial(space, n, params, 1));
    }
    return new Histories(List.copyOf(own), List.copyOf(revalued), List.copyOf(other));
  }

  /**
   * Trial {@code n} of a history, told the value at {@code params} of objective {@code which}: a
   * quadratic bowl in the unit cube, centred differently for each objective. Every seventh trial
   * from 3 fails, every fifth from 4 is pruned after a curve of its own length, and the last one
   * is still running.
   */
  private static FrozenTrial trial(SearchSpace<Config> space, int n, Config params, int which) {
    double[] unit = space.toUnit(params);
    double value = 0;
    for (int i = 0; i < unit.length; i++) {
      if (Double.isNaN(unit[i])) {
        continue; // inactive
      }
      double centre = which == 0 ? 0.3 + 0.4 * i / unit.length : 0.8 - 0.5 * i / unit.length;
      value += (unit[i] - centre) * (unit[i] - centre);
    }
    TrialState state = n == HISTORY - 1 ? TrialState.RUNNING
        : n % 7 == 3 ? TrialState.FAIL
        : n % 5 == 4 ? TrialState.PRUNED
        : TrialState.COMPLETE;
    TreeMap<Long, Double> curve = new TreeMap<>();
    long steps = state == TrialState.PRUNED ? 1 + n % 3 : 3;
    for (long step = 0; step < steps; step++) {
      curve.put(step, value + 1.0 / (step + 1));
    }
    return Snapshots.trial(n, state,
        state == TrialState.COMPLETE ? new double[] {value} : new double[0], params, curve,
        state == TrialState.FAIL ? "diverged" : null);
  }

  /**
   * For each space, contexts after each history and after a prefix of one, at the trial numbers
   * that follow them; with {@code copies}, over snapshots equal to those of the histories but
   * not the same objects, as a resumed study reads them back.
   */
  private List<SamplerContext> modelPhaseContexts(boolean copies) {
    List<SamplerContext> contexts = new ArrayList<>();
    for (SearchSpace<Config> space : spaces()) {
      Histories histories = histories(space);
      for (List<FrozenTrial> history :
          List.of(histories.own, histories.revalued, histories.other)) {
        List<FrozenTrial> trials = copies ? copy(history) : history;
        contexts.add(context(space, HISTORY, trials));
        if (history == histories.own) {
          contexts.add(context(space, HISTORY - 7, trials.subList(0, HISTORY - 7)));
        }
      }
    }
    return contexts;
  }

  /** Snapshots equal to {@code trials}, none of them the same object. */
  private static List<FrozenTrial> copy(List<FrozenTrial> trials) {
    List<FrozenTrial> copies = new ArrayList<>();
    for (FrozenTrial trial : trials) {
      copies.add(Snapshots.copy(trial));
    }
    return List.copyOf(copies);
  }

  /** {@code config} as a study stores it: categorical choices by label. */
  protected static Config storedForm(Config config) {
    return storedForm(SPACE, config);
  }

  /** {@code config}, a proposal in {@code space}, as a study stores it: choices by label. */
  protected static Config storedForm(SearchSpace<?> space, Config config) {
    Config.Builder stored = Config.builder();
    for (String name : config.names()) {
      Object value = config.get(name);
      stored.set(space.dimension(name), value instanceof Enum<?> e ? e.name() : value);
    }
    return stored.build();
  }
}
