package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
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
    checkNotPrivate(field, mirror, generated, report);
    checkNotFinal(field, mirror, generated, report);
    checkNotStatic(field, mirror, generated, report);
    checkInheritedReachable(field, model, generated, report);
    checkTypeReachable(field, mirror, generated, report);
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

  private static void checkTypeReachable(VariableElement field, AnnotationMirror mirror,
      ClassName generated, Report report) {
    TypeMirror type = field.asType();
    while (type.getKind() == TypeKind.ARRAY) {
      type = ((javax.lang.model.type.ArrayType) type).getComponentType();
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return;
    }
    for (Element e = ((DeclaredType) type).asElement();
        e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        report.error(Message.UNREACHABLE_TYPE, field, mirror, field.getSimpleName(), type,
            generated.simpleName(), e.getSimpleName());
        return;
      }
    }
  }
}
