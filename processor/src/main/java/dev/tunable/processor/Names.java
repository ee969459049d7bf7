package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/** Every name the processor generates, computed in one place. */
final class Names {
  static final String HYPERPARAMETER = "dev.tunable.annotations.Hyperparameter";
  static final String LEARNED = "dev.tunable.annotations.Learned";
  static final String DESCRIPTOR_DIRECTORY = "META-INF/tunable/";

  private Names() {}

  /** {@code Outer_InnerHyperparameters} for {@code Outer.Inner}, in the class's package. */
  static ClassName hyperparameters(TypeElement type) {
    return generated(type, "Hyperparameters");
  }

  /** {@code Outer_InnerParameters} for {@code Outer.Inner}, in the class's package. */
  static ClassName parameters(TypeElement type) {
    return generated(type, "Parameters");
  }

  private static ClassName generated(TypeElement type, String suffix) {
    StringBuilder name = new StringBuilder(type.getSimpleName());
    Element enclosing = type.getEnclosingElement();
    while (enclosing.getKind() != ElementKind.PACKAGE) {
      name.insert(0, enclosing.getSimpleName() + "_");
      enclosing = enclosing.getEnclosingElement();
    }
    return ClassName.get(((PackageElement) enclosing).getQualifiedName().toString(), name + suffix);
  }

  /** {@code META-INF/tunable/com.example.Outer$Inner.json}. */
  static String descriptor(String binaryName) {
    return DESCRIPTOR_DIRECTORY + binaryName + ".json";
  }

  /** {@code META-INF/tunable/com.example.Outer$Inner.schema.json}. */
  static String schema(String binaryName) {
    return DESCRIPTOR_DIRECTORY + binaryName + ".schema.json";
  }

  /** {@code LEARNING_RATE} for {@code learningRate}, {@code USE_HTTP_CACHE} for {@code useHTTPCache}. */
  static String constant(String field) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      boolean upper = Character.isUpperCase(c);
      if (upper && i > 0 && out.charAt(out.length() - 1) != '_') {
        char before = field.charAt(i - 1);
        boolean wordStart = Character.isLowerCase(before) || Character.isDigit(before)
            || (i + 1 < field.length() && Character.isLowerCase(field.charAt(i + 1))
                && Character.isUpperCase(before));
        if (wordStart) {
          out.append('_');
        }
      }
      out.append(c);
    }
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** {@code withLearningRate} for {@code learningRate}. */
  static String wither(String field) {
    return "with" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
  }
}
