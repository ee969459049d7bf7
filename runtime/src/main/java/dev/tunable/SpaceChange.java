package dev.tunable;

import static dev.tunable.Checks.quote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What differs between two recorded search spaces, in words, for the warning a study gives when
 * it is resumed on another space than it last searched (issue 17).
 */
final class SpaceChange {
  private SpaceChange() {}

  /**
   * One phrase per dimension added, removed or changed (bounds, scale, step, choices, kind), in
   * the order of {@code after}, then the removed ones; empty if the spaces are the same.
   */
  static List<String> between(List<Dimension<?>> before, List<Dimension<?>> after) {
    Map<String, Dimension<?>> old = new LinkedHashMap<>();
    before.forEach(dimension -> old.put(dimension.name(), dimension));
    List<String> changes = new ArrayList<>();
    for (Dimension<?> dimension : after) {
      Dimension<?> was = old.remove(dimension.name());
      if (was == null) {
        changes.add(quote(dimension.name()) + " added: " + dimension.describe());
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

  /** {@code dimension} in words; its record form if the words do not tell it from {@code other}. */
  private static String described(Dimension<?> dimension, Dimension<?> other) {
    return dimension.describe().equals(other.describe())
        ? dimension.toString() : dimension.describe();
  }

  private static List<String> names(List<Dimension<?>> dimensions) {
    return dimensions.stream().map(Dimension::name).toList();
  }
}
