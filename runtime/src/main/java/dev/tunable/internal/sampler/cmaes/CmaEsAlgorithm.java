package dev.tunable.internal.sampler.cmaes;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.SamplerContext;
import dev.tunable.SearchSpace;
import dev.tunable.TrialState;
import dev.tunable.internal.Seeds;
import dev.tunable.internal.sampler.SpaceEncoding;
import dev.tunable.internal.sampler.cmaes.Search.Proposal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CMA-ES with IPOP restarts and a margin for discrete dimensions, as a stateless {@link Sampler}.
 *
 * <p>The sampler keeps no state between calls: it replays the study. The trials that have a value
 * for every dimension of the space are taken in number order and cut into generations of λ
 * (λ doubles at each restart). A generation is told once all its members have finished, failed
 * and pruned ones ranking worst, or once a generation's worth of later trials have finished, the
 * members still running then ranking worst too: a straggler, or a trial asked for and never told,
 * must not stall the search (should it finish later, the replay takes its value). Members are
 * recognised by drawing them again (a member's randomness depends on the seed, restart,
 * generation and position only), so the update learns from the exact continuous point, not its
 * rounded value. A trial that is not the point the generation would have drawn (an enqueued
 * trial, a trial of another sampler) is injected: learned from as it is, its step clipped. The
 * state after each generation is cached under a digest of the history up to it, so a call costs
 * a pass over the history and at most the generations finished since the last call.
 *
 * <p>Parallel workers share a generation. Candidate k of a generation is fixed by the seed, the
 * restart, the generation and k; a new trial takes the next candidate not taken by a trial of the
 * generation, running or finished, nor by a trial numbered below it that another worker is still
 * proposing (absent from the history). When all λ are taken and some still run, it takes an extra
 * candidate (k ≥ λ) of the same distribution. An extra belongs by its number to the next
 * generation, which is drawn only once the current one is told, so it is injected there: measured
 * at 4 and 8 workers, that did better than leaving the extras out of the update (BENCHMARKS.md).
 *
 * <p>On a conditional space, the Gaussian covers every ordered dimension of every branch, and each
 * unordered one (a choice among branches too) has its categorical distribution. A member's
 * inactive coordinates, which did not affect its value, are those the generation drew for it;
 * selection then ignores them, and a branch's dimensions learn from the members that chose it.
 * (Optuna runs CMA-ES on the dimensions every trial has and samples the others at random.)
 */
public final class CmaEsAlgorithm implements Sampler {
  /** Enough for many studies at once; a study needs only its latest generation. */
  private static final int CACHE_SIZE = 256;

  private final long seed;
  private final CmaEsSettings settings;
  /** Generations told so far, by the digest of the history that produced them. */
  private final Map<Key, Search> cache =
      Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Search> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  public CmaEsAlgorithm(long seed, CmaEsSettings settings) {
    this.seed = seed;
    this.settings = settings;
  }

  @Override
  public Config sample(SamplerContext context) {
    if (context.directions().size() != 1) {
      throw new IllegalArgumentException(
          "the CMA-ES sampler optimizes one objective, but the study has "
              + context.directions().size() + " directions " + context.directions()
              + "; use a multi-objective sampler");
    }
    SearchSpace<?> space = context.space();
    if (space.size() == 0) {
      return space.fromUnit(new double[0]);
    }
    Layout layout = new Layout(space);
    List<Member> members = members(context);
    Key[] keys = prefixKeys(space.dimensions(), context.direction(), members);
    // Resume from the latest generation already told, then tell the ones that finished since.
    int told = members.size();
    Search search = cache.get(keys[told]);
    while (search == null && told > 0) {
      told--;
      search = cache.get(keys[told]);
    }
    if (search == null) {
      search = Search.first(layout, settings, seed);
    }
    int[] finishedFrom = finishedFrom(members);
    while (true) {
      int start = told;
      int end = start + search.lambda();
      if (end > members.size()
          || finishedFrom[start] - finishedFrom[end] < search.lambda()
              && finishedFrom[end] < search.lambda()) {
        // Not told yet: the new trial is the generation's next candidate not taken by a trial,
        // running or finished, or by a trial numbered below it that another worker is still
        // proposing (not in the history yet); an extra one (k ≥ λ) once all λ are taken.
        int k = members.size() - start + proposing(context);
        return space.fromUnit(search.propose(search.memberRandom(k)).unit());
      }
      List<Member> generation = members.subList(start, end);
      Search current = search;
      told = end;
      search = cache.computeIfAbsent(keys[end], key -> tell(current, generation));
    }
  }

  /**
   * How many trials numbered below this one the history lacks: other workers are proposing them
   * from the same history, and each takes the generation's next candidate, in number order.
   */
  private static int proposing(SamplerContext context) {
    long below = context.trials().stream()
        .filter(trial -> trial.number() < context.trialNumber()).count();
    return (int) Math.max(0, context.trialNumber() - below);
  }

