package dev.tunable.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/** What the source writers share: the file layout, literals and names. */
final class Writers {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private Writers() {}

  /**
   * {@code @Generated("dev.tunable.processor.TunableProcessor")}, without date or version so that
   * output does not change between builds; absent when compiling for a release without it.
   */
  static Optional<AnnotationSpec> generatedAnnotation(Elements elements, String processor) {
    if (elements.getTypeElement(GENERATED) == null) {
      return Optional.empty();
    }
    return Optional.of(AnnotationSpec.builder(ClassName.bestGuess(GENERATED))
        .addMember("value", "$S", processor)
        .build());
  }

  static JavaFile file(ClassName name, TypeSpec type) {
    return JavaFile.builder(name.packageName(), type)
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  static ClassName raw(TypeName type) {
    return type instanceof ParameterizedTypeName parameterized
        ? parameterized.rawType()
        : (ClassName) type;
  }

  /** A type variable bounded by the model class, named so that it hides none of its names. */
  static TypeVariableName typeVariable(TunableClass model, String preferred) {
    String name = preferred;
    ClassName modelName = raw(model.modelType());
    for (int i = 2; modelName.simpleNames().contains(name); i++) {
      name = preferred + i;
    }
    return TypeVariableName.get(name, model.modelType());
  }

  /** An allocator where {@code taken} (the user's field names) are already in use. */
  static NameAllocator namesAfter(List<String> taken) {
    NameAllocator names = new NameAllocator();
    for (String name : taken) {
      names.newName(name);
    }
    return names;
  }

  /**
   * A record component named {@code name} of {@code type}, documented with the model field's
   * {@code javadoc}, which the record's {@code @param} tag and constructor then show.
   */
  static ParameterSpec component(TypeName type, String name, String javadoc) {
    ParameterSpec.Builder component = ParameterSpec.builder(type, name);
    String description = description(javadoc);
    if (!description.isEmpty()) {
      component.addJavadoc("$L\n", description);
    }
    return component.build();
  }

  /**
   * The accessor of a component, written out when the model field has {@code javadoc}: javadoc
   * and IDEs give an implicit accessor only "Returns the value of the … record component".
   */
  static Optional<MethodSpec> accessor(TypeName type, String name, String javadoc) {
    String description = description(javadoc);
    if (description.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .returns(type)
        .addJavadoc("$L\n", description)
        .addStatement("return this.$N", name)
        .build());
  }

  /** A doc comment's description, before its first block tag such as {@code @see}. */
  private static String description(String javadoc) {
    return javadocText(javadoc.lines()
        .takeWhile(line -> !line.strip().startsWith("@"))
        .map(String::strip)
        .collect(Collectors.joining("\n"))
        .strip());
  }

  /**
   * {@code text} made safe inside a generated comment: neither {@code *}{@code /} nor a Unicode
   * escape that javac would read as one (a description such as {@code "\\u002a/"}) may end it.
   */
  static String javadocText(String text) {
    return text.replace("*/", "*&#47;").replace("\\u", "&#92;u");
  }

  /**
   * Has {@code type} write {@code java.lang.Override} (and the like) in full where a type of the
   * model's package has that simple name: generated code imports no {@code java.lang} type, so
   * the package's type would be meant.
   */
  static void qualifyJavaLangHiddenBy(TypeSpec.Builder type, TypeElement model) {
    Element e = model;
    while (!(e instanceof PackageElement)) {
      e = e.getEnclosingElement();
    }
    for (TypeElement member : ElementFilter.typesIn(e.getEnclosedElements())) {
      String name = member.getSimpleName().toString();
      if (isJavaLang(name)) {
        type.alwaysQualify(name);
      }
    }
  }

  private static boolean isJavaLang(String simpleName) {
    try {
      Class.forName("java.lang." + simpleName, false, null);
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** {@code 1.0E-4}, or {@code 0.1f} for a float field (whose bounds are floats). */
  static String realLiteral(double value, boolean isFloat) {
    return isFloat ? Float.toString((float) value) + "f" : Double.toString(value);
  }

  /** {@code 256}, or {@code 5000000000L} when the value needs a long literal. */
  static String longLiteral(long value) {
    return value == (int) value ? Long.toString(value) : value + "L";
  }
}
