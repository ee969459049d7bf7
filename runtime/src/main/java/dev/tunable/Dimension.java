package dev.tunable;

import dev.tunable.annotations.Scale;
import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a {@link SearchSpace}: a named hyperparameter with its type, bounds and scale.
 *
 * <p>Every dimension maps its values to and from the unit interval, which is where samplers work:
 * a sampler proposes a point of the unit cube and {@link SearchSpace#fromUnit} turns it into typed
 * values. The mapping follows the dimension's own scale, so a uniform {@code u} gives a
 * log-uniform value on a {@link Scale#LOG} dimension and every integer or step the same share of
 * the interval. Dimensions are immutable and safe to share between threads.
 *
 * @param <T> the type of the dimension's values: {@link Double}, {@link Long}, {@link Boolean} or
 *     the type of a categorical's choices
 * @since 0.1
 */
public sealed interface Dimension<T>
    permits RealDimension, IntegerDimension, CategoricalDimension, BooleanDimension {

  /**
   * The name of this dimension in its search space, trials and configuration files: a letter or
   * {@code _}, then letters, digits, {@code _}, {@code -} and {@code .}, 255 characters at most
   * (it is stored with every trial's values).
   */
  String name();

  /**
   * A copy of this dimension under another name, as a nested space's dimensions get their
   * dotted names ({@code optimizer.adam.beta1}).
   *
   * @throws IllegalArgumentException if {@code name} is not a valid name
   */
  Dimension<T> named(String name);

  /** The value at {@code u}, a point of the unit interval; {@code u} is clamped to {@code [0, 1]}. */
  T fromUnit(double u);

  /** The point of the unit interval that stands for {@code value}; the inverse of {@link #fromUnit}. */
  double toUnit(T value);

  /**
   * Checks that {@code value} belongs to this dimension and returns it in the dimension's own
   * type; numbers of another boxed type are converted when no precision is lost.
   *
   * @throws IllegalArgumentException naming the dimension, the value and what is allowed
   */
  T check(Object value);

  /**
   * Parses {@code text} as it is written in configuration files and on command lines.
   *
   * @throws IllegalArgumentException naming the dimension, the text and what is allowed
   */
  T parse(String text);

  /** {@code value} as {@link #parse} reads it back. */
  default String format(T value) {
    return String.valueOf(value);
  }

  /**
   * The values a grid search visits: every value of a discrete dimension, or {@code
   * pointsIfContinuous} evenly spaced values (in the dimension's scale) of a continuous one.
   *
   * @throws IllegalArgumentException if the dimension is continuous and {@code pointsIfContinuous}
   *     is below 2
   */
  List<T> gridValues(int pointsIfContinuous);

  /** Whether the dimension holds finitely many values, so that a grid can cover it without a size. */
  boolean isDiscrete();

  /** What the dimension allows, in words, for error messages: {@code "a real in [0.001, 0.1] (log scale)"}. */
  String describe();

  /**
   * Calls the method of {@code visitor} for this dimension's kind, with this dimension, and
   * returns what it returns.
   */
  <R> R accept(Visitor<R> visitor);

  /**
   * An operation on dimensions with one method per kind of dimension: the one way for code outside
   * this package to tell the kinds apart. A new kind of dimension adds a method here, so every
   * visitor fails to compile until it handles the new kind, where a chain of {@code instanceof}
   * tests would fall through to its {@code else} at run time. (Pattern matching for {@code switch},
   * which would check the same, is a preview feature on Java 17.)
   *
   * @param <R> what the operation returns
   * @since 0.1
   */
  interface Visitor<R> {
    R visitReal(RealDimension dimension);

    R visitInteger(IntegerDimension dimension);

    R visitCategorical(CategoricalDimension<?> dimension);

    R visitBoolean(BooleanDimension dimension);
  }

  /** A continuous dimension over {@code [low, high]} on a linear scale. */
  static RealDimension real(String name, double low, double high) {
    return new RealDimension(name, low, high, Scale.LINEAR, 0);
  }

  /** A continuous dimension over {@code [low, high]} on the given scale. */
  static RealDimension real(String name, double low, double high, Scale scale) {
    return new RealDimension(name, low, high, scale, 0);
  }

  /** An integer dimension over {@code [low, high]}, both included, on a linear scale. */
  static IntegerDimension integer(String name, long low, long high) {
    return new IntegerDimension(name, low, high, Scale.LINEAR, 1);
  }

  /** An integer dimension over {@code [low, high]}, both included, on the given scale. */
  static IntegerDimension integer(String name, long low, long high, Scale scale) {
    return new IntegerDimension(name, low, high, scale, 1);
  }

  /** A categorical dimension over {@code choices}, in order; none may be {@code null}. */
  @SafeVarargs
  static <T> CategoricalDimension<T> categorical(String name, T... choices) {
    // Copied element by element: handing the varargs array on is what -Xlint:varargs warns about.
    List<T> list = new ArrayList<>(choices.length);
    for (T choice : choices) {
      list.add(choice);
    }
    return new CategoricalDimension<>(name, list);
  }

  /** A categorical dimension over every constant of {@code type}, in declaration order. */
  static <E extends Enum<E>> CategoricalDimension<E> categorical(String name, Class<E> type) {
    return new CategoricalDimension<>(name, List.of(type.getEnumConstants()));
  }

  /** A dimension whose values are {@code false} and {@code true}. */
  static BooleanDimension bool(String name) {
    return new BooleanDimension(name);
  }
}
