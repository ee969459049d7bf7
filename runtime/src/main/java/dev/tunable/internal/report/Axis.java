package dev.tunable.internal.report;

import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Dimension;
import dev.tunable.FrozenTrial;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.annotations.Scale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One hyperparameter as the report draws it: numeric (on a linear or log axis) or categorical
 * (its labels in order).
 *
 * @param categories the labels of a categorical axis in the order they are drawn; empty if numeric
 */
public record Axis(String name, boolean categorical, boolean log, List<String> categories) {
  /** Values spanning this many decades or more, all positive, are drawn on a log axis. */
  static final double LOG_SPAN = 1000;

  public Axis {
    Objects.requireNonNull(name, "name");
    categories = List.copyOf(categories);
    if (categorical && log) {
      throw new IllegalArgumentException("categorical axis '" + name + "' cannot be log");
    }
  }

  /** A numeric axis. */
  public static Axis numeric(String name, boolean log) {
    return new Axis(name, false, log, List.of());
  }

  /** A categorical axis with {@code categories} in this order. */
  public static Axis categorical(String name, List<String> categories) {
    return new Axis(name, true, false, categories);
  }

  /** The axis of a search-space dimension: its scale, its choices in their declared order. */
  public static Axis of(Dimension<?> dimension) {
    if (dimension instanceof RealDimension real) {
      return numeric(real.name(), real.scale() == Scale.LOG);
    } else if (dimension instanceof IntegerDimension integer) {
      return numeric(integer.name(), integer.scale() == Scale.LOG);
    } else if (dimension instanceof CategoricalDimension<?> choice) {
      return categorical(choice.name(), choice.labels());
    } else if (dimension instanceof BooleanDimension bool) {
      return categorical(bool.name(), List.of("false", "true"));
    }
    throw new IllegalArgumentException("unknown kind of dimension: " + dimension);
  }

  /**
   * The axes of every hyperparameter the trials have, in the order first seen: those of {@code
   * known} where given, else numeric if every value is a number (log when all are positive and
   * span {@link #LOG_SPAN} or more), categorical otherwise with its labels in the order first seen.
   */
  static List<Axis> infer(List<FrozenTrial> trials, Map<String, Axis> known) {
    Map<String, List<Object>> values = new LinkedHashMap<>();
    for (FrozenTrial trial : trials) {
      trial.params().asMap().forEach(
          (name, value) -> values.computeIfAbsent(name, n -> new ArrayList<>()).add(value));
    }
    List<Axis> axes = new ArrayList<>();
    values.forEach((name, seen) -> axes.add(
        known.containsKey(name) ? known.get(name) : inferOne(name, seen)));
    return List.copyOf(axes);
  }

  /** The axis {@code seen} values suggest (see {@link #infer}). */
  static Axis inferOne(String name, List<Object> seen) {
    boolean numbers = seen.stream().allMatch(v -> v instanceof Number);
    if (!numbers) {
      Set<String> labels = new LinkedHashSet<>();
      seen.forEach(v -> labels.add(String.valueOf(v)));
      return categorical(name, new ArrayList<>(labels));
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (Object v : seen) {
      double d = ((Number) v).doubleValue();
      min = Math.min(min, d);
      max = Math.max(max, d);
    }
    return numeric(name, min > 0 && max / min >= LOG_SPAN);
  }

  /** The trial's value on this numeric axis, or NaN if it has none. */
  double number(FrozenTrial trial) {
    return trial.params().has(name) && trial.params().get(name) instanceof Number n
        ? n.doubleValue() : Double.NaN;
  }

  /** The trial's position among the categories, or -1 if it has none. */
  int index(FrozenTrial trial) {
    return trial.params().has(name) ? categories.indexOf(String.valueOf(trial.params().get(name)))
        : -1;
  }

  /** The trial's position on this axis (a number, or a category's index), or NaN if none. */
  double position(FrozenTrial trial) {
    if (categorical) {
      int index = index(trial);
      return index < 0 ? Double.NaN : index;
    }
    return number(trial);
  }
}
