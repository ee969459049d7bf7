package dev.tunable.internal.sampler.genetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Direction;
import dev.tunable.FrozenTrial;
import dev.tunable.Sampler;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.annotations.Scale;
import dev.tunable.benchmarks.TestFunction;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneticSamplerTest {
  /** Median over seeds of the best value {@code sampler} finds on {@code function}. */
  private static double medianRegret(TestFunction function, boolean genetic, int trials) {
    double[] regrets = new double[9];
    for (int seed = 0; seed < regrets.length; seed++) {
      Sampler sampler = genetic ? Samplers.genetic(seed) : Samplers.random(seed);
      Study study = Study.builder().sampler(sampler).progress(false).build();
      double best =
          study.optimize(function.space(), trials, t -> function.apply(t.params())).value();
      regrets[seed] = function.regret(best);
    }
    Arrays.sort(regrets);
    return regrets[regrets.length / 2];
  }

  @Test
  void findsTheBraninOptimumBetterThanRandom() {
    double genetic = medianRegret(TestFunction.branin(), true, 200);
    double random = medianRegret(TestFunction.branin(), false, 200);
    assertTrue(genetic < 0.02, "genetic regret " + genetic);
    assertTrue(genetic < random / 4, "genetic " + genetic + " vs random " + random);
  }

  @Test
  void findsTheSphereOptimumBetterThanRandom() {
    TestFunction sphere = TestFunction.sphere(10);
    double genetic = medianRegret(sphere, true, 300);
    double random = medianRegret(sphere, false, 300);
    assertTrue(genetic < random / 5, "genetic " + genetic + " vs random " + random);
  }

  @Test
  void maximizesAndHandlesEveryKindOfDimension() {
    SearchSpace<Config> space = SearchSpace.builder()
        .real("lr", 1e-4, 1, Scale.LOG)
        .integer("units", 1, 64)
        .add(dev.tunable.Dimension.real("dropout", 0, 0.5).withStep(0.1))
        .categorical("activation", "relu", "tanh", "gelu")
        .bool("bias")
        .build();
    // Best at lr = 0.01, units = 32, dropout = 0.2, gelu, bias on: value 5.
    Study study = Study.builder().direction(Direction.MAXIMIZE)
        .sampler(Samplers.genetic(4)).progress(false).build();
    FrozenTrial best = study.optimize(space, 300, t -> {
      Config c = t.params();
      return 5 - Math.abs(Math.log10(c.getDouble("lr")) + 2)
          - Math.abs(c.getInt("units") - 32) / 32.0
          - Math.abs(c.getDouble("dropout") - 0.2) - (c.get("activation").equals("gelu") ? 0 : 1)
          - (c.getBoolean("bias") ? 0 : 1);
    }).snapshot();
    assertEquals("gelu", best.params().get("activation"));
    assertEquals(true, best.params().get("bias"));
    assertTrue(best.value() > 4.5, best.toString());
  }

  @Test
  void constraintsSteerTheSingleObjectiveSearchToTheFeasibleOptimum() {
    // Minimize x0 + x1 on [0,1]^2 subject to x0 >= 0.7: the constrained optimum is 0.7.
    SearchSpace<Config> space = Nsga2Test.cube(2);
    Study study = Study.builder().sampler(Samplers.genetic(2)).progress(false).build();
    FrozenTrial best = study.optimize(space, 200, t -> {
      t.setConstraints(0.7 - t.params().getDouble("x0"));
      return t.params().getDouble("x0") + t.params().getDouble("x1");
    }).snapshot();
    assertTrue(best.isFeasible());
    assertTrue(best.value() < 0.75, best.toString());
    List<FrozenTrial> bests = study.bestTrials();
    assertEquals(List.of(best), bests);
  }

  @Test
  void theSameSeedGivesTheSameTrials() {
    assertEquals(run(3), run(3));
  }

  private static List<Map<String, Object>> run(long seed) {
    Study study = Study.builder().sampler(Samplers.genetic(seed)).progress(false).build();
    TestFunction branin = TestFunction.branin();
    study.optimize(branin.space(), 60, t -> branin.apply(t.params()));
    return study.trials().stream().map(t -> t.params().asMap()).toList();
  }
}
