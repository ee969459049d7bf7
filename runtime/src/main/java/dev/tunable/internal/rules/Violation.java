package dev.tunable.internal.rules;

/**
 * One broken rule, with where it is in the declaration and the values a message needs.
 *
 * @param rule the rule broken
 * @param part the part of the declaration at fault, where a message or a diagnostic belongs
 * @param index the position of the choice at fault when {@code part} is {@link Part#CHOICE}, else
 *     {@code -1}
 * @param actual the offending value, as said on each {@link Rule}; {@code null} where the rule
 *     needs none
 * @param suggestion a value that would fix it, as said on each {@link Rule}; {@code null} where
 *     there is none
 */
public record Violation(Rule rule, Part part, int index, Object actual, Object suggestion) {

  /** The parts of a declaration, as written in {@code @Hyperparameter} or a dimension. */
  public enum Part { NAME, LOW, HIGH, RANGE, STEP, CHOICES, CHOICE, VALUE }

  static Violation of(Rule rule, Part part, Object actual) {
    return new Violation(rule, part, -1, actual, null);
  }

  static Violation of(Rule rule, Part part, Object actual, Object suggestion) {
    return new Violation(rule, part, -1, actual, suggestion);
  }

  static Violation ofChoice(Rule rule, int index, String label, Object suggestion) {
    return new Violation(rule, Part.CHOICE, index, label, suggestion);
  }
}
