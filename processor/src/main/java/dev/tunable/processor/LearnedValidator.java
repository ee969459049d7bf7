package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The rules of {@code @Learned}, one private method each; any type is allowed. */
final class LearnedValidator {
  private static final String CODEC = "dev.tunable.annotations.LearnedCodec";

  private final Elements elements;
  private final Types types;
  private final FieldAccessRules access;

  LearnedValidator(Elements elements, Types types, FieldAccessRules access) {
    this.elements = elements;
    this.types = types;
    this.access = access;
  }

  /** The field's model, or empty after reporting every rule it breaks. */
  Optional<LearnedField> validate(VariableElement field, AnnotationMirror mirror, TypeElement model,
      ClassName generated, Report report) {
    int errorsBefore = report.size();
    access.check(field, mirror, model, generated, report);
    checkNoTypeVariable(field, mirror, report);
    TypeMirror type = field.asType();
    int depth = 0;
    while (type.getKind() == TypeKind.ARRAY) {
      type = ((ArrayType) type).getComponentType();
      depth++;
    }
    boolean primitive = type.getKind().isPrimitive();
    AnnotationValue codecValue = new Mirrors.Values(mirror, elements).value("codec");
    Optional<TypeElement> codec = codecValue.getValue() instanceof DeclaredType declared
        ? Optional.of((TypeElement) declared.asElement()) : Optional.empty();
    codec.ifPresent(c -> {
      checkCodecNeeded(field, primitive, c, mirror, codecValue, report);
      checkCodecInstantiable(field, c, generated, mirror, codecValue, report);
      checkCodecType(field, c, mirror, codecValue, report);
    });
    if (report.size() != errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new LearnedField(field.getSimpleName().toString(),
        TypeName.get(field.asType()), depth, primitive,
        HyperparameterValidator.javadoc(elements, field), codec.map(ClassName::get)));
  }

  /** Primitives and arrays of them are copied already; a codec there is a mistake. */
  private static void checkCodecNeeded(VariableElement field, boolean primitive, TypeElement codec,
      AnnotationMirror mirror, AnnotationValue value, Report report) {
    if (primitive) {
      report.error(Message.LEARNED_CODEC_NOT_NEEDED, field, mirror, value, field.getSimpleName(),
          field.asType(), codec.getSimpleName() + ".class");
    }
  }

  /** The generated record calls {@code new Codec()} from the model's package. */
  private void checkCodecInstantiable(VariableElement field, TypeElement codec,
      ClassName generated, AnnotationMirror mirror, AnnotationValue value, Report report) {
    boolean nestedInInstance = codec.getNestingKind() == NestingKind.MEMBER
        && !codec.getModifiers().contains(Modifier.STATIC);
    boolean samePackage = ClassName.get(codec).packageName().equals(generated.packageName());
    boolean reachable = access.nameable(codec, elements.getPackageOf(field)); // the model's
    boolean constructor = ElementFilter.constructorsIn(codec.getEnclosedElements()).stream()
        .filter(c -> c.getParameters().isEmpty())
        .anyMatch(c -> visible(c, samePackage));
    if (codec.getKind() != ElementKind.CLASS || codec.getModifiers().contains(Modifier.ABSTRACT)
        || !codec.getTypeParameters().isEmpty() || nestedInInstance || !reachable
        || !constructor) {
      report.error(Message.LEARNED_CODEC_NOT_INSTANTIABLE, field, mirror, value,
          codec.getQualifiedName(), field.getSimpleName(), generated.packageName());
    }
  }

  private static boolean visible(ExecutableElement constructor, boolean samePackage) {
    return constructor.getModifiers().contains(Modifier.PUBLIC)
        || (samePackage && !constructor.getModifiers().contains(Modifier.PRIVATE));
  }

  private void checkCodecType(VariableElement field, TypeElement codec, AnnotationMirror mirror,
      AnnotationValue value, Report report) {
    TypeElement codecInterface = elements.getTypeElement(CODEC);
    if (codecInterface == null || field.asType().getKind().isPrimitive()) {
      return; // no annotations on the class path is javac's error; a primitive is reported above
    }
    TypeMirror expected = types.getDeclaredType(codecInterface, field.asType());
    if (!types.isAssignable(codec.asType(), expected)) {
      report.error(Message.LEARNED_CODEC_WRONG_TYPE, field, mirror, value,
          codec.getQualifiedName(), field.getSimpleName(), field.asType(), field.asType());
    }
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
