package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;

/**
 * The rules every annotated field obeys, whichever annotation it carries: generated code in the
 * model's package reads and writes it directly, so it must be reachable and assignable.
 */
final class FieldAccessRules {
  private final Elements elements;

  FieldAccessRules(Elements elements) {
    this.elements = elements;
  }

  /**
   * Checks {@code field} of {@code model} (declared there or in a superclass), for the generated
   * class {@code generated}.
   */
  void check(VariableElement field, AnnotationMirror mirror, TypeElement model, ClassName generated,
      Report report) {
    if (!checkOwnerHoldsState(field, mirror, generated, report)) {
      // A record's fields are private and final, an interface's static and final, with no way
      // to remove either: one error says what to declare instead.
      checkNotPrivate(field, mirror, generated, report);
      checkNotFinal(field, mirror, generated, report);
      checkNotStatic(field, mirror, generated, report);
    }
    checkInheritedReachable(field, model, generated, report);
    checkTypeReachable(field, mirror, model, generated, report);
  }

  /** Reports a field of a record or an interface, and says whether it did. */
  private static boolean checkOwnerHoldsState(VariableElement field, AnnotationMirror mirror,
      ClassName generated, Report report) {
    Element owner = field.getEnclosingElement();
    String kind = switch (owner.getKind()) {
      case RECORD -> "record";
      case INTERFACE -> "interface";
      case ANNOTATION_TYPE -> "annotation type";
      default -> null;
    };
    if (kind == null) {
      return false;
    }
    String fields = owner.getKind() == ElementKind.RECORD
        ? "whose fields are private and final" : "whose fields are constants";
    report.error(Message.FIELD_OF_RECORD_OR_INTERFACE, field, mirror, field.getSimpleName(), kind,
        owner.getSimpleName(), fields, generated.simpleName());
    return true;
  }

  private static void checkNotPrivate(VariableElement field, AnnotationMirror mirror,
      ClassName generated, Report report) {
    if (field.getModifiers().contains(Modifier.PRIVATE)) {
      report.error(Message.PRIVATE_FIELD, field, mirror, field.getSimpleName(), generated.simpleName());
    }
  }

  private static void checkNotFinal(VariableElement field, AnnotationMirror mirror,
      ClassName generated, Report report) {
    if (field.getModifiers().contains(Modifier.FINAL)) {
      report.error(Message.FINAL_FIELD, field, mirror, field.getSimpleName(), generated.simpleName());
    }
  }

  private static void checkNotStatic(VariableElement field, AnnotationMirror mirror,
      ClassName generated, Report report) {
    if (field.getModifiers().contains(Modifier.STATIC)) {
      report.error(Message.STATIC_FIELD, field, mirror, field.getSimpleName(), generated.simpleName());
    }
  }

  /** Reported on the model, which the user compiles; the superclass may come from a jar. */
  private void checkInheritedReachable(VariableElement field, TypeElement model,
      ClassName generated, Report report) {
    TypeElement owner = (TypeElement) field.getEnclosingElement();
    if (owner.equals(model) || field.getModifiers().contains(Modifier.PUBLIC)
        || field.getModifiers().contains(Modifier.PRIVATE)
        || elements.getPackageOf(owner).equals(elements.getPackageOf(model))) {
      return;
    }
    report.error(Message.INACCESSIBLE_INHERITED_FIELD, model, field.getSimpleName(),
        owner.getQualifiedName(), generated.simpleName());
  }

  /**
   * Every type the field's type names, type arguments and enclosing types included, must be
   * nameable from the model's package, where the generated code is.
   */
  private void checkTypeReachable(VariableElement field, AnnotationMirror mirror,
      TypeElement model, ClassName generated, Report report) {
    PackageElement from = elements.getPackageOf(model);
    Optional<TypeElement> unreachable = unreachable(field.asType(), from);
    if (unreachable.isEmpty()) {
      return;
    }
    TypeElement named = unreachable.get();
    TypeElement culprit = culprit(named, from);
    boolean isPrivate = culprit.getModifiers().contains(Modifier.PRIVATE);
    String state = isPrivate
        ? (culprit == named ? "private" : "inside private class " + culprit.getSimpleName())
        : (culprit == named ? "" : "inside class " + culprit.getSimpleName() + ", which is ")
            + "not public in package " + elements.getPackageOf(culprit);
    String why = isNamedType(field.asType(), named)
        ? "is " + state
        : "names " + named.getQualifiedName() + ", "
            + (isPrivate && culprit == named ? "a private class" : state);
    String fix = isPrivate
        ? "make " + culprit.getSimpleName() + " at least package-private"
        : "make " + culprit.getSimpleName() + " public";
    report.error(Message.UNREACHABLE_TYPE, field, mirror, field.getSimpleName(), field.asType(),
        why, generated.simpleName(), fix);
  }

  /** Whether {@code type}, after its array dimensions, is {@code element} itself. */
  private static boolean isNamedType(TypeMirror type, TypeElement element) {
    while (type.getKind() == TypeKind.ARRAY) {
      type = ((ArrayType) type).getComponentType();
    }
    return type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().equals(element);
  }

  /** The first type named in {@code type} that code in package {@code from} cannot name. */
  private Optional<TypeElement> unreachable(TypeMirror type, PackageElement from) {
    switch (type.getKind()) {
      case ARRAY:
        return unreachable(((ArrayType) type).getComponentType(), from);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        Optional<TypeElement> extendsBound = wildcard.getExtendsBound() == null
            ? Optional.empty() : unreachable(wildcard.getExtendsBound(), from);
        return extendsBound.isPresent() || wildcard.getSuperBound() == null
            ? extendsBound : unreachable(wildcard.getSuperBound(), from);
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        TypeElement element = (TypeElement) declared.asElement();
        if (culprit(element, from) != null) {
          return Optional.of(element);
        }
        // Outer<T>.Inner: the outer type's arguments are part of the name too.
        if (declared.getEnclosingType().getKind() == TypeKind.DECLARED) {
          Optional<TypeElement> outer = unreachable(declared.getEnclosingType(), from);
          if (outer.isPresent()) {
            return outer;
          }
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          Optional<TypeElement> found = unreachable(argument, from);
          if (found.isPresent()) {
            return found;
          }
        }
        return Optional.empty();
      default:
        return Optional.empty(); // primitives; type variables are LearnedTypeVariable's concern
    }
  }

  /** Whether code in package {@code from} can name {@code type}, and each type enclosing it. */
  boolean nameable(TypeElement type, PackageElement from) {
    return culprit(type, from) == null;
  }

  /**
   * The type in {@code type}'s chain of enclosing types that makes it unnameable from package
   * {@code from}: a private one, or one that is not public in another package (protected included,
   * as the generated code is no subclass); null when it can be named.
   */
  private TypeElement culprit(TypeElement type, PackageElement from) {
    for (Element e = type; e != null && e.getKind() != ElementKind.PACKAGE;
        e = e.getEnclosingElement()) {
      if (!(e instanceof TypeElement enclosing)) {
        continue;
      }
      Set<Modifier> modifiers = enclosing.getModifiers();
      boolean elsewhere = !elements.getPackageOf(enclosing).equals(from);
      if (modifiers.contains(Modifier.PRIVATE)
          || (!modifiers.contains(Modifier.PUBLIC) && elsewhere)) {
        return enclosing;
      }
    }
    return null;
  }
}
