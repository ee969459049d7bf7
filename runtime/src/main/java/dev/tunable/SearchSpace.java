package dev.tunable;

import static dev.tunable.Checks.quote;

import dev.tunable.annotations.Scale;
import java.util.ArrayList;
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

  private SearchSpace(
      List<Dimension<?>> dimensions, Function<Config, C> fromConfig, Function<C, Config> toConfig) {
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
    return new SearchSpace<>(dimensions, fromConfig, toConfig);
  }

  /** The dimensions, in order. */
  public List<Dimension<?>> dimensions() {
    return dimensions;
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
        problems.add(absent(dimension, values));
        continue;
      }
      problems.attempt(() -> config.set(dimension, value));
    }
    reportUnknownNames(values.keySet(), problems);
    problems.throwIfAny();
    return config.build();
  }

  /**
   * Reads a complete configuration from text, as in a properties file.
   *
   * @throws IllegalArgumentException listing every missing, unknown or invalid key
   */
  public Config parse(Map<String, String> text) {
    Problems problems = new Problems();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Dimension<?> dimension : dimensions) {
      String value = text.get(dimension.name());
      if (value == null) {
        problems.add(absent(dimension, text));
      } else {
        problems.attempt(() -> values.put(dimension.name(), dimension.parse(value)));
      }
    }
    reportUnknownNames(text.keySet(), problems);
    problems.throwIfAny();
    return check(values);
  }

  /**
   * {@code base} with the values named in {@code overrides} replaced by their parsed text.
   *
   * @throws IllegalArgumentException listing every unknown key and invalid value
   */
  public Config override(Config base, Map<String, String> overrides) {
    Problems problems = new Problems();
    Map<String, Object> values = new LinkedHashMap<>(base.asMap());
    overrides.forEach(
        (name, text) -> {
          Dimension<?> dimension = name == null ? null : byName.get(name);
          if (dimension == null) {
            problems.add(unknownName(name));
          } else if (text == null) {
            problems.add(isNull(dimension));
          } else {
            problems.attempt(() -> values.put(name, dimension.parse(text)));
          }
        });
    problems.throwIfAny();
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
        problems.add("assignment #" + (i + 1) + " is null; give key=value");
        continue;
      }
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        problems.add(quote(assignment) + " is not of the form key=value");
      } else {
        overrides.put(assignment.substring(0, equals).strip(), assignment.substring(equals + 1));
      }
    }
    problems.throwIfAny();
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
        problems.add(unknownName(name));
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

  /** Collects every problem of one input so that a user can fix them all at once. */
  private static final class Problems {
    private final List<String> messages = new ArrayList<>();

    void add(String message) {
      messages.add(message);
    }

    void attempt(Runnable action) {
      try {
        action.run();
      } catch (IllegalArgumentException e) {
        messages.add(e.getMessage());
      }
    }

    void throwIfAny() {
      if (messages.size() == 1) {
        throw new IllegalArgumentException(messages.get(0));
      }
      if (!messages.isEmpty()) {
        throw new IllegalArgumentException(
            messages.size() + " problems in the configuration:\n  - "
                + String.join("\n  - ", messages));
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
      return new SearchSpace<>(dimensions, config -> config, config -> config);
    }
  }
}
