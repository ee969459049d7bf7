package dev.tunable.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TestFunctionTest {
  static Iterable<TestFunction> functions() {
    return TestFunction.all();
  }

  @ParameterizedTest
  @MethodSource("functions")
  void takesItsPublishedOptimumAtItsPublishedMinimizer(TestFunction function) {
    assertEquals(function.optimum(), function.apply(function.minimizer()), 1e-5, function.name());
  }

  @ParameterizedTest
  @MethodSource("functions")
  void noRandomPointBeatsTheOptimum(TestFunction function) {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 2000; i++) {
      double[] unit = random.doubles(function.space().size()).toArray();
      Config config = function.space().fromUnit(unit);
      assertTrue(function.apply(config) >= function.optimum() - 1e-9, config::toString);
    }
  }

  @Test
  void publishedValues() {
    assertEquals(0.397887, TestFunction.branin().optimum(), 1e-6);
    assertEquals(-3.32237, TestFunction.hartmann6().optimum(), 1e-5);
    TestFunction branin = TestFunction.branin();
    assertEquals(0.397887, branin.apply(config(branin, -Math.PI, 12.275)), 1e-6);
    assertEquals(0.397887, branin.apply(config(branin, 9.42478, 2.475)), 1e-6);
    // Rosenbrock at the origin: (d - 1) terms of (0 - 1)^2.
    TestFunction rosenbrock = TestFunction.rosenbrock(5);
    assertEquals(4, rosenbrock.apply(config(rosenbrock, 0, 0, 0, 0, 0)));
    // Hartmann6's local minimum, which traps many optimisers.
    TestFunction hartmann = TestFunction.hartmann6();
    assertEquals(
        -3.20316,
        hartmann.apply(config(hartmann, 0.40465, 0.88244, 0.84610, 0.57399, 0.13893, 0.03850)),
        1e-4);
  }

  @Test
  void publishedValuesOfTheAddedFunctions() {
    // Goldstein–Price's local minima (Goldstein and Price 1971): 30 at (-0.6, -0.4), 84 at
    // (1.8, 0.2), 840 at (1.2, 0.8).
    TestFunction goldsteinPrice = TestFunction.goldsteinPrice();
    assertEquals(30, goldsteinPrice.apply(config(goldsteinPrice, -0.6, -0.4)), 1e-9);
    assertEquals(84, goldsteinPrice.apply(config(goldsteinPrice, 1.8, 0.2)), 1e-9);
    assertEquals(840, goldsteinPrice.apply(config(goldsteinPrice, 1.2, 0.8)), 1e-9);
    // Beale at the origin: 1.5^2 + 2.25^2 + 2.625^2.
    TestFunction beale = TestFunction.beale();
    assertEquals(14.203125, beale.apply(config(beale, 0, 0)), 1e-12);
    // Ackley 30-D at (1, ..., 1): -20 e^-0.2 - e + 20 + e.
    TestFunction ackley = TestFunction.byName("ackley30");
    double[] ones = new double[30];
    java.util.Arrays.fill(ones, 1);
    assertEquals(20 - 20 * Math.exp(-0.2), ackley.apply(config(ackley, ones)), 1e-9);
  }

  @Test
  void integersAndCategoricalsInteract() {
    TestFunction function = TestFunction.integersAndCategoricals();
    Map<String, Object> values = new java.util.HashMap<>(function.minimizer().asMap());
    values.put("pair", "u");
    assertEquals(0.5, function.apply(function.space().check(values)), 1e-12);
    values.put("level", "c");
    // level c costs 0.3 and doubles the pair's 0.5
    assertEquals(1.3, function.apply(function.space().check(values)), 1e-12);
    values.put("n1", 11L);
    values.put("n2", 3L);
    assertEquals(3.3, function.apply(function.space().check(values)), 1e-12);
  }

  @Test
  void theNoisyFunctionAddsNoiseOfItsStandardDeviationToWhatASamplerSees() {
    TestFunction noisy = TestFunction.noisyBranin();
    Config minimizer = noisy.minimizer();
    SplittableRandom random = new SplittableRandom(3);
    double sum = 0;
    double squares = 0;
    int n = 20_000;
    for (int i = 0; i < n; i++) {
      double deviation = noisy.observe(minimizer, random) - noisy.optimum();
      sum += deviation;
      squares += deviation * deviation;
    }
    assertEquals(0, sum / n, 0.01);
    assertEquals(0.2, Math.sqrt(squares / n), 0.005);
    assertEquals(noisy.optimum(), noisy.apply(minimizer), 1e-6);
    TestFunction branin = TestFunction.branin();
    assertEquals(branin.apply(minimizer), branin.observe(minimizer, random));
  }

  @Test
  void hartmann3TakesItsPublishedMinimum() {
    TestFunction hartmann3 = TestFunction.hartmann3();
    assertEquals(-3.86278, hartmann3.apply(hartmann3.minimizer()), 1e-5);
    noRandomPointBeatsTheOptimum(hartmann3);
  }

  @Test
  void branchesTakeTheirMinimaAndOnlyBraninReachesZero() {
    TestFunction branches = TestFunction.branches();
    SearchSpace<Config> space = branches.space();
    assertEquals(0, branches.apply(branches.minimizer()), 1e-6);
    assertEquals(0.8, branches.apply(space.check(Map.of("branch", "constant"))));
    assertEquals(0.5, branches.apply(space.check(
        Map.of("branch", "quadratic", "branch.quadratic.n", 3L, "branch.quadratic.y", 0.7))));
    assertEquals(0.5 + 0.05 * 4 + 0.01, branches.apply(space.check(
        Map.of("branch", "quadratic", "branch.quadratic.n", 1L, "branch.quadratic.y", 0.8))),
        1e-12);
    assertEquals(0.2, branches.apply(space.check(Map.of("branch", "hartmann3",
        "branch.hartmann3.x1", 0.114614, "branch.hartmann3.x2", 0.555649,
        "branch.hartmann3.x3", 0.852547))), 1e-5);
    // Branin's other two minimizers are minima of the branch too.
    assertEquals(0, branches.apply(space.check(
        Map.of("branch", "branin", "branch.branin.x1", -Math.PI, "branch.branin.x2", 12.275))),
        1e-6);
    noRandomPointBeatsTheOptimum(branches);
  }

  @Test
  void theConstantBranchBeatsMostRandomPoints() {
    // What makes the function a test of branch choice: random points of the best branch seldom
    // beat the constant branch, which every other branch's minimum beats.
    TestFunction branches = TestFunction.branches();
    SplittableRandom random = new SplittableRandom(3);
    Map<String, int[]> beatsConstant = new java.util.TreeMap<>();
    for (int i = 0; i < 8000; i++) {
      Config config = branches.space().fromUnit(
          random.doubles(branches.space().size()).toArray());
      int[] counts = beatsConstant.computeIfAbsent(config.getString("branch"), b -> new int[2]);
      counts[0] += branches.apply(config) < TestFunction.CONSTANT_BRANCH ? 1 : 0;
      counts[1]++;
    }
    assertEquals(List.of("branin", "constant", "hartmann3", "quadratic"),
        List.copyOf(beatsConstant.keySet()));
    for (var entry : beatsConstant.entrySet()) {
      double share = (double) entry.getValue()[0] / entry.getValue()[1];
      assertTrue(share < 0.25, entry.getKey() + " beats the constant in " + share);
    }
    double branin = (double) beatsConstant.get("branin")[0] / beatsConstant.get("branin")[1];
    assertTrue(branin > 0.03 && branin < 0.12, "branin beats the constant in " + branin);
  }

  @Test
  void regretIsFlooredSoItsLogIsFinite() {
    TestFunction sphere = TestFunction.sphere(10);
    assertEquals(1e-12, sphere.regret(0));
    assertEquals(2.5, sphere.regret(2.5));
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TestFunction.byName("braninn"));
    assertTrue(e.getMessage().contains("branin, hartmann6"), e.getMessage());
    assertEquals("rosenbrock5", TestFunction.byName("Rosenbrock5").name());
  }

  private static Config config(TestFunction function, double... x) {
    java.util.LinkedHashMap<String, Object> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      values.put(function.space().dimensions().get(i).name(), x[i]);
    }
    return function.space().check(Map.copyOf(values));
  }
}
