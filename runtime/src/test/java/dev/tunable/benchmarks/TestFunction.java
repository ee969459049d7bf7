package dev.tunable.benchmarks;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.SearchSpace;
import dev.tunable.annotations.Scale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * A benchmark function to minimise: its search space (the function's usual domain), its known
 * minimum and one point where the minimum is reached. The formulas and domains are the standard
 * ones of Surjanovic and Bingham's Virtual Library of Simulation Experiments (sfu.ca/~ssurjano).
 *
 * @param name the name the benchmark harness knows the function by
 * @param space the domain, one dimension per variable {@code x1, x2, ...}
 * @param optimum the known minimum value
 * @param minimizer one point of {@code space} where {@code f} takes {@code optimum}
 * @param f the function
 * @param noise the standard deviation of the Gaussian noise a sampler sees added to {@code f}
 *     ({@link #observe}); 0 for a noiseless function
 */
public record TestFunction(
    String name,
    SearchSpace<Config> space,
    double optimum,
    Config minimizer,
    ToDoubleFunction<Config> f,
    double noise) {

  /** A noiseless function. */
  public TestFunction(String name, SearchSpace<Config> space, double optimum, Config minimizer,
      ToDoubleFunction<Config> f) {
    this(name, space, optimum, minimizer, f, 0);
  }

  /** The function's value at {@code config}, without noise. */
  public double apply(Config config) {
    return f.applyAsDouble(config);
  }

  /** The value a sampler sees at {@code config}: {@link #apply} plus the function's noise. */
  public double observe(Config config, RandomGenerator random) {
    double value = apply(config);
    return noise > 0 ? value + noise * random.nextGaussian() : value;
  }

  /** {@code value - optimum}, floored at {@code 1e-12} so that its log is finite. */
  public double regret(double value) {
    return Math.max(value - optimum, 1e-12);
  }

  /** Every function, by name. */
  public static List<TestFunction> all() {
    return List.of(
        branin(),
        hartmann6(),
        rosenbrock(5),
        ackley(5),
        styblinskiTang(5),
        levy(5),
        rastrigin(5),
        sixHumpCamel(),
        sphere(10),
        offCentreSphere(6),
        mixed(),
        goldsteinPrice(),
        beale(),
        noisyBranin(),
        integersAndCategoricals(),
        ackley(30));
  }

  /** The function named {@code name} (case-insensitive). */
  public static TestFunction byName(String name) {
    for (TestFunction function : all()) {
      if (function.name.equalsIgnoreCase(name)) {
        return function;
      }
    }
    throw new IllegalArgumentException(
        "no test function named '"
            + name
            + "'; known: "
            + all().stream().map(TestFunction::name).collect(Collectors.joining(", ")));
  }

  /** Branin–Hoo on x1 in [-5, 10], x2 in [0, 15]; three global minima of 5/(4π) ≈ 0.397887. */
  public static TestFunction branin() {
    SearchSpace<Config> space = SearchSpace.builder().real("x1", -5, 10).real("x2", 0, 15).build();
    return new TestFunction(
        "branin",
        space,
        5 / (4 * Math.PI),
        point(space, Math.PI, 2.275),
        c -> {
          double x1 = c.getDouble("x1");
          double x2 = c.getDouble("x2");
          double b = 5.1 / (4 * Math.PI * Math.PI);
          double r = x2 - b * x1 * x1 + 5 / Math.PI * x1 - 6;
          return r * r + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
        });
  }

  private static final double[] HARTMANN_ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] HARTMANN_A = {
    {10, 3, 17, 3.5, 1.7, 8},
    {0.05, 10, 17, 0.1, 8, 14},
    {3, 3.5, 1.7, 10, 17, 8},
    {17, 8, 0.05, 10, 0.1, 14}
  };
  private static final double[][] HARTMANN_P = {
    {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886},
    {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
    {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650},
    {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}
  };

  /** Hartmann 6-D on [0, 1]^6; minimum -3.32237 (a local minimum at -3.20316 traps many). */
  public static TestFunction hartmann6() {
    SearchSpace<Config> space = cube(6, 0, 1);
    return new TestFunction(
        "hartmann6",
        space,
        -3.32236801141551,
        point(space, 0.20168952, 0.15001069, 0.47687398, 0.27533243, 0.31165162, 0.65730054),
        c -> {
          double[] x = vector(c, 6);
          double sum = 0;
          for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 6; j++) {
              double d = x[j] - HARTMANN_P[i][j];
              inner += HARTMANN_A[i][j] * d * d;
            }
            sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
          }
          return -sum;
        });
  }

  /** Rosenbrock on [-5, 10]^d; minimum 0 at (1, ..., 1). */
  public static TestFunction rosenbrock(int d) {
    SearchSpace<Config> space = cube(d, -5, 10);
    return new TestFunction(
        "rosenbrock" + d,
        space,
        0,
        point(space, filled(d, 1)),
        c -> {
          double[] x = vector(c, d);
          double sum = 0;
          for (int i = 0; i < d - 1; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = x[i] - 1;
            sum += 100 * a * a + b * b;
          }
          return sum;
        });
  }

  /** Ackley (a = 20, b = 0.2, c = 2π) on [-32.768, 32.768]^d; minimum 0 at the origin. */
  public static TestFunction ackley(int d) {
    SearchSpace<Config> space = cube(d, -32.768, 32.768);
    return new TestFunction(
        "ackley" + d,
        space,
        0,
        point(space, filled(d, 0)),
        c -> {
          double[] x = vector(c, d);
          double squares = 0;
          double cosines = 0;
          for (double xi : x) {
            squares += xi * xi;
            cosines += Math.cos(2 * Math.PI * xi);
          }
          return -20 * Math.exp(-0.2 * Math.sqrt(squares / d))
              - Math.exp(cosines / d) + 20 + Math.E;
        });
  }

  /** Styblinski–Tang on [-5, 5]^d; minimum -39.16617 d at (-2.903534, ...). */
  public static TestFunction styblinskiTang(int d) {
    SearchSpace<Config> space = cube(d, -5, 5);
    return new TestFunction(
        "styblinskitang" + d,
        space,
        -39.16616570377142 * d,
        point(space, filled(d, -2.903534027771178)),
        c -> {
          double sum = 0;
          for (double xi : vector(c, d)) {
            sum += xi * xi * xi * xi - 16 * xi * xi + 5 * xi;
          }
          return sum / 2;
        });
  }

  /** Levy on [-10, 10]^d; minimum 0 at (1, ..., 1). */
  public static TestFunction levy(int d) {
    SearchSpace<Config> space = cube(d, -10, 10);
    return new TestFunction(
        "levy" + d,
        space,
        0,
        point(space, filled(d, 1)),
        c -> {
          double[] x = vector(c, d);
          double[] w = new double[d];
          for (int i = 0; i < d; i++) {
            w[i] = 1 + (x[i] - 1) / 4;
          }
          double first = Math.sin(Math.PI * w[0]);
          double sum = first * first;
          for (int i = 0; i < d - 1; i++) {
            double s = Math.sin(Math.PI * w[i] + 1);
            sum += (w[i] - 1) * (w[i] - 1) * (1 + 10 * s * s);
          }
          double last = Math.sin(2 * Math.PI * w[d - 1]);
          return sum + (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + last * last);
        });
  }

  /** Rastrigin on [-5.12, 5.12]^d; minimum 0 at the origin. */
  public static TestFunction rastrigin(int d) {
    SearchSpace<Config> space = cube(d, -5.12, 5.12);
    return new TestFunction(
        "rastrigin" + d,
        space,
        0,
        point(space, filled(d, 0)),
        c -> {
          double sum = 10 * d;
          for (double xi : vector(c, d)) {
            sum += xi * xi - 10 * Math.cos(2 * Math.PI * xi);
          }
          return sum;
        });
  }

  /** Six-hump camel on x1 in [-3, 3], x2 in [-2, 2]; two minima of -1.0316. */
  public static TestFunction sixHumpCamel() {
    SearchSpace<Config> space = SearchSpace.builder().real("x1", -3, 3).real("x2", -2, 2).build();
    return new TestFunction(
        "sixhumpcamel",
        space,
        -1.031628453489877,
        point(space, 0.08984201368301331, -0.7126564032704135),
        c -> {
          double x1 = c.getDouble("x1");
          double x2 = c.getDouble("x2");
          double x1s = x1 * x1;
          return (4 - 2.1 * x1s + x1s * x1s / 3) * x1s + x1 * x2 + (-4 + 4 * x2 * x2) * x2 * x2;
        });
  }

  /** The sphere (sum of squares) on [-5, 5]^d; minimum 0 at the origin. */
  public static TestFunction sphere(int d) {
    return sphereAround("sphere" + d, d, 0);
  }

  /**
   * A sphere whose minimum 0 lies near a corner, at 4 on [-5, 5]^d (90% of each range): checks
   * that a sampler's model does not presume the optimum to be central.
   */
  public static TestFunction offCentreSphere(int d) {
    return sphereAround("offcentresphere" + d, d, 4);
  }

  /** The squared distance from {@code (centre, ..., centre)} on [-5, 5]^d. */
  private static TestFunction sphereAround(String name, int d, double centre) {
    SearchSpace<Config> space = cube(d, -5, 5);
    return new TestFunction(
        name,
        space,
        0,
        point(space, filled(d, centre)),
        c -> {
          double sum = 0;
          for (double xi : vector(c, d)) {
            sum += (xi - centre) * (xi - centre);
          }
          return sum;
        });
  }

  private static final double[][] HARTMANN3_A = {
    {3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}
  };
  private static final double[][] HARTMANN3_P = {
    {0.3689, 0.1170, 0.2673},
    {0.4699, 0.4387, 0.7470},
    {0.1091, 0.8732, 0.5547},
    {0.0381, 0.5743, 0.8828}
  };

  /** Hartmann 3-D on [0, 1]^3; minimum -3.86278. */
  public static TestFunction hartmann3() {
    SearchSpace<Config> space = cube(3, 0, 1);
    return new TestFunction(
        "hartmann3",
        space,
        -3.86278214782076,
        point(space, 0.114614, 0.555649, 0.852547),
        c -> {
          double[] x = vector(c, 3);
          double sum = 0;
          for (int i = 0; i < 4; i++) {
            double inner = 0;
            for (int j = 0; j < 3; j++) {
              double d = x[j] - HARTMANN3_P[i][j];
              inner += HARTMANN3_A[i][j] * d * d;
            }
            sum += HARTMANN_ALPHA[i] * Math.exp(-inner);
          }
          return -sum;
        });
  }

  /** The value of the branch {@code constant} of {@link #branches()}. */
  static final double CONSTANT_BRANCH = 0.8;

  /**
   * A conditional space: a choice {@code branch} among four sub-spaces, each with its own minimum,
   * so that the best branch is not the one that looks best early. Minimum 0.
   *
   * <ul>
   *   <li>{@code constant}: nothing to tune, always 0.8; better than about 90% of random points
   *       of the other branches, so it looks best early;
   *   <li>{@code quadratic}: an integer {@code n} in [-10, 10] and a real {@code y} in [0, 1],
   *       {@code 0.5 + 0.05 (n - 3)^2 + (y - 0.7)^2}; minimum 0.5, the easiest to find;
   *   <li>{@code hartmann3}: Hartmann 3-D shifted to a minimum of 0.2;
   *   <li>{@code branin}: (Branin - its minimum) / 5, minimum 0 at three points; about 7% of its
   *       random points beat the constant branch and 5% the quadratic's minimum.
   * </ul>
   *
   * Dimensions are named as {@link SearchSpace.Builder#choice} names them: {@code branch},
   * {@code branch.quadratic.n}, {@code branch.hartmann3.x1}, {@code branch.branin.x2}, ...
   */
  public static TestFunction branches() {
    TestFunction hartmann3 = hartmann3();
    TestFunction branin = branin();
    SearchSpace<Config> quadratic =
        SearchSpace.builder().integer("n", -10, 10).real("y", 0, 1).build();
    SearchSpace<Config> space = SearchSpace.builder()
        .choice(Dimension.categorical("branch", "constant", "quadratic", "hartmann3", "branin"),
            SearchSpace.builder().build(), quadratic, hartmann3.space(), branin.space())
        .build();
    return new TestFunction(
        "branches",
        space,
        0,
        space.check(Map.of("branch", "branin", "branch.branin.x1", Math.PI, "branch.branin.x2",
            2.275)),
        c -> switch (c.getString("branch")) {
          case "constant" -> CONSTANT_BRANCH;
          case "quadratic" -> {
            Config q = c.under("branch.quadratic");
            double n = q.getLong("n") - 3;
            double y = q.getDouble("y") - 0.7;
            yield 0.5 + 0.05 * n * n + y * y;
          }
          case "hartmann3" ->
              hartmann3.apply(c.under("branch.hartmann3")) - hartmann3.optimum() + 0.2;
          default -> (branin.apply(c.under("branch.branin")) - branin.optimum()) / 5;
        });
  }

  private static final Map<String, Double> MIXED_KIND_COST = Map.of("a", 0.5, "b", 0.0, "c", 1.0);

  /**
   * A mixed space like a model's: a real, an integer, a log-scale real, a categorical and a
   * boolean; minimum 0 at x = 1, n = 3, lr = 1e-3, kind = b, flag = true.
   */
  public static TestFunction mixed() {
    SearchSpace<Config> space = SearchSpace.builder()
        .real("x", -5, 5)
        .integer("n", -10, 10)
        .real("lr", 1e-6, 1, Scale.LOG)
        .categorical("kind", "a", "b", "c")
        .bool("flag")
        .build();
    Map<String, Object> best = new LinkedHashMap<>();
    best.put("x", 1.0);
    best.put("n", 3L);
    best.put("lr", 1e-3);
    best.put("kind", "b");
    best.put("flag", true);
    return new TestFunction(
        "mixed",
        space,
        0,
        space.check(best),
        c -> {
          double x = c.getDouble("x") - 1;
          double n = c.getLong("n") - 3;
          double lr = Math.log10(c.getDouble("lr")) + 3;
          return x * x
              + n * n / 10
              + lr * lr / 4
              + MIXED_KIND_COST.get(c.getString("kind"))
              + (c.getBoolean("flag") ? 0 : 0.3);
        });
  }

  /** Goldstein–Price on [-2, 2]^2; minimum 3 at (0, -1), among several local minima. */
  public static TestFunction goldsteinPrice() {
    SearchSpace<Config> space = SearchSpace.builder().real("x1", -2, 2).real("x2", -2, 2).build();
    return new TestFunction(
        "goldsteinprice",
        space,
        3,
        point(space, 0, -1),
        c -> {
          double x1 = c.getDouble("x1");
          double x2 = c.getDouble("x2");
          double s = x1 + x2 + 1;
          double d = 2 * x1 - 3 * x2;
          double a = 1 + s * s
              * (19 - 14 * x1 + 3 * x1 * x1 - 14 * x2 + 6 * x1 * x2 + 3 * x2 * x2);
          double b = 30 + d * d
              * (18 - 32 * x1 + 12 * x1 * x1 + 48 * x2 - 36 * x1 * x2 + 27 * x2 * x2);
          return a * b;
        });
  }

  /** Beale on [-4.5, 4.5]^2; minimum 0 at (3, 0.5), in a narrow curved valley. */
  public static TestFunction beale() {
    SearchSpace<Config> space =
        SearchSpace.builder().real("x1", -4.5, 4.5).real("x2", -4.5, 4.5).build();
    return new TestFunction(
        "beale",
        space,
        0,
        point(space, 3, 0.5),
        c -> {
          double x1 = c.getDouble("x1");
          double x2 = c.getDouble("x2");
          double a = 1.5 - x1 + x1 * x2;
          double b = 2.25 - x1 + x1 * x2 * x2;
          double d = 2.625 - x1 + x1 * x2 * x2 * x2;
          return a * a + b * b + d * d;
        });
  }

  /**
   * Branin seen through Gaussian noise of standard deviation 0.2 (half the minimum's value); the
   * regret is the noiseless value of the trial that looked best.
   */
  public static TestFunction noisyBranin() {
    TestFunction branin = branin();
    return new TestFunction("noisybranin", branin.space, branin.optimum, branin.minimizer,
        branin.f, 0.2);
  }

  private static final Map<String, Double> LEVEL_COST =
      Map.of("a", 1.0, "b", 0.6, "c", 0.3, "d", 0.0, "e", 0.8);
  private static final Map<String, Double> PAIR_COST = Map.of("u", 0.5, "v", 0.0, "w", 0.25);

  /**
   * Integers and categoricals, which interact: two integers (n1 in [0, 20], n2 in [-20, 20]),
   * a categorical of five levels, one of three whose cost doubles unless the level is d, and a
   * real; minimum 0 at n1 = 7, n2 = -5, level = d, pair = v, x = 0.3.
   */
  public static TestFunction integersAndCategoricals() {
    SearchSpace<Config> space = SearchSpace.builder()
        .integer("n1", 0, 20)
        .integer("n2", -20, 20)
        .categorical("level", "a", "b", "c", "d", "e")
        .categorical("pair", "u", "v", "w")
        .real("x", 0, 1)
        .build();
    Map<String, Object> best = new LinkedHashMap<>();
    best.put("n1", 7L);
    best.put("n2", -5L);
    best.put("level", "d");
    best.put("pair", "v");
    best.put("x", 0.3);
    return new TestFunction(
        "intcat",
        space,
        0,
        space.check(best),
        c -> {
          double n1 = (c.getLong("n1") - 7) / 4.0;
          double n2 = (c.getLong("n2") + 5) / 8.0;
          String level = c.getString("level");
          double x = c.getDouble("x") - 0.3;
          return n1 * n1 + n2 * n2 + LEVEL_COST.get(level)
              + PAIR_COST.get(c.getString("pair")) * (level.equals("d") ? 1 : 2) + x * x;
        });
  }

  private static SearchSpace<Config> cube(int d, double low, double high) {
    SearchSpace.Builder builder = SearchSpace.builder();
    for (int i = 1; i <= d; i++) {
      builder.real("x" + i, low, high);
    }
    return builder.build();
  }

  private static double[] vector(Config config, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = config.getDouble("x" + (i + 1));
    }
    return x;
  }

  private static double[] filled(int d, double value) {
    double[] x = new double[d];
    java.util.Arrays.fill(x, value);
    return x;
  }

  private static Config point(SearchSpace<Config> space, double... x) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      values.put(space.dimensions().get(i).name(), x[i]);
    }
    return space.check(values);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%d-D, optimum %.6g)", name, space.size(), optimum);
  }
}
