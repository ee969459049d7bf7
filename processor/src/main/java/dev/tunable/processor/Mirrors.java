package dev.tunable.processor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotations through their mirrors, never through {@code getAnnotation} proxies, so that
 * every value keeps the position an error is reported at.
 */
final class Mirrors {
  private Mirrors() {}

  static Optional<AnnotationMirror> find(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  static boolean has(Element element, String annotation) {
    return find(element, annotation).isPresent();
  }

  /** One annotation's values, defaults included, and which of them the source wrote. */
  static final class Values {
    private final Map<String, AnnotationValue> all = new HashMap<>();
    private final Map<String, AnnotationValue> explicit = new HashMap<>();

    Values(AnnotationMirror mirror, Elements elements) {
      elements.getElementValuesWithDefaults(mirror)
          .forEach((key, value) -> all.put(name(key), value));
      mirror.getElementValues().forEach((key, value) -> explicit.put(name(key), value));
    }

    private static String name(ExecutableElement key) {
      return key.getSimpleName().toString();
    }

    /** Whether the source sets {@code name}, even to its default. */
    boolean isExplicit(String name) {
      return explicit.containsKey(name);
    }

    AnnotationValue value(String name) {
      return all.get(name);
    }

    /** The elements of an array value; javac hands a single unbraced value as a one-element list. */
    List<? extends AnnotationValue> array(String name) {
      Object value = all.get(name).getValue();
      return value instanceof List<?> ? elementsOf(all.get(name)) : List.of(all.get(name));
    }

    @SuppressWarnings("unchecked") // the type of an array value, per AnnotationValue's contract
    private static List<? extends AnnotationValue> elementsOf(AnnotationValue value) {
      return (List<? extends AnnotationValue>) value.getValue();
    }

    String string(String name) {
      return String.valueOf(all.get(name).getValue());
    }

    /** An enum value's constant name; an unresolved constant comes back as javac's text for it. */
    String enumConstant(String name) {
      Object value = all.get(name).getValue();
      return value instanceof Element constant ? constant.getSimpleName().toString() : "";
    }

    /** A number, or NaN when the source has an error javac reports itself. */
    static double number(AnnotationValue value) {
      return value.getValue() instanceof Number number ? number.doubleValue() : Double.NaN;
    }
  }
}
