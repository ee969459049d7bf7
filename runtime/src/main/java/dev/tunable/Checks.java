package dev.tunable;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Argument checks and the wording shared by every error message about hyperparameter values. */
final class Checks {
  private Checks() {}

  static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a dimension needs a non-blank name, got " + quote(name));
    }
    return name;
  }

  static double clampUnit(double u) {
    if (Double.isNaN(u)) {
      throw new IllegalArgumentException("a point of the unit interval must be a number, got NaN");
    }
    return Math.min(1, Math.max(0, u));
  }

  static IllegalArgumentException invalid(Dimension<?> dimension, Object value) {
    return new IllegalArgumentException(
        "hyperparameter " + quote(dimension.name()) + ": " + describeValue(value)
            + " is not allowed; expected " + dimension.describe());
  }

  static String describeValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String text) {
      return quote(text);
    }
    return value + " (" + value.getClass().getSimpleName() + ")";
  }

  static String quote(String text) {
    return text == null ? "null" : "'" + text + "'";
  }

  /** The candidate nearest to {@code name} by edit distance, if it is near enough to be a typo. */
  static Optional<String> closest(String name, Collection<String> candidates) {
    String lower = name.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .filter(c -> editDistance(lower, c.toLowerCase(Locale.ROOT)) <= Math.max(2, c.length() / 3))
        .min(Comparator.comparingInt(c -> editDistance(lower, c.toLowerCase(Locale.ROOT))));
  }

  /** {@code " (did you mean 'x'?)"} or the empty string. */
  static String didYouMean(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> " (did you mean " + quote(c) + "?)").orElse("");
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
