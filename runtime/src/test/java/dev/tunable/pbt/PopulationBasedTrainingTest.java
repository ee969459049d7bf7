package dev.tunable.pbt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.SearchSpace;
import dev.tunable.annotations.Scale;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PBT on a toy model whose score is its learned weight and which learns at its rate. */
class PopulationBasedTrainingTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("rate", 0.01, 1, Scale.LOG)
      .integer("width", 1, 10)
      .build();

  /** The learned state is {@code weight}; {@code rate} and {@code width} are hyperparameters. */
  static final class Toy {
    final int id;
    double weight;
    double rate;
    long width;

    Toy(int id) {
      this.id = id;
    }
  }

  /** The toy's lifecycle, logging every restore: which model received which weight. */
  static final class ToyTrainable implements Trainable<Toy, Config, Double> {
    final AtomicInteger created = new AtomicInteger();
    final Map<Integer, Double> lastRestore = new ConcurrentHashMap<>();

    @Override
    public Toy create(Config h, long seed) {
      Toy toy = new Toy(created.getAndIncrement());
      apply(h, toy);
      return toy;
    }

    @Override
    public void train(Toy model, int round) {
      model.weight += model.rate;
    }

    @Override
    public double evaluate(Toy model) {
      return model.weight;
    }

    @Override
    public Double capture(Toy model) {
      return model.weight;
    }

    @Override
    public void restore(Double state, Toy model) {
      model.weight = state;
      lastRestore.put(model.id, state);
    }

    @Override
    public void apply(Config h, Toy model) {
      model.rate = h.getDouble("rate");
      model.width = h.getLong("width");
    }
  }

  @Test
  void theWorstCopyTheBestsStateAndExploreOnlyTheExploredDimensions() {
    ToyTrainable trainable = new ToyTrainable();
    PopulationBasedTraining.Result<Toy, Config> result = PopulationBasedTraining.over(SPACE)
        .withPopulation(8).withRounds(6).withQuantile(0.25).withResampleProbability(0)
        .withExplored("rate").withSeed(3)
        .run(trainable);
    // 2 exploits per round between rounds
    assertEquals(2 * 5, result.exploits().size());
    assertEquals(8 * 6, result.history().size());
    for (PopulationBasedTraining.Exploit<Config> e : result.exploits()) {
      assertTrue(e.donorScore() > e.score(), e.toString());
      Config donor = result.hyperparametersOf(e.donor()).get(e.round());
      assertEquals(donor.getLong("width"), e.after().getLong("width"));
      double ratio = e.after().getDouble("rate") / donor.getDouble("rate");
      boolean perturbed = Math.abs(ratio - 0.8) < 1e-9 || Math.abs(ratio - 1.2) < 1e-9;
      boolean clamped = e.after().getDouble("rate") == 1.0 || e.after().getDouble("rate") == 0.01;
      assertTrue(perturbed || clamped, "rate " + donor + " -> " + e.after());
      // the history shows the new hyperparameters from the next round on
      assertEquals(e.after(), result.hyperparametersOf(e.member()).get(e.round() + 1));
      assertEquals(e.before(), result.hyperparametersOf(e.member()).get(e.round()));
    }
    // the last exploit of each member set its weight to the donor's score at that round
    for (PopulationBasedTraining.Exploit<Config> e : result.exploits()) {
      boolean lastForMember = result.exploits().stream()
          .noneMatch(o -> o.member() == e.member() && o.round() > e.round());
      if (lastForMember) {
        assertEquals(e.donorScore(), trainable.lastRestore.get(e.member()), 1e-12);
      }
    }
    // PBT beats the mean of its initial population: weights grow at the best rates found
    double best = result.bestScore();
    double initialMean = 0;
    for (int i = 0; i < 8; i++) {
      initialMean += result.hyperparametersOf(i).get(0).getDouble("rate") * 6 / 8;
    }
    assertTrue(best > initialMean, best + " vs " + initialMean);
    String report = result.report();
    assertTrue(report.contains("(best)"), report);
    // one line per exploit, naming the rate's change (none when clamped) and never the width's
    assertEquals(10, report.lines().filter(l -> l.contains(" copies member ")
        && (l.contains(" rate ") || l.endsWith("no change")) && !l.contains(" width ")).count(),
        report);
  }

  @Test
  void theSameSeedGivesTheSameRunOnAnyNumberOfThreads() {
    PopulationBasedTraining<Config> pbt = PopulationBasedTraining.over(SPACE).withPopulation(6)
        .withRounds(5).withSeed(11);
    var one = pbt.withThreads(1).run(new ToyTrainable());
    var three = pbt.withThreads(3).run(new ToyTrainable());
    assertEquals(one.history(), three.history());
    assertEquals(one.exploits(), three.exploits());
    var other = pbt.withSeed(12).run(new ToyTrainable());
    assertNotEquals(one.history(), other.history());
  }

  @Test
  void integersMoveAndStayInRange() {
    var width = (dev.tunable.IntegerDimension) SPACE.dimension("width");
    java.util.SplittableRandom random = new java.util.SplittableRandom(1);
    for (long value = 1; value <= 10; value++) {
      for (int i = 0; i < 20; i++) {
        long next = (Long) Explorer.perturb(width, value, random);
        assertTrue(next >= 1 && next <= 10, value + " -> " + next);
        assertFalse(next == value && value != 1 && value != 10, value + " did not move");
      }
    }
  }

  @Test
  void settingsAreChecked() {
    assertThrows(IllegalArgumentException.class,
        () -> PopulationBasedTraining.over(SPACE).withPopulation(1));
    assertThrows(IllegalArgumentException.class,
        () -> PopulationBasedTraining.over(SPACE).withQuantile(0.6));
    assertThrows(IllegalArgumentException.class,
        () -> PopulationBasedTraining.over(SPACE).withExplored("nope"));
    assertEquals(List.of(), PopulationBasedTraining.over(SPACE).withPopulation(2).withRounds(1)
        .run(new ToyTrainable()).exploits());
  }

  /** A choice of three optimizers: momentum's setting has a default, adam's none (issue 14). */
  private static final SearchSpace<Config> BRANCHES = SearchSpace.builder()
      .real("rate", 0.01, 1, Scale.LOG)
      .choice(Dimension.categorical("optimizer", "sgd", "momentum", "adam"),
          SearchSpace.builder().build(),
          SearchSpace.builder().real("momentum", 0, 0.99)
              .defaults(Config.builder().set(Dimension.real("momentum", 0, 0.99), 0.9).build())
              .build(),
          SearchSpace.builder().real("beta1", 0.5, 0.999).build())
      .build();

  /** A model that learns faster with momentum or adam, and holds no branch state of its own. */
  static final class BranchTrainable implements Trainable<Toy, Config, Double> {
    @Override
    public Toy create(Config h, long seed) {
      Toy toy = new Toy(0);
      apply(h, toy);
      return toy;
    }

    @Override
    public void train(Toy model, int round) {
      model.weight += model.rate;
    }

    @Override
    public double evaluate(Toy model) {
      return model.weight;
    }

    @Override
    public Double capture(Toy model) {
      return model.weight;
    }

    @Override
    public void restore(Double state, Toy model) {
      model.weight = state;
    }

    @Override
    public void apply(Config h, Toy model) {
      double boost = switch (h.getString("optimizer")) {
        case "momentum" -> 1 + h.getDouble("optimizer.momentum.momentum");
        case "adam" -> 1 + h.getDouble("optimizer.adam.beta1");
        default -> 1;
      };
      model.rate = h.getDouble("rate") * boost;
    }
  }

  @Test
  void exploreMaySwitchAMembersBranchTakingTheNewBranchsDefaultsOrDraws(@TempDir Path directory)
      throws Exception {
    PopulationBasedTraining.Result<Toy, Config> result = PopulationBasedTraining.over(BRANCHES)
        .withPopulation(8).withRounds(12).withResampleProbability(0.5).withSeed(5)
        .run(new BranchTrainable());
    int switched = 0;
    for (PopulationBasedTraining.Exploit<Config> exploit : result.exploits()) {
      Config donor = result.hyperparametersOf(exploit.donor()).get(exploit.round());
      Config after = exploit.after();
      assertEquals(after, BRANCHES.check(after.asMap()), "the values of one branch: " + after);
      String from = donor.getString("optimizer");
      String to = after.getString("optimizer");
      if (from.equals(to)) {
        continue;
      }
      switched++;
      if (to.equals("momentum")) {
        assertEquals(0.9, after.getDouble("optimizer.momentum.momentum"), "its default");
      }
    }
    assertTrue(switched > 0, "some member switched branch");
    long kept = result.exploits().stream().filter(e -> e.after().getString("optimizer").equals(
        result.hyperparametersOf(e.donor()).get(e.round()).getString("optimizer"))).count();
    assertTrue(kept > 0, "a choice is resampled, not moved to a neighbour on every explore");
    assertTrue(result.report().contains(" -> -"), "a switched branch's values go");
    Path file = directory.resolve("pbt.html");
    result.writeReport(file);
    String html = Files.readString(file);
    assertTrue(html.contains("optimizer.adam.beta1"), "a chart of a branch's hyperparameter");
    assertFalse(html.contains("NaN"), "no point drawn for a member without the value");
  }

  @Test
  void withoutResamplingNoMemberSwitchesBranch() {
    PopulationBasedTraining.Result<Toy, Config> result = PopulationBasedTraining.over(BRANCHES)
        .withPopulation(8).withRounds(6).withResampleProbability(0).withSeed(6)
        .run(new BranchTrainable());
    assertFalse(result.exploits().isEmpty());
    for (PopulationBasedTraining.Exploit<Config> exploit : result.exploits()) {
      Config donor = result.hyperparametersOf(exploit.donor()).get(exploit.round());
      assertEquals(donor.getString("optimizer"), exploit.after().getString("optimizer"));
      assertEquals(donor.names(), exploit.after().names());
    }
  }
}
