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
import java.util.Optional;
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
 * <p>A space may be <em>conditional</em>: a dimension with a {@link Condition} is active only while
 * its parent, a categorical or boolean dimension before it, holds one of the condition's values.
 * A configuration holds the active dimensions only. {@link Builder#choice} builds such a space from
 * one sub-space per choice, and {@link Builder#nested} one nested space under a dotted name:
 *
 * <pre>{@code
 * SearchSpace<Config> space = SearchSpace.builder()
 *     .real("lr", 1e-5, 1e-1, Scale.LOG)
 *     .choice(Dimension.categorical("optimizer", "sgd", "adam"),
 *         SearchSpace.builder().build(),                      // plain SGD: nothing to tune
 *         SearchSpace.builder().real("beta1", 0.8, 0.999).build())
 *     .build();
 * // {lr=0.01, optimizer=sgd} and {lr=0.01, optimizer=adam, optimizer.adam.beta1=0.9}
 * }</pre>
 *
 * @param <C> the typed value of one point of the space
 * @since 0.1
 */
public final class SearchSpace<C> {
  private final List<Dimension<?>> dimensions;
  private final Map<String, Dimension<?>> byName;
  private final Map<String, Condition> conditions;
  private final Function<Config, C> fromConfig;
  private final Function<C, Config> toConfig;
  private final Config defaults;

  private SearchSpace(List<Dimension<?>> dimensions, Map<String, Condition> conditions,
      Function<Config, C> fromConfig, Function<C, Config> toConfig, Config defaults) {
    this.dimensions = List.copyOf(dimensions);
    this.byName = new LinkedHashMap<>();
    for (Dimension<?> dimension : this.dimensions) {
      if (byName.put(dimension.name(), dimension) != null) {
        throw new IllegalArgumentException(
            "two dimensions are named " + quote(dimension.name()) + "; names must be unique");
      }
    }
    this.conditions = checkConditions(conditions);
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
    return new SearchSpace<>(
        dimensions, Map.of(), fromConfig, toConfig, Config.builder().build());
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
    return new SearchSpace<>(dimensions, Map.of(), fromConfig, toConfig, defaults);
  }

  /**
   * A space with the dimensions, conditions and defaults of {@code layout}, whose points are
   * {@code C}s; used by generated code for nested and conditional spaces.
   *
   * @param fromConfig builds a {@code C} from checked values
   * @param toConfig reads the values of a {@code C}
   */
  public static <C> SearchSpace<C> of(Function<Config, C> fromConfig,
      Function<C, Config> toConfig, SearchSpace<?> layout) {
    return new SearchSpace<>(
        layout.dimensions, layout.conditions, fromConfig, toConfig, layout.defaults);
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

  /**
   * The condition under which dimension {@code name} is active, or empty if it always is.
   *
   * @throws IllegalArgumentException if no dimension is named {@code name}
   */
  public Optional<Condition> condition(String name) {
    dimension(name);
    return Optional.ofNullable(conditions.get(name));
  }

  /** Whether some dimension has a {@link Condition}. */
  public boolean isConditional() {
    return !conditions.isEmpty();
  }

  /**
   * Whether dimension {@code name} is active among {@code values}: it has no condition, or its
   * parent is active and holds one of the condition's values.
   */
  public boolean isActive(String name, Map<String, ?> values) {
    return activity(name, values) == Activity.ACTIVE;
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
    Map<String, Object> checked = new LinkedHashMap<>();
    for (Dimension<?> dimension : dimensions) {
      String name = dimension.name();
      Object value = values.get(name);
      Activity activity = activity(name, checked);
      if (activity == Activity.UNKNOWN) {
        continue; // its parent's problem is told
      } else if (activity == Activity.INACTIVE) {
        if (values.containsKey(name)) {
          problems.add(0, inactive(name, checked));
        }
      } else if (value == null) {
        problems.add(0, absent(dimension, values));
      } else {
        problems.attempt(0, () -> checked.put(name, dimension.check(value)));
      }
    }
    reportUnknownNames(values.keySet(), problems);
    problems.throwIfAny("the configuration");
    return Config.wrapping(checked);
  }

  /** Whether a dimension is active among checked values, or cannot be told (a parent failed). */
  private enum Activity { ACTIVE, INACTIVE, UNKNOWN }

  private Activity activity(String name, Map<String, ?> checked) {
    Condition condition = conditions.get(name);
    if (condition == null) {
      return Activity.ACTIVE;
    }
    Activity parent = activity(condition.parent(), checked);
    if (parent != Activity.ACTIVE) {
      return parent;
    }
    Object value = checked.get(condition.parent());
    return value == null ? Activity.UNKNOWN
        : condition.holdsFor(value) ? Activity.ACTIVE : Activity.INACTIVE;
  }

  /** Why a value of {@code name} is not allowed: its branch is not the one {@code checked} holds. */
  private String inactive(String name, Map<String, Object> checked) {
    Condition condition = conditions.get(name);
    String parent = condition.parent();
    String now = checked.containsKey(parent)
        ? "but " + parent + " is " + CategoricalDimension.label(checked.get(parent))
        : "but " + parent + " is itself inactive";
    return "hyperparameter " + quote(name) + " belongs to the branch " + condition.describe()
        + ", " + now + "; leave it out or choose its branch";
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
    return settle(given, defaults.asMap(), complete, problems, entries);
  }

  /**
   * The values of the dimensions active among them, in order: those {@code given}, the others
   * from {@code fallback}. A given value of an inactive dimension is a problem that names its
   * branch; fallback values of inactive dimensions are dropped, so that switching a branch
   * leaves the old branch's values behind.
   *
   * @param complete whether a missing value without a fallback is a problem
   * @param entries the entries read, so that a key whose value was refused is not also missing
   */
  private Map<String, Object> settle(Map<String, Object> given, Map<String, Object> fallback,
      boolean complete, Problems problems, List<ConfigurationFile.Entry> entries) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Dimension<?> dimension : dimensions) {
      String name = dimension.name();
      Activity activity = activity(name, values);
      if (given.containsKey(name) && activity == Activity.INACTIVE) {
        // Told here, with its line, among the input's other problems
        problems.add(lineOf(name, entries), inactive(name, values));
      } else if (given.containsKey(name)) {
        values.put(name, given.get(name));
      } else if (activity != Activity.ACTIVE) {
        continue;
      } else if (fallback.containsKey(name)) {
        values.put(name, fallback.get(name));
      } else if (defaults.has(name)) {
        values.put(name, defaults.get(name));
      } else if (complete && entries.stream().noneMatch(e -> name.equals(e.key()))) {
        problems.add(0, "hyperparameter " + quote(name) + " is missing and has no default;"
            + " expected " + dimension.describe());
      }
    }
    return values;
  }

  /** The line of the entry of {@code name}, or 0 if none has one. */
  private static int lineOf(String name, List<ConfigurationFile.Entry> entries) {
    return entries.stream().filter(entry -> name.equals(entry.key()))
        .mapToInt(ConfigurationFile.Entry::line).findFirst().orElse(0);
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

  private Map<String, Condition> checkConditions(Map<String, Condition> given) {
    Map<String, Integer> position = new LinkedHashMap<>();
    for (int i = 0; i < dimensions.size(); i++) {
      position.put(dimensions.get(i).name(), i);
    }
    given.forEach((name, condition) -> {
      Integer child = position.get(name);
      Integer parent = position.get(condition.parent());
      if (child == null) {
        throw new IllegalArgumentException("a condition names no dimension: " + quote(name));
      }
      if (parent == null || parent >= child) {
        throw new IllegalArgumentException("the condition of " + quote(name) + " depends on "
            + quote(condition.parent()) + ", which is not a dimension before it");
      }
      List<String> labels = dimensions.get(parent).accept(LABELS);
      if (labels == null || !labels.containsAll(condition.labels())) {
        throw new IllegalArgumentException("the condition of " + quote(name) + " ("
            + condition.describe() + ") needs a categorical or boolean " + quote(condition.parent())
            + (labels == null ? "" : " with those values; it has " + labels));
      }
    });
    return Map.copyOf(given);
  }

  /** The labels of a categorical or boolean dimension; null for a numeric one. */
  private static final Dimension.Visitor<List<String>> LABELS = new Dimension.Visitor<>() {
    @Override
    public List<String> visitReal(RealDimension dimension) {
      return null;
    }

    @Override
    public List<String> visitInteger(IntegerDimension dimension) {
      return null;
    }

    @Override
    public List<String> visitCategorical(CategoricalDimension<?> dimension) {
      return dimension.labels();
    }

    @Override
    public List<String> visitBoolean(BooleanDimension dimension) {
      return List.of("false", "true");
    }
  };

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
    Map<String, Object> given = given(entries, true, problems);
    Map<String, Object> values = settle(given, base.asMap(), false, problems, entries);
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

  /**
   * The point of the unit cube that stands for {@code config}, one coordinate per dimension; NaN
   * for each dimension {@code config} leaves inactive.
   */
  public double[] toUnit(Config config) {
    double[] point = new double[dimensions.size()];
    for (int i = 0; i < point.length; i++) {
      Dimension<?> dimension = dimensions.get(i);
      point[i] = isActive(dimension.name(), config.asMap())
          ? unitOf(dimension, config.get(dimension.name())) : Double.NaN;
    }
    return point;
  }

  /**
   * The configuration at {@code point}, a point of the unit cube with one coordinate per
   * dimension; the coordinates of the dimensions it leaves inactive are not read.
   */
  public Config fromUnit(double[] point) {
    if (point.length != dimensions.size()) {
      throw new IllegalArgumentException(
          "a point of this space has " + dimensions.size() + " coordinates, got " + point.length);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < point.length; i++) {
      Dimension<?> dimension = dimensions.get(i);
      if (activity(dimension.name(), values) == Activity.ACTIVE) {
        values.put(dimension.name(), dimension.fromUnit(point[i]));
      }
    }
    return Config.wrapping(values);
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
    private final Map<String, Condition> conditions = new LinkedHashMap<>();
    private final Map<String, Object> defaults = new LinkedHashMap<>();

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

    /** Adds {@code dimension}, active only while {@code condition} holds. */
    public Builder add(Dimension<?> dimension, Condition condition) {
      add(dimension);
      conditions.put(dimension.name(), Objects.requireNonNull(condition, "condition"));
      return this;
    }

    /**
     * Adds the dimensions of {@code space} under {@code name.}, with its conditions and defaults:
     * a schedule's {@code warmup} becomes {@code schedule.warmup}.
     */
    public Builder nested(String name, SearchSpace<?> space) {
      return embed(name + ".", null, space);
    }

    /**
     * Adds {@code choice} and, for each of its choices in order, the space of that branch, active
     * only while the choice is made: the dimension {@code beta1} of the branch {@code adam} of
     * {@code optimizer} becomes {@code optimizer.adam.beta1}. A branch with nothing to tune is an
     * empty space.
     *
     * @throws IllegalArgumentException if there is not one space per choice
     */
    public Builder choice(CategoricalDimension<?> choice, SearchSpace<?>... branches) {
      List<String> labels = choice.labels();
      if (branches.length != labels.size()) {
        throw new IllegalArgumentException("choice " + quote(choice.name()) + " has "
            + labels.size() + " choices " + labels + " but " + branches.length + " branches");
      }
      add(choice);
      for (int i = 0; i < branches.length; i++) {
        embed(choice.name() + "." + labels.get(i) + ".",
            Condition.of(choice.name(), labels.get(i)), branches[i]);
      }
      return this;
    }

    /** Adds every dimension of {@code space} under {@code prefix}; its top level under {@code when}. */
    private Builder embed(String prefix, Condition when, SearchSpace<?> space) {
      for (Dimension<?> dimension : space.dimensions) {
        Condition own = space.conditions.get(dimension.name());
        Condition condition = own != null ? own.under(prefix) : when;
        Dimension<?> named = dimension.named(prefix + dimension.name());
        if (condition == null) {
          add(named);
        } else {
          add(named, condition);
        }
      }
      space.defaults.asMap().forEach((name, value) -> defaults.put(prefix + name, value));
      return this;
    }

    /**
     * Sets the values that {@link SearchSpace#parse} and {@link SearchSpace#load} take for the keys
     * a configuration leaves out; each is checked by its dimension when the space is built.
     */
    public Builder defaults(Config values) {
      defaults.putAll(values.asMap());
      return this;
    }

    /**
     * The space.
     *
     * @throws IllegalArgumentException if two dimensions have one name, a condition's parent is
     *     not a categorical or boolean dimension before it, or a default is not allowed
     */
    public SearchSpace<Config> build() {
      return new SearchSpace<>(dimensions, conditions, config -> config, config -> config,
          Config.wrapping(new LinkedHashMap<>(defaults)));
    }
  }
}
