package dev.tunable;

import static dev.tunable.Checks.quote;

import java.util.List;
import java.util.Objects;

/**
 * When a dimension of a conditional {@link SearchSpace} is active: while its {@code parent}, a
 * categorical or boolean dimension earlier in the space, is active and holds one of {@code labels}.
 * An inactive dimension has no value: a trial's parameters, a configuration file and a generated
 * record leave it out.
 *
 * <p>The branches of a {@link SearchSpace.Builder#choice choice} are conditions on the choice's
 * dimension: {@code optimizer.adam.beta1} is active while {@code optimizer} is {@code adam}.
 *
 * @param parent the name of the dimension this one depends on
 * @param labels the parent's values, as labels ({@code "adam"}, {@code "true"}), under which this
 *     dimension is active; at least one
 * @since 0.3
 */
public record Condition(String parent, List<String> labels) {

  public Condition {
    Objects.requireNonNull(parent, "parent");
    labels = List.copyOf(labels);
    if (labels.isEmpty()) {
      throw new IllegalArgumentException(
          "a condition on " + quote(parent) + " needs at least one of its values");
    }
  }

  /** Active while {@code parent} holds one of {@code labels}. */
  public static Condition of(String parent, String... labels) {
    return new Condition(parent, List.of(labels));
  }

  /** Whether a parent holding {@code value} (a choice, an enum constant, a boolean) activates. */
  public boolean holdsFor(Object value) {
    return value != null && labels.contains(CategoricalDimension.label(value));
  }

  /** The condition in words, for error messages: {@code optimizer = adam}. */
  public String describe() {
    return parent + (labels.size() == 1 ? " = " + labels.get(0) : " in " + labels);
  }

  /** This condition with {@code prefix} before its parent's name, for a nested space. */
  Condition under(String prefix) {
    return new Condition(prefix + parent, labels);
  }
}
