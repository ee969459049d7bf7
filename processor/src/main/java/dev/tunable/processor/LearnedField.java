package dev.tunable.processor;

import com.palantir.javapoet.TypeName;

/**
 * One learned field.
 *
 * @param field the Java field's name, which is also the record component's
 * @param type the field's type
 * @param arrayDepth how many array dimensions the type has, 0 for a non-array
 * @param primitive whether the type, or the innermost component of the array, is primitive: such
 *     state is deep-copied and counted by {@code scalarCount()}
 * @param javadoc the field's Javadoc, which the generated accessor carries; empty when none
 */
record LearnedField(
    String field, TypeName type, int arrayDepth, boolean primitive, String javadoc) {

  boolean isPrimitiveArray() {
    return primitive && arrayDepth > 0;
  }
}
