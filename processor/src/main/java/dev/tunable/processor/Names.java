package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Every name the processor generates, computed in one place: the generated types and files, and
 * every member they declare. The writers take each member's name from here, and the rules about
 * which field names clash with generated members are derived from the same declarations, so that a
 * member cannot be written without the clash rules knowing it.
 */
final class Names {
  static final String HYPERPARAMETER = "dev.tunable.annotations.Hyperparameter";
  static final String LEARNED = "dev.tunable.annotations.Learned";
  static final String DESCRIPTOR_DIRECTORY = "META-INF/tunable/";
  /** A type of the runtime that generated hyperparameters records use. */
  static final String RUNTIME_SEARCH_SPACE = "dev.tunable.SearchSpace";

  /**
   * The methods of {@code Object} and {@code Record} that take no parameters, which an accessor
   * would override: no record component may have these names (JLS 17 §8.10.3).
   */
  static final Set<String> OBJECT_METHODS_WITHOUT_PARAMETERS = Set.of(
      "clone", "finalize", "getClass", "hashCode", "notify", "notifyAll", "toString", "wait");

  /** The records the processor generates for a model. */
  enum Output { HYPERPARAMETERS, PARAMETERS }

  /** What a generated member is, which decides whether a record component may have its name. */
  enum Kind {
    /** A public static field: no dimension constant may have its name. */
    CONSTANT,
    /**
     * A public static method taking parameters: an accessor of the same name overloads it without
     * confusion, as {@code Type.of(model)} and {@code values.of()} never meet.
     */
    FACTORY,
    /**
     * A public instance method: an accessor of the same name would clash with it, or overload it
     * on the record's own API ({@code params.restore()} beside {@code params.restore(model)}).
     */
    METHOD,
    /** {@code equals}, {@code hashCode} or {@code toString} of {@code Record}, written out. */
    RECORD_METHOD,
    /** A private static helper taking parameters: an accessor of the same name overloads it. */
    HELPER
  }

  /**
   * The members a generated record declares whatever the model's fields, in the order the writers
   * declare them. The members that come one per field have their names computed by the methods
   * below: the component (named after the field), the dimension constant ({@link #constant}) and
   * the wither ({@link #wither}), which is a {@link Kind#METHOD} too.
   */
  enum Member {
    SPACE(Output.HYPERPARAMETERS, Kind.CONSTANT, "SPACE"),
    OF(Output.HYPERPARAMETERS, Kind.FACTORY, "of"),
    APPLY_TO(Output.HYPERPARAMETERS, Kind.METHOD, "applyTo"),
    FROM_CONFIG(Output.HYPERPARAMETERS, Kind.FACTORY, "fromConfig"),
    TO_CONFIG(Output.HYPERPARAMETERS, Kind.METHOD, "toConfig"),
    OVERRIDDEN_BY(Output.HYPERPARAMETERS, Kind.METHOD, "overriddenBy"),
    PARSE(Output.HYPERPARAMETERS, Kind.FACTORY, "parse"),
    LOAD(Output.HYPERPARAMETERS, Kind.FACTORY, "load"),

    CAPTURE(Output.PARAMETERS, Kind.FACTORY, "capture"),
    RESTORE(Output.PARAMETERS, Kind.METHOD, "restore"),
    SCALAR_COUNT(Output.PARAMETERS, Kind.METHOD, "scalarCount"),
    EQUALS(Output.PARAMETERS, Kind.RECORD_METHOD, "equals"),
    HASH_CODE(Output.PARAMETERS, Kind.RECORD_METHOD, "hashCode"),
    TO_STRING(Output.PARAMETERS, Kind.RECORD_METHOD, "toString"),
    COPY(Output.PARAMETERS, Kind.HELPER, "copy"),
    COUNT(Output.PARAMETERS, Kind.HELPER, "count");

    private final Output output;
    private final Kind kind;
    private final String simpleName;

    Member(Output output, Kind kind, String simpleName) {
      this.output = output;
      this.kind = kind;
      this.simpleName = simpleName;
    }

    Output output() {
      return output;
    }

    Kind kind() {
      return kind;
    }

    /** The member's name in the generated source. */
    String simpleName() {
      return simpleName;
    }

    /**
     * Whether a record component, which declares a private field and a public accessor taking no
     * parameters, may not have this member's name.
     */
    boolean reservesComponentName() {
      return switch (kind) {
        case METHOD -> true;
        case RECORD_METHOD -> OBJECT_METHODS_WITHOUT_PARAMETERS.contains(simpleName);
        case CONSTANT, FACTORY, HELPER -> false;
      };
    }
  }

  private Names() {}

  /**
   * The names a field of {@code output}'s model may not have, because the record component named
   * after it would clash with a member that every such record declares; the withers, one per
   * hyperparameter, are reserved too (see {@link #wither}).
   */
  static Set<String> reservedComponentNames(Output output) {
    Set<String> reserved = new TreeSet<>(OBJECT_METHODS_WITHOUT_PARAMETERS);
    members(output).filter(Member::reservesComponentName).map(Member::simpleName)
        .forEach(reserved::add);
    return Collections.unmodifiableSet(reserved);
  }

  /** The names no dimension constant may have: the other constants of the hyperparameters record. */
  static Set<String> reservedConstantNames() {
    return members(Output.HYPERPARAMETERS).filter(member -> member.kind == Kind.CONSTANT)
        .map(Member::simpleName).collect(Collectors.toUnmodifiableSet());
  }

  /** The members every {@code output} record declares, in the order the writers declare them. */
  static Stream<Member> members(Output output) {
    return Arrays.stream(Member.values()).filter(member -> member.output == output);
  }

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
