package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/** The rules of {@code @Learned}, one private method each; any type is allowed. */
final class LearnedValidator {
  private final Elements elements;
  private final FieldAccessRules access;

  LearnedValidator(Elements elements, FieldAccessRules access) {
    this.elements = elements;
    this.access = access;
  }

  /** The field's model, or empty after reporting every rule it breaks. */
  Optional<LearnedField> validate(VariableElement field, AnnotationMirror mirror, TypeElement model,
      ClassName generated, Report report) {
    int errorsBefore = report.size();
    access.check(field, mirror, model, generated, report);
    checkNoTypeVariable(field, mirror, report);
    if (report.size() != errorsBefore) {
      return Optional.empty();
    }
    TypeMirror type = field.asType();
    int depth = 0;
    while (type.getKind() == TypeKind.ARRAY) {
      type = ((ArrayType) type).getComponentType();
      depth++;
    }
    return Optional.of(new LearnedField(field.getSimpleName().toString(),
        TypeName.get(field.asType()), depth, type.getKind().isPrimitive(),
        HyperparameterValidator.javadoc(elements, field)));
  }

  /**
   * Worded without the model, so that a subclass inheriting the field repeats the same error,
   * printed once, rather than a second one blaming itself for its superclass's type variable.
   */
  private static void checkNoTypeVariable(VariableElement field, AnnotationMirror mirror,
      Report report) {
    typeVariableIn(field.asType()).ifPresent(variable -> report.error(
        Message.LEARNED_TYPE_VARIABLE, field, mirror, field.getSimpleName(), field.asType(),
        variable.asElement().getEnclosingElement().getSimpleName()));
  }

  private static Optional<TypeVariable> typeVariableIn(TypeMirror type) {
    switch (type.getKind()) {
      case TYPEVAR:
        return Optional.of((TypeVariable) type);
      case ARRAY:
        return typeVariableIn(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        Optional<TypeVariable> found = wildcard.getExtendsBound() == null
            ? Optional.empty() : typeVariableIn(wildcard.getExtendsBound());
        return found.isPresent() || wildcard.getSuperBound() == null
            ? found : typeVariableIn(wildcard.getSuperBound());
      case DECLARED:
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          Optional<TypeVariable> inArgument = typeVariableIn(argument);
          if (inArgument.isPresent()) {
            return inArgument;
          }
        }
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }
}
