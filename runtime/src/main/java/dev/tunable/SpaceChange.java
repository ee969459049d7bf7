package dev.tunable;

import static dev.tunable.Checks.quote;

import dev.tunable.storage.Event.SpaceSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between two recorded search spaces, in words, for the warning a study gives when
 * it is resumed on another space than it last searched (issue 17).
 */
final class SpaceChange {
  private SpaceChange() {}

  /**
   * As {@link #between(List, List)}, with the conditions of the dimensions: an added conditional
   * dimension names its branch, and one whose condition changed says from what to what.
   */
  static List<String> between(SpaceSet before, SpaceSet after) {
    List<String> changes = between(before.dimensions(), after.dimensions(), after.conditions());
    Set<String> old = new HashSet<>();
    before.dimensions().forEach(dimension -> old.add(dimension.name()));
    for (Dimension<?> dimension : after.dimensions()) {
      String name = dimension.name();
      Condition was = before.conditions().get(name);
      Condition now = after.conditions().get(name);
      if (old.contains(name) && !Objects.equals(was, now)) {
        changes.add(quote(name) + " was " + activeWhile(was) + " and is now " + activeWhile(now));
      }
    }
    return changes;
  }

  /**
   * One phrase per dimension added, removed or changed (bounds, scale, step, choices, kind), in
   * the order of {@code after}, then the removed ones; empty if the spaces are the same.
   */
  static List<String> between(List<Dimension<?>> before, List<Dimension<?>> after) {
    return between(before, after, Map.of());
  }

  private static List<String> between(List<Dimension<?>> before, List<Dimension<?>> after,
      Map<String, Condition> conditions) {
    Map<String, Dimension<?>> old = new LinkedHashMap<>();
    before.forEach(dimension -> old.put(dimension.name(), dimension));
    List<String> changes = new ArrayList<>();
    for (Dimension<?> dimension : after) {
      Dimension<?> was = old.remove(dimension.name());
      Condition condition = conditions.get(dimension.name());
      if (was == null) {
        changes.add(quote(dimension.name()) + " added: " + dimension.describe()
            + (condition == null ? "" : ", " + activeWhile(condition)));
      } else if (!was.equals(dimension)) {
        changes.add(quote(dimension.name()) + " changed from " + described(was, dimension)
            + " to " + described(dimension, was));
      }
    }
    old.values().forEach(dimension ->
        changes.add(quote(dimension.name()) + " removed: it was " + dimension.describe()));
    if (changes.isEmpty() && !before.equals(after)) {
      changes.add("the dimensions were reordered, from " + names(before) + " to " + names(after));
    }
    return changes;
  }

  /** When a dimension under {@code condition} (null: none) is active, in words. */
  private static String activeWhile(Condition condition) {
    return condition == null ? "always active" : "active while " + condition.describe();
  }

  /** {@code dimension} in words; its record form if the words do not tell it from {@code other}. */
  private static String described(Dimension<?> dimension, Dimension<?> other) {
    return dimension.describe().equals(other.describe())
        ? dimension.toString() : dimension.describe();
  }

  private static List<String> names(List<Dimension<?>> dimensions) {
    return dimensions.stream().map(Dimension::name).toList();
  }
}
