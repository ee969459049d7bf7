package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.annotations.Scale;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class DimensionTest {

  enum Penalty { L1, L2, ELASTIC_NET }

  @Test
  void realLinearRoundTripsAndMapsEnds() {
    RealDimension x = Dimension.real("x", -5, 10);
    assertEquals(-5.0, x.fromUnit(0));
    assertEquals(10.0, x.fromUnit(1));
    assertEquals(2.5, x.fromUnit(0.5));
    for (double v : new double[] {-5, -1.25, 0, 3.3, 10}) {
      assertEquals(v, x.fromUnit(x.toUnit(v)), 1e-12);
    }
  }

  @Test
  void realLogIsUniformInTheLogarithm() {
    RealDimension lr = Dimension.real("lr", 1e-5, 1e-1, Scale.LOG);
    assertEquals(1e-3, lr.fromUnit(0.5), 1e-15);
    assertEquals(0.25, lr.toUnit(1e-4), 1e-12);
    SplittableRandom random = new SplittableRandom(7);
    double[] logs = new double[2000];
    for (int i = 0; i < logs.length; i++) {
      logs[i] = Math.log10(lr.fromUnit(random.nextDouble()));
    }
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(-5, -1), logs);
    assertTrue(p > 0.01, "log10 of samples should be uniform on [-5, -1], KS p = " + p);
  }

  @Test
  void realStepGivesEveryGridValueAnEqualCell() {
    RealDimension dropout = Dimension.real("dropout", 0, 1).withStep(0.25);
    assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), dropout.gridValues(0));
    assertEquals(0.0, dropout.fromUnit(0.19));
    assertEquals(0.25, dropout.fromUnit(0.21));
    assertEquals(1.0, dropout.fromUnit(1));
    for (double v : dropout.gridValues(0)) {
      assertEquals(v, dropout.fromUnit(dropout.toUnit(v)));
    }
    assertTrue(dropout.isDiscrete());
    IllegalArgumentException off = assertThrows(IllegalArgumentException.class, () -> dropout.check(0.3));
    assertEquals(
        "hyperparameter 'dropout': 0.3 (Double) is not allowed; expected a real in [0.0, 1.0] in steps of 0.25",
        off.getMessage());
  }

  @Test
  void aSteppedRealCountsItsValuesAndAContinuousOneHasNoCount() {
    assertEquals(5, Dimension.real("dropout", 0, 1).withStep(0.25).stepCount());
    assertEquals(11, Dimension.real("x", -0.5, 0.5).withStep(0.1).stepCount());
    assertEquals(
        Dimension.real("x", 1, 4).withStep(0.5).gridValues(0).size(),
        Dimension.real("x", 1, 4).withStep(0.5).stepCount());
    IllegalStateException continuous =
        assertThrows(IllegalStateException.class, () -> Dimension.real("x", 0, 1).stepCount());
    assertTrue(continuous.getMessage().contains("'x' is continuous"), continuous.getMessage());
  }

  @Test
  void aVisitorIsCalledForTheDimensionsOwnKind() {
    Dimension.Visitor<String> kind = new Dimension.Visitor<>() {
      @Override
      public String visitReal(RealDimension dimension) {
        return "real " + dimension.name();
      }

      @Override
      public String visitInteger(IntegerDimension dimension) {
        return "integer " + dimension.name();
      }

      @Override
      public String visitCategorical(CategoricalDimension<?> dimension) {
        return "categorical " + dimension.name();
      }

      @Override
      public String visitBoolean(BooleanDimension dimension) {
        return "boolean " + dimension.name();
      }
    };
    assertEquals("real x", Dimension.real("x", 0, 1).accept(kind));
    assertEquals("integer n", Dimension.integer("n", 0, 1).accept(kind));
    assertEquals("categorical p", Dimension.categorical("p", Penalty.class).accept(kind));
    assertEquals("boolean b", Dimension.bool("b").accept(kind));
  }

  @Test
  void integerLinearGivesEachValueAnEqualShare() {
    IntegerDimension depth = Dimension.integer("depth", 1, 4);
    int[] counts = new int[5];
    for (int i = 0; i < 4000; i++) {
      counts[(int) (long) depth.fromUnit((i + 0.5) / 4000)]++;
    }
    assertEquals(0, counts[0]);
    for (int v = 1; v <= 4; v++) {
      assertEquals(1000, counts[v], "value " + v);
      assertEquals(v, depth.fromUnit(depth.toUnit((long) v)));
    }
  }

  @Test
  void integerLogGivesEachValueItsLogarithmicCell() {
    IntegerDimension units = Dimension.integer("units", 1, 1024, Scale.LOG);
    for (long v = 1; v <= 1024; v++) {
      assertEquals(v, units.fromUnit(units.toUnit(v)), "round trip of " + v);
    }
    // Value v owns [v - 0.5, v + 0.5] in log space: 1 owns log(3) of log(2049) of the interval.
    int ones = 0;
    int n = 100_000;
    for (int i = 0; i < n; i++) {
      if (units.fromUnit((i + 0.5) / n) == 1) {
        ones++;
      }
    }
    assertEquals(Math.log(3) / Math.log(1024.5 / 0.5), (double) ones / n, 1e-4);
  }

  @Test
  void integerStepVisitsOnlyMultiples() {
    IntegerDimension batch = Dimension.integer("batch", 8, 64).withStep(8);
    assertEquals(List.of(8L, 16L, 24L, 32L, 40L, 48L, 56L, 64L), batch.gridValues(0));
    assertEquals(8, batch.count());
    for (long v : batch.gridValues(0)) {
      assertEquals(v, batch.fromUnit(batch.toUnit(v)));
    }
    assertThrows(IllegalArgumentException.class, () -> batch.check(12L));
    assertEquals(16L, batch.check(16));
    assertEquals(16L, batch.check(16.0));
    assertThrows(IllegalArgumentException.class, () -> batch.check(16.5));
  }

  @Test
  void categoricalOverEnumConstantsAndLabels() {
    CategoricalDimension<Penalty> penalty = Dimension.categorical("penalty", Penalty.class);
    assertEquals(Penalty.L1, penalty.fromUnit(0));
    assertEquals(Penalty.ELASTIC_NET, penalty.fromUnit(1));
    for (Penalty p : Penalty.values()) {
      assertEquals(p, penalty.fromUnit(penalty.toUnit(p)));
    }
    assertEquals(Penalty.L2, penalty.parse("L2"));
    assertEquals(Penalty.L2, penalty.check("L2"));
    assertEquals("ELASTIC_NET", penalty.format(Penalty.ELASTIC_NET));
    IllegalArgumentException typo = assertThrows(IllegalArgumentException.class, () -> penalty.parse("l3"));
    assertTrue(typo.getMessage().contains("'penalty'"), typo.getMessage());
    assertTrue(typo.getMessage().contains("one of [L1, L2, ELASTIC_NET]"), typo.getMessage());
    assertTrue(typo.getMessage().contains("did you mean 'L1'?"), typo.getMessage());
  }

  @Test
  void nullIsRejectedWithTheDimensionsName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dimension.categorical("penalty", Penalty.class).check(null));
    assertEquals("hyperparameter 'penalty': null is not allowed; expected one of [L1, L2, ELASTIC_NET]",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Dimension.real("x", 0, 1).check(null));
    assertThrows(IllegalArgumentException.class, () -> Dimension.integer("n", 0, 1).check(null));
    assertThrows(IllegalArgumentException.class, () -> Dimension.bool("b").check(null));
  }

  @Test
  void categoricalRejectsDuplicatesAndEmptiness() {
    assertThrows(IllegalArgumentException.class, () -> Dimension.categorical("a", "x", "x"));
    assertThrows(IllegalArgumentException.class, () -> Dimension.categorical("a"));
  }

  @Test
  void booleanParsesStrictly() {
    BooleanDimension shuffle = Dimension.bool("shuffle");
    assertEquals(true, shuffle.parse("true"));
    assertEquals(false, shuffle.parse(" false "));
    assertThrows(IllegalArgumentException.class, () -> shuffle.parse("yes"));
    assertFalse(shuffle.fromUnit(shuffle.toUnit(false)));
    assertTrue(shuffle.fromUnit(shuffle.toUnit(true)));
  }

  @Test
  void numbersAreCheckedAgainstTheRangeWithAClearMessage() {
    RealDimension lr = Dimension.real("learningRate", 1e-4, 1e-1, Scale.LOG);
    IllegalArgumentException high = assertThrows(IllegalArgumentException.class, () -> lr.check(2.0));
    assertEquals(
        "hyperparameter 'learningRate': 2.0 (Double) is not allowed; expected a real in [1.0E-4, 0.1] (log scale)",
        high.getMessage());
    assertThrows(IllegalArgumentException.class, () -> lr.check(Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> lr.parse("fast"));
    assertEquals(0.01, lr.parse(" 0.01"));
  }

  @Test
  void badDeclarationsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> Dimension.real("x", 1, 1));
    assertThrows(IllegalArgumentException.class, () -> Dimension.real("x", 2, 1));
    assertThrows(IllegalArgumentException.class, () -> Dimension.real("x", 0, Double.POSITIVE_INFINITY));
    assertThrows(IllegalArgumentException.class, () -> Dimension.real("x", 0, 1, Scale.LOG));
    assertThrows(IllegalArgumentException.class, () -> Dimension.real("x", 0, 1).withStep(0.3));
    assertThrows(IllegalArgumentException.class, () -> Dimension.real("x", 1, 2, Scale.LOG).withStep(0.5));
    assertThrows(IllegalArgumentException.class, () -> Dimension.integer("n", 0, 10, Scale.LOG));
    assertThrows(IllegalArgumentException.class, () -> Dimension.integer("n", 0, 10).withStep(3));
    assertThrows(IllegalArgumentException.class, () -> Dimension.real(" ", 0, 1));
  }

  @Test
  void continuousGridNeedsAPointCount() {
    RealDimension x = Dimension.real("x", 1, 100, Scale.LOG);
    assertEquals(List.of(1.0, 10.0, 100.0), x.gridValues(3).stream().map(v -> Math.rint(v * 1e9) / 1e9).toList());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.gridValues(0));
    assertTrue(e.getMessage().contains("'x' is continuous"), e.getMessage());
  }

  @Test
  void namesThatCannotBeConfigurationKeysAreRejected() {
    // Accepted before, then unusable: overriddenBy("a=b=0.25") looked for a hyperparameter 'a'.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SearchSpace.builder().real("a=b", 0, 1));
    assertTrue(e.getMessage().startsWith("[InvalidName] dimension name 'a=b' cannot be a key"),
        e.getMessage());
    for (String bad : List.of("a b", "1x", "x!", "é")) {
      assertThrows(IllegalArgumentException.class, () -> Dimension.bool(bad), bad);
    }
    for (String good : List.of("x", "_x", "x.y", "learning-rate", "layer_2")) {
      assertEquals(good, Dimension.bool(good).name());
    }
    IllegalArgumentException blank =
        assertThrows(IllegalArgumentException.class, () -> Dimension.integer("", 0, 1));
    assertTrue(blank.getMessage().startsWith("[BlankName]"), blank.getMessage());
  }

  @Test
  void realRangeWhoseWidthOverflowsIsRejectedInsteadOfMappingToNaN() {
    // high - low was +Infinity, so fromUnit(0) gave NaN, which the dimension's own check rejected.
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dimension.real("x", -1e308, 1e308));
    assertEquals("[RangeTooWide] dimension 'x': range [-1.0E308, 1.0E308] is wider than the"
        + " largest double, so values inside it cannot be computed; narrow the range",
        e.getMessage());
    RealDimension widest = Dimension.real("x", -Double.MAX_VALUE / 2, Double.MAX_VALUE / 2);
    assertEquals(-Double.MAX_VALUE / 2, widest.fromUnit(0));
    assertEquals(Double.MAX_VALUE / 2, widest.fromUnit(1));
  }

  @Test
  void choiceWithWhiteSpaceAtAnEndIsRejectedSinceParsingCouldNotReadItBack() {
    // " relu" was handed out, written to configurations, and parsed back as "relu": unknown.
    IllegalArgumentException padded = assertThrows(IllegalArgumentException.class,
        () -> Dimension.categorical("activation", " relu", "tanh"));
    assertEquals("[PaddedChoice] dimension 'activation': choice ' relu' starts or ends with white"
        + " space, which configuration files drop, so it could not be read back; use 'relu'",
        padded.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Dimension.categorical("a", "x", "y\t"));
    IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
        () -> Dimension.categorical("activation", "relu", " "));
    assertTrue(blank.getMessage().startsWith("[BlankChoice]"), blank.getMessage());
    CategoricalDimension<String> inner = Dimension.categorical("a", "two words", "x");
    assertEquals("two words", inner.parse(inner.format(inner.fromUnit(0))));
  }

  @Test
  void valuesHeldAsFloatNeedFloatBoundsAndAnExactGrid() {
    RealDimension dropout = new RealDimension("dropout", 0f, 0.5f, Scale.LINEAR, 0.125f).asFloat();
    assertTrue(dropout.isFloat());
    assertEquals(List.of(0.0, 0.125, 0.25, 0.375, 0.5), dropout.gridValues(0));
    IllegalArgumentException inexact = assertThrows(IllegalArgumentException.class,
        () -> Dimension.real("rate", 0, 1).withStep(0.1).asFloat());
    assertTrue(inexact.getMessage().startsWith("[InexactFloatStep] dimension 'rate': 0.1, a value"
        + " of the grid over [0.0, 1.0], is not an exact float"), inexact.getMessage());
    assertEquals(0.1, Dimension.real("rate", 0, 1).withStep(0.1).gridValues(0).get(1));
    IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
        () -> Dimension.real("weight", 0, 1e39).asFloat());
    assertTrue(wide.getMessage().startsWith("[BoundOutOfType] dimension 'weight': bound 1.0E39 is"
        + " beyond the range of the values' type, which ends at 3.4028234663852886E38"),
        wide.getMessage());
    assertEquals((double) 0.1f, Dimension.real("momentum", 0.1, 0.9).asFloat().low());
  }

  @Test
  void aValueHeldAsFloatIsCheckedAsTheFloatItBecomes() {
    // The bound 0.9 is held as 0.9f, below 0.9: a file's 0.9 is 0.9f and allowed.
    RealDimension momentum = Dimension.real("momentum", 0.1, 0.9).asFloat();
    assertEquals((double) 0.9f, momentum.parse("0.9"));
    assertEquals((double) 0.1f, momentum.check(0.1));
    assertThrows(IllegalArgumentException.class, () -> momentum.check(0.9000001));
    assertThrows(IllegalArgumentException.class,
        () -> Dimension.real("m", 0.1, 0.9).check(Math.nextUp(0.9)), "a double is not rounded");
  }

  @Test
  void valuesHeldAsIntOrLongNeedBoundsTheTypeHolds() {
    long exact = 1L << 53;
    assertEquals(exact, Dimension.integer("seed", -exact, exact).high());
    IllegalArgumentException beyond = assertThrows(IllegalArgumentException.class,
        () -> Dimension.integer("seed", 0, exact + 1));
    assertTrue(beyond.getMessage().startsWith("[BoundOutOfType] dimension 'seed': bound"
        + " 9007199254740993 is beyond the range of the values' type, which ends at"
        + " 9007199254740992"), beyond.getMessage());
    IntegerDimension count = Dimension.integer("count", 0, 3_000_000_000L);
    assertThrows(IllegalArgumentException.class, count::asInt);
    assertTrue(Dimension.integer("count", 0, Integer.MAX_VALUE).asInt().isInt());
  }

  @Test
  void aStepThatDoesNotDivideTheRangeSuggestsAnUpperBoundItFits() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dimension.real("rate", 0, 1).withStep(0.3));
    assertEquals("[StepNotDividing] dimension 'rate': step 0.3 does not divide the range [0.0, 1.0];"
        + " use a step that fits a whole number of times, or an upper bound of 0.9", e.getMessage());
    assertEquals(4, Dimension.real("rate", 0, 0.9).withStep(0.3).gridValues(0).size());
  }

  @Test
  void everyProblemOfADeclarationIsNamedAtOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RealDimension("a b", 0, 1, Scale.LOG, 0.3));
    assertEquals("3 problems in the declaration of dimension 'a b':\n"
        + "  - [InvalidName] dimension name 'a b' cannot be a key in configuration files and"
        + " key=value overrides; start with a letter or '_' and use only letters, digits, '_', '-'"
        + " and '.'\n"
        + "  - [LogScaleBound] dimension 'a b': LOG scale needs bounds above 0, got 0.0; use a"
        + " positive lower bound (such as 1.0E-6) or Scale.LINEAR\n"
        + "  - [StepWithLogScale] dimension 'a b': step 0.3 cannot be combined with LOG scale,"
        + " which has no even grid; remove the step or use Scale.LINEAR", e.getMessage());
  }
}