  private static Search tell(Search search, List<Member> generation) {
    List<Proposal> proposals = new ArrayList<>();
    double[] scores = new double[generation.size()];
    for (int k = 0; k < generation.size(); k++) {
      Member member = generation.get(k);
      Proposal drawn = search.propose(search.memberRandom(k));
      proposals.add(sameConfiguration(search, drawn.unit(), member.unit())
          ? drawn
          : search.inject(withInactiveFrom(member.unit(), drawn.unit())));
      scores[k] = member.score();
    }
    return search.tell(proposals, scores);
  }

  /** Whether {@code trial} is {@code drawn}: they agree on every dimension active in the trial. */
  private static boolean sameConfiguration(Search search, double[] drawn, double[] trial) {
    for (int i = 0; i < drawn.length; i++) {
      // A NaN coordinate is inactive in the trial, and so in the drawn point if the rest agree.
      if (Math.abs(search.canonical(i, drawn[i]) - trial[i]) > 1e-9) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code trial} with the coordinates of its inactive dimensions (NaN) taken from {@code drawn},
   * a draw of the same generation: they did not affect its value, so they carry no information,
   * and a draw from the distribution moves it no way in expectation.
   */
  private static double[] withInactiveFrom(double[] trial, double[] drawn) {
    double[] point = trial;
    for (int i = 0; i < trial.length; i++) {
      if (Double.isNaN(trial[i])) {
        point = point == trial ? trial.clone() : point;
        point[i] = drawn[i];
      }
    }
    return point;
  }

  /**
   * The trials before this one that have an allowed value for every dimension active in them, in
   * number order; NaN stands for an inactive dimension.
   */
  private static List<Member> members(SamplerContext context) {
    SpaceEncoding encoding = SpaceEncoding.of(context.space());
    Direction direction = context.direction();
    List<FrozenTrial> trials = new ArrayList<>(context.trials());
    trials.sort((a, b) -> Long.compare(a.number(), b.number()));
    List<Member> members = new ArrayList<>();
    for (FrozenTrial trial : trials) {
      if (trial.number() >= context.trialNumber()) {
        continue;
      }
      // Null for a trial of another space that happens to share the names: not ours to learn from.
      double[] unit = encoding.encodeActive(trial.params());
      if (unit == null) {
        continue;
      }
      double score = Double.POSITIVE_INFINITY;
      if (trial.state() == TrialState.COMPLETE && Double.isFinite(trial.value())) {
        score = direction == Direction.MINIMIZE ? trial.value() : -trial.value();
      }
      members.add(new Member(unit, trial.state().isFinished(), score));
    }
    return members;
  }

  /** For each position, how many members from it on have finished. */
  private static int[] finishedFrom(List<Member> members) {
    int[] counts = new int[members.size() + 1];
    for (int m = members.size() - 1; m >= 0; m--) {
      counts[m] = counts[m + 1] + (members.get(m).finished() ? 1 : 0);
    }
    return counts;
  }

  /**
   * The keys of every prefix of the members: key {@code m} digests the space, the direction and
   * the first {@code m} members (points, scores, whether finished), 128 bits of it. The state
   * after a generation depends on nothing else, so it is cached under the key of the prefix that
   * ends with that generation.
   */
  private static Key[] prefixKeys(
      List<Dimension<?>> dimensions, Direction direction, List<Member> members) {
    Key[] keys = new Key[members.size() + 1];
    long high = 0x243F6A8885A308D3L;
    long low = 0x13198A2E03707344L;
    keys[0] = new Key(dimensions, direction, 0, high, low);
    for (int m = 0; m < members.size(); m++) {
      Member member = members.get(m);
      for (double u : member.unit()) {
        long bits = Double.doubleToLongBits(u);
        high = Seeds.mix(high ^ bits) + 0x9E3779B97F4A7C15L;
        low = Seeds.mix(low + bits * 0xC2B2AE3D27D4EB4FL) ^ 0x165667B19E3779F9L;
      }
      long bits = Double.doubleToLongBits(member.score()) ^ (member.finished() ? 1 : 0);
      high = Seeds.mix(high ^ bits) + 0x9E3779B97F4A7C15L;
      low = Seeds.mix(low + bits * 0xC2B2AE3D27D4EB4FL) ^ 0x165667B19E3779F9L;
      keys[m + 1] = new Key(dimensions, direction, m + 1, high, low);
    }
    return keys;
  }

  /** A trial as the replay sees it: its point, whether it finished, its score (lower is better). */
  private record Member(double[] unit, boolean finished, double score) {}

  /** What the state after some members depends on: the space, the direction and their digest. */
  private record Key(
      List<Dimension<?>> dimensions, Direction direction, int members, long high, long low) {}
}
