package dev.tunable.internal.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Near misses, for the "did you mean …?" of unknown names and choices. */
public final class Spelling {
  private Spelling() {}

  /**
   * The candidate nearest to {@code text} by edit distance, ignoring case, if it is near enough to
   * be a typo: within 2 edits, or a third of the candidate's length.
   */
  public static Optional<String> closest(String text, Collection<String> candidates) {
    String lower = text.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .filter(c -> editDistance(lower, c.toLowerCase(Locale.ROOT)) <= Math.max(2, c.length() / 3))
        .min(Comparator.comparingInt(c -> editDistance(lower, c.toLowerCase(Locale.ROOT))));
  }

  /** The Levenshtein distance: insertions, deletions and substitutions. */
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
