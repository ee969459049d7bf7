package dev.tunable;

import static dev.tunable.Checks.quote;

import dev.tunable.annotations.Scale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The hyperparameters a study searches over: an ordered list of {@link Dimension dimensions} and
 * the typed value {@code C} one point of the space becomes.
 *
 * <p>Spaces built in code have {@code C = }{@link Config}:
 *
 * <pre>{@code
 * SearchSpace<Config> space = SearchSpace.builder()
 *     .real("x", -5, 10)
 *     .real("lr", 1e-5, 1e-1, Scale.LOG)
 *     .integer("units", 16, 256, Scale.LOG)
 *     .categorical("activation", "relu", "tanh")
 *     .build();
 * }</pre>
 *
 * <p>The annotation processor generates one space per annotated class, typed by the class's
 * generated hyperparameters record ({@code LogisticRegressionHyperparameters.SPACE}).
 *
 * <p>A space may have defaults: values for some or all of its dimensions, which {@link #parse}
 * and {@link #load} take for the keys a configuration leaves out. A generated space's defaults
 * are the values its model's field initializers give.
 *
 * <p>Samplers work on the unit cube: {@link #fromUnit} maps a point of {@code [0, 1]^n} to a
 * configuration, {@link #toUnit} maps back. Every value a space hands out or accepts has been
 * checked against its dimension; every error names the hyperparameter, the value and what is
 * allowed. Immutable and thread-safe.
 *
 * @param <C> the typed value of one point of the space
 * @since 0.1
 */
public final class SearchSpace<C> {
  private final List<Dimension<?>> dimensions;
  private final Map<String, Dimension<?>> byName;
  private final Function<Config, C> fromConfig;
  private final Function<C, Config> toConfig;
  private final Config defaults;

  private SearchSpace(List<Dimension<?>> dimensions, Function<Config, C> fromConfig,
      Function<C, Config> toConfig, Config defaults) {
    this.dimensions = List.copyOf(dimensions);
    this.byName = new LinkedHashMap<>();
    for (Dimension<?> dimension : this.dimensions) {
      if (byName.put(dimension.name(), dimension) != null) {
        throw new IllegalArgumentException(
            "two dimensions are named " + quote(dimension.name()) + "; names must be unique");
      }
    }
    this.fromConfig = Objects.requireNonNull(fromConfig, "fromConfig");
    this.toConfig = Objects.requireNonNull(toConfig, "toConfig");
    this.defaults = checkDefaults(Objects.requireNonNull(defaults, "defaults"));
  }

  /** Starts a space built in code, whose points are {@link Config}s. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A space whose points are {@code C}s; used by generated code.
   *
   * @param fromConfig builds a {@code C} from checked values
   * @param toConfig reads the values of a {@code C}
   */
  public static <C> SearchSpace<C> of(
      Function<Config, C> fromConfig, Function<C, Config> toConfig, List<Dimension<?>> dimensions) {
    return new SearchSpace<>(dimensions, fromConfig, toConfig, Config.builder().build());
  }

  /**
   * A space whose points are {@code C}s, with {@code defaults} for the keys a configuration
   * leaves out; used by generated code.
   *
   * @param fromConfig builds a {@code C} from checked values
   * @param toConfig reads the values of a {@code C}
   * @param defaults values of some of the dimensions, or none
   * @throws IllegalArgumentException if a default names no dimension or is not allowed by its own
   */
  public static <C> SearchSpace<C> of(Function<Config, C> fromConfig,
      Function<C, Config> toConfig, List<Dimension<?>> dimensions, Config defaults) {
    return new SearchSpace<>(dimensions, fromConfig, toConfig, defaults);
  }

  /** The dimensions, in order. */
  public List<Dimension<?>> dimensions() {
    return dimensions;
  }

  /**
   * The values {@link #parse} and {@link #load} take for the keys a configuration leaves out: of
   * some, all or none of the dimensions, in the space's order; never {@code null}.
   */
  public Config defaults() {
    return defaults;
  }

  /** The number of dimensions. */
  public int size() {
    return dimensions.size();
  }

  /** The dimension named {@code name}. */
  public Dimension<?> dimension(String name) {
    Dimension<?> dimension = byName.get(name);
    if (dimension == null) {
      throw new IllegalArgumentException(unknownName(name));
    }
    return dimension;
  }

  /** The typed value of {@code config}, after checking it against every dimension. */
  public C create(Config config) {
    return fromConfig.apply(check(config.asMap()));
  }

  /** The typed value of {@code config}, which {@link #check} returned; skips checking it again. */
  C createChecked(Config config) {
    return fromConfig.apply(config);
  }

  /** The values of {@code value}, by dimension name. */
  public Config config(C value) {
    return toConfig.apply(value);
  }

  /**
   * Checks {@code values} against the space: every dimension present with an allowed value and no
   * unknown name. Numbers are converted to their dimension's type where nothing is lost, and enum
   * constants may be given by name.
   *
   * @throws IllegalArgumentException listing every problem found
   */
  public Config check(Map<String, ?> values) {
    Problems problems = new Problems();
    Config.Builder config = Config.builder();
    for (Dimension<?> dimension : dimensions) {
      Object value = values.get(dimension.name());
      if (value == null) {
        problems.add(0, absent(dimension, values));
        continue;
      }
      problems.attempt(0, () -> config.set(dimension, value));
    }
    reportUnknownNames(values.keySet(), problems);
    problems.throwIfAny("the configuration");
    return config.build();
  }

  /**
   * Reads a configuration from text, as in a properties file: each value is parsed by its
   * dimension, and a key left out takes the space's {@link #defaults() default}.
   *
   * @throws IllegalArgumentException listing every unknown or invalid key, and every missing key
   *     without a default
   */
  public Config parse(Map<String, String> text) {
    List<ConfigurationFile.Entry> entries = new ArrayList<>();
    text.forEach((key, value) -> entries.add(new ConfigurationFile.Entry(key, value, 0)));
    Problems problems = new Problems();
    Map<String, Object> values = read(entries, true, true, problems);
    problems.throwIfAny("the configuration");
    return check(values);
  }

  /**
   * Reads a configuration file: JSON if its name ends in {@code .json}, Java properties (UTF-8)
   * if it ends in {@code .properties}. A key the file leaves out takes the space's {@link
   * #defaults() default}. In JSON, the file is one object; numbers and booleans are written
   * without quotes, choices as strings.
   *
   * <pre>{@code
   * {"learningRate": 0.01, "batchSize": 64, "penalty": "L1"}
   * }</pre>
   *
   * @throws IllegalArgumentException listing every problem of the file at once, each with its
   *     line: malformed syntax, a key given twice, an unknown key (with the nearest known one),
   *     a value its dimension does not allow (with what it allows), a missing key without a
   *     default; or if the file's name ends in neither extension
   * @throws IOException if the file cannot be read
   */
  public Config load(Path file) throws IOException {
    ConfigurationFile read = ConfigurationFile.read(file);
    Problems problems = new Problems();
    read.problems().forEach(problem -> problems.add(problem.line(), problem.message()));
    Map<String, Object> values =
        read(read.entries(), read.valuesAreText(), read.complete(), problems);
    problems.throwIfAnyIn(quote(file.toString()));
    return check(values);
  }

  /**
   * The values of {@code entries}, each checked or parsed by its dimension, with the defaults for
   * the dimensions they leave out; every problem goes to {@code problems}.
   *
   * @param complete whether {@code entries} are all there are, so that a missing key is an error
   */
  private Map<String, Object> read(List<ConfigurationFile.Entry> entries, boolean valuesAreText,
      boolean complete, Problems problems) {
    Map<String, Object> given = given(entries, valuesAreText, problems);
    Map<String, Object> values = new LinkedHashMap<>();
    Map<String, Object> fallback = defaults.asMap();
    for (Dimension<?> dimension : dimensions) {
      String name = dimension.name();
      if (given.containsKey(name)) {
        values.put(name, given.get(name));
      } else if (fallback.containsKey(name)) {
        values.put(name, fallback.get(name));
      } else if (complete && entries.stream().noneMatch(e -> name.equals(e.key()))) {
        problems.add(0, "hyperparameter " + quote(name) + " is missing and has no default;"
            + " expected " + dimension.describe());
      }
    }
    return values;
  }

  /**
   * The values {@code entries} give, each checked or parsed by its dimension, by name; an unknown
   * key, a null value or one its dimension does not allow goes to {@code problems} instead.
   */
  private Map<String, Object> given(List<ConfigurationFile.Entry> entries,
      boolean valuesAreText, Problems problems) {
    Map<String, Object> given = new LinkedHashMap<>();
    for (ConfigurationFile.Entry entry : entries) {
      Dimension<?> dimension = entry.key() == null ? null : byName.get(entry.key());
      if (entry.value() == ConfigurationFile.UNREADABLE) {
        continue; // the file's problems say why
      } else if (dimension == null) {
        problems.add(entry.line(), unknownName(entry.key()));
      } else if (entry.value() == null) {
        problems.add(entry.line(), isNull(dimension));
      } else {
        problems.attempt(entry.line(), () -> given.put(dimension.name(), valuesAreText
            ? dimension.parse((String) entry.value()) : checkJson(dimension, entry.value())));
      }
    }
    return given;
  }

  /** {@code value} as a JSON file gives it, checked by {@code dimension}. */
  private static Object checkJson(Dimension<?> dimension, Object value) {
    if (value instanceof ConfigurationFile.Nested nested) {
      throw new IllegalArgumentException("hyperparameter " + quote(dimension.name()) + ": "
          + nested + " is not allowed; expected " + dimension.describe());
    }
    try {
      return dimension.check(value);
    } catch (IllegalArgumentException e) {
      if (value instanceof String text && parses(dimension, text)) {
        throw new IllegalArgumentException(
            e.getMessage() + "; in JSON, write numbers and booleans without quotes", e);
      }
      throw e;
    }
  }

  private static boolean parses(Dimension<?> dimension, String text) {
    try {
      dimension.parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private Config checkDefaults(Config values) {
    Problems problems = new Problems();
    Config.Builder checked = Config.builder();
    for (Dimension<?> dimension : dimensions) {
      if (values.has(dimension.name())) {
        problems.attempt(0, () -> checked.set(dimension, values.get(dimension.name())));
      }
    }
    for (String name : values.names()) {
      if (!byName.containsKey(name)) {
        problems.add(0, "default of " + unknownName(name));
      }
    }
    problems.throwIfAny("the defaults");
    return checked.build();
  }

  /**
   * {@code base} with the values named in {@code overrides} replaced by their parsed text.
   *
   * @throws IllegalArgumentException listing every unknown key and invalid value
   */
  public Config override(Config base, Map<String, String> overrides) {
    List<ConfigurationFile.Entry> entries = new ArrayList<>();
    overrides.forEach((key, text) -> entries.add(new ConfigurationFile.Entry(key, text, 0)));
    Problems problems = new Problems();
    Map<String, Object> values = new LinkedHashMap<>(base.asMap());
    values.putAll(given(entries, true, problems));
    problems.throwIfAny("the configuration");
    return check(values);
  }

  /**
   * {@code base} with command-line style {@code key=value} overrides applied.
   *
   * @throws IllegalArgumentException listing every malformed assignment, unknown key and invalid
   *     value
   */
  public Config override(Config base, String... assignments) {
    Problems problems = new Problems();
    Map<String, String> overrides = new LinkedHashMap<>();
    for (int i = 0; i < assignments.length; i++) {
      String assignment = assignments[i];
      if (assignment == null) {
        problems.add(0, "assignment #" + (i + 1) + " is null; give key=value");
        continue;
      }
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        problems.add(0, quote(assignment) + " is not of the form key=value");
      } else {
        overrides.put(assignment.substring(0, equals).strip(), assignment.substring(equals + 1));
      }
    }
    problems.throwIfAny("the configuration");
    return override(base, overrides);
  }

  /** The point of the unit cube that stands for {@code config}, one coordinate per dimension. */
  public double[] toUnit(Config config) {
    double[] point = new double[dimensions.size()];
    for (int i = 0; i < point.length; i++) {
      point[i] = unitOf(dimensions.get(i), config.get(dimensions.get(i).name()));
    }
    return point;
  }

  /** The configuration at {@code point}, a point of the unit cube with one coordinate per dimension. */
  public Config fromUnit(double[] point) {
    if (point.length != dimensions.size()) {
      throw new IllegalArgumentException(
          "a point of this space has " + dimensions.size() + " coordinates, got " + point.length);
    }
    Config.Builder config = Config.builder();
    for (int i = 0; i < point.length; i++) {
      config.setUnchecked(dimensions.get(i).name(), dimensions.get(i).fromUnit(point[i]));
    }
    return config.build();
  }

  private static <T> double unitOf(Dimension<T> dimension, Object value) {
    return dimension.toUnit(dimension.check(value));
  }

  private void reportUnknownNames(Iterable<String> names, Problems problems) {
    for (String name : names) {
      if (!byName.containsKey(name)) {
        problems.add(0, unknownName(name));
      }
    }
  }

  private String unknownName(String name) {
    if (name == null) {
      return "a hyperparameter's name is null; known: " + byName.keySet();
    }
    return "unknown hyperparameter " + quote(name) + Checks.didYouMean(name, byName.keySet())
        + "; known: " + byName.keySet();
  }

  /** Why {@code values} has no value of {@code dimension}: the key is missing, or its value null. */
  private static String absent(Dimension<?> dimension, Map<String, ?> values) {
    return values.containsKey(dimension.name()) ? isNull(dimension)
        : "hyperparameter " + quote(dimension.name()) + " is missing; expected "
            + dimension.describe();
  }

  private static String isNull(Dimension<?> dimension) {
    return "hyperparameter " + quote(dimension.name()) + " is null; expected "
        + dimension.describe();
  }

  @Override
  public String toString() {
    return "SearchSpace" + dimensions;
  }

  /**
   * Collects every problem of one input so that a user can fix them all at once; those of a file
   * are told in the order of its lines.
   */
  private static final class Problems {
    private final List<ConfigurationFile.Problem> found = new ArrayList<>();

    /** Adds the problem at {@code line}, or of the input as a whole where {@code line} is 0. */
    void add(int line, String message) {
      found.add(new ConfigurationFile.Problem(line, message));
    }

    void attempt(int line, Runnable action) {
      try {
        action.run();
      } catch (IllegalArgumentException e) {
        add(line, e.getMessage());
      }
    }

    /**
     * Throws if anything was found in {@code input}, as a message names it ("the
     * configuration"); a single problem is told alone.
     */
    void throwIfAny(String input) {
      throwIfAny(input, false);
    }

    /** Throws if anything was found in {@code file}, which every message names. */
    void throwIfAnyIn(String file) {
      throwIfAny(file, true);
    }

    private void throwIfAny(String input, boolean nameAlways) {
      List<ConfigurationFile.Problem> sorted = new ArrayList<>(found);
      // By line, and the problems of the whole input (line 0: missing keys) last.
      sorted.sort(Comparator.comparingInt(p -> p.line() == 0 ? Integer.MAX_VALUE : p.line()));
      if (sorted.size() == 1) {
        ConfigurationFile.Problem problem = sorted.get(0);
        String where = problem.line() > 0 ? input + ", line " + problem.line() + ": "
            : nameAlways ? input + ": " : "";
        throw new IllegalArgumentException(where + problem.message());
      }
      if (!sorted.isEmpty()) {
        List<String> lines = sorted.stream()
            .map(p -> (p.line() == 0 ? "" : "line " + p.line() + ": ") + p.message())
            .toList();
        throw new IllegalArgumentException(sorted.size() + " problems in " + input + ":\n  - "
            + String.join("\n  - ", lines));
      }
    }
  }

  /** Builds a {@code SearchSpace<Config>}; not thread-safe. */
  public static final class Builder {
    private final List<Dimension<?>> dimensions = new ArrayList<>();

    private Builder() {}

    /** Adds a continuous dimension over {@code [low, high]} on a linear scale. */
    public Builder real(String name, double low, double high) {
      return add(Dimension.real(name, low, high));
    }

    /** Adds a continuous dimension over {@code [low, high]} on the given scale. */
    public Builder real(String name, double low, double high, Scale scale) {
      return add(Dimension.real(name, low, high, scale));
    }

    /** Adds an integer dimension over {@code [low, high]}, both included, on a linear scale. */
    public Builder integer(String name, long low, long high) {
      return add(Dimension.integer(name, low, high));
    }

    /** Adds an integer dimension over {@code [low, high]}, both included, on the given scale. */
    public Builder integer(String name, long low, long high, Scale scale) {
      return add(Dimension.integer(name, low, high, scale));
    }

    /** Adds a categorical dimension over {@code choices}. */
    public Builder categorical(String name, String... choices) {
      return add(Dimension.categorical(name, choices));
    }

    /** Adds a dimension whose values are {@code false} and {@code true}. */
    public Builder bool(String name) {
      return add(Dimension.bool(name));
    }

    /** Adds {@code dimension}, for dimensions the shortcuts do not cover (a step, enum choices). */
    public Builder add(Dimension<?> dimension) {
      dimensions.add(Objects.requireNonNull(dimension, "dimension"));
      return this;
    }

    public SearchSpace<Config> build() {
      return new SearchSpace<>(
          dimensions, config -> config, config -> config, Config.builder().build());
    }
  }
}
