package dev.tunable.processor;

import com.palantir.javapoet.TypeName;
import java.util.Optional;

/**
 * One valid hyperparameter.
 *
 * @param field the Java field's name, which is also the record component's
 * @param name the dimension's name in search spaces and configuration files
 * @param constant the UPPER_SNAKE name of the generated dimension constant
 * @param description what it does, or empty
 * @param type the record component's type: the field's, or for a nested class or a choice the
 *     generated record or sealed interface
 * @param domain the values it may take
 * @param initialValue the value a fresh model holds, when the source shows it as a constant: a
 *     {@code Double}, {@code Long}, {@code Boolean} or a choice's label
 * @param javadoc the field's Javadoc (without one, its description), which the generated
 *     accessor carries; empty when there is neither
 */
record HyperparameterField(
    String field,
    String name,
    String constant,
    String description,
    TypeName type,
    Domain domain,
    Optional<Object> initialValue,
    String javadoc) {

  /** Whether the field is a nested space or a choice rather than one dimension. */
  boolean isComposite() {
    return domain instanceof Domain.Nested || domain instanceof Domain.Choice;
  }
}
