package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Optional;

/**
 * One learned field.
 *
 * @param field the Java field's name, which is also the record component's
 * @param type the field's type
 * @param arrayDepth how many array dimensions the type has, 0 for a non-array
 * @param primitive whether the type, or the innermost component of the array, is primitive: such
 *     state is deep-copied and counted by {@code scalarCount()}
 * @param javadoc the field's Javadoc, which the generated accessor carries; empty when none
 * @param codec the {@code LearnedCodec} that deep-copies the field through bytes; empty when the
 *     field is copied as it is (primitives, arrays of them) or by reference (other objects)
 */
record LearnedField(String field, TypeName type, int arrayDepth, boolean primitive,
    String javadoc, Optional<ClassName> codec) {

  /** Held by reference: neither primitive, nor an array of primitives, nor copied by a codec. */
  boolean isShared() {
    return !primitive && codec.isEmpty();
  }

  boolean isPrimitiveArray() {
    return primitive && arrayDepth > 0;
  }
}
