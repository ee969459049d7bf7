package dev.tunable;

import static dev.tunable.Checks.quote;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The hyperparameter values of one trial, by dimension name, for search spaces built in code with
 * {@link SearchSpace#builder()}; generated spaces use their generated record instead. Immutable.
 *
 * <pre>{@code
 * double x = trial.params().getDouble("x");
 * int units = trial.params().getInt("units");
 * }</pre>
 *
 * @since 0.1
 */
public final class Config {
  private final Map<String, Object> values;

  private Config(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * A configuration over {@code values} as they are, without a copy or checks; for the study's
   * replay, whose event maps are already immutable and checked.
   */
  static Config wrapping(Map<String, Object> values) {
    return new Config(values);
  }

  /** A builder that checks each value against its dimension. */
  public static Builder builder() {
    return new Builder();
  }

  /** The value of {@code dimension}, in its own type. */
  public <T> T get(Dimension<T> dimension) {
    return dimension.check(get(dimension.name()));
  }

  /** The value named {@code name}, never {@code null}. */
  public Object get(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException(
          "no hyperparameter " + quote(name) + Checks.didYouMean(name, values.keySet())
              + "; this configuration has " + values.keySet());
    }
    return value;
  }

  /** The real or integer value named {@code name}, as a {@code double}. */
  public double getDouble(String name) {
    return number(name, "getDouble").doubleValue();
  }

  /** The integer value named {@code name}, which must fit an {@code int}. */
  public int getInt(String name) {
    return Math.toIntExact(getLong(name));
  }

  /** The integer value named {@code name}. */
  public long getLong(String name) {
    Number number = number(name, "getLong");
    if (!(number instanceof Long)) {
      throw wrongType(name, "getLong", "an integer");
    }
    return number.longValue();
  }

  /** The boolean value named {@code name}. */
  public boolean getBoolean(String name) {
    if (get(name) instanceof Boolean flag) {
      return flag;
    }
    throw wrongType(name, "getBoolean", "a boolean");
  }

  /** The categorical value named {@code name}, as its label (an enum constant's name). */
  public String getString(String name) {
    Object value = get(name);
    if (value instanceof Number || value instanceof Boolean) {
      throw wrongType(name, "getString", "a categorical");
    }
    return CategoricalDimension.label(value);
  }

  /** The enum constant named {@code name}, whether stored as the constant or as its label. */
  public <E extends Enum<E>> E getEnum(String name, Class<E> type) {
    Object value = get(name);
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    if (value instanceof String label) {
      return Enum.valueOf(type, label);
    }
    throw wrongType(name, "getEnum", "a constant of " + type.getSimpleName());
  }

  /**
   * The values of a nested space: those named {@code prefix.}something, under the names after
   * the prefix ({@code under("optimizer.adam")} maps {@code optimizer.adam.beta1} to {@code
   * beta1}); empty if there are none, as for an inactive branch.
   */
  public Config under(String prefix) {
    String dotted = prefix + ".";
    Map<String, Object> inner = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (name.startsWith(dotted)) {
        inner.put(name.substring(dotted.length()), value);
      }
    });
    return new Config(inner);
  }

  /** Whether this configuration has a value named {@code name}. */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The names, in the order of the search space. */
  public Set<String> names() {
    return values.keySet();
  }

  /** The values by name, in the order of the search space; unmodifiable. */
  public Map<String, Object> asMap() {
    return values;
  }

  private Number number(String name, String method) {
    if (get(name) instanceof Number number) {
      return number;
    }
    throw wrongType(name, method, "a number");
  }

  private IllegalArgumentException wrongType(String name, String method, String expected) {
    Object value = values.get(name);
    return new IllegalArgumentException(
        method + "(" + quote(name) + ") needs " + expected + ", but the value is "
            + Checks.describeValue(value));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Config config && values.equals(config.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return values.toString();
  }

  /** Builds a {@link Config}; not thread-safe. */
  public static final class Builder {
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder() {}

    /** Sets {@code dimension} to {@code value}, checked against the dimension. */
    public <T> Builder set(Dimension<T> dimension, Object value) {
      values.put(dimension.name(), dimension.check(value));
      return this;
    }

    /**
     * Sets the values of {@code nested} under {@code prefix.}, as a nested space's values are
     * named in the space that holds it; the inverse of {@link Config#under}.
     */
    public Builder setAll(String prefix, Config nested) {
      nested.values.forEach((name, value) -> values.put(prefix + "." + name, value));
      return this;
    }

    /** Sets {@code name} to {@code value} unchecked; {@link SearchSpace} checks it later. */
    Builder setUnchecked(String name, Object value) {
      values.put(name, Objects.requireNonNull(value, name));
      return this;
    }

    public Config build() {
      return new Config(new LinkedHashMap<>(values));
    }
  }
}
