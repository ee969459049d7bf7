package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.tunable.annotations.Scale;
import dev.tunable.internal.rules.DimensionRules;
import dev.tunable.internal.rules.NumberType;
import dev.tunable.internal.rules.Rule;
import dev.tunable.internal.rules.Spelling;
import dev.tunable.internal.rules.Text;
import dev.tunable.internal.rules.Violation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * The rules of {@code @Hyperparameter}, one private method each. Every rule runs, so a field with
 * three mistakes gets three errors; the field's model is built only when none was found.
 */
final class HyperparameterValidator {
  /** The supported field types. */
  private enum Kind {
    DOUBLE, FLOAT, INT, LONG, BOOLEAN, ENUM, STRING,
    /** A class with hyperparameters (a nested space) or a sealed type (a choice). */
    COMPOSITE;

    boolean isNumeric() {
      return this == DOUBLE || this == FLOAT || this == INT || this == LONG;
    }

    boolean isIntegral() {
      return this == INT || this == LONG;
    }

    /** The type the shared rules judge a numeric field's bounds by. */
    NumberType type() {
      return switch (this) {
        case DOUBLE -> NumberType.DOUBLE;
        case FLOAT -> NumberType.FLOAT;
        case INT -> NumberType.INT;
        case LONG -> NumberType.LONG;
        default -> throw new IllegalStateException(this + " is not numeric");
      };
    }

    /** How to fix a bound beyond {@link #type()}'s range. */
    String boundFix() {
      return switch (this) {
        case INT -> "declare the field long or narrow the range";
        case LONG -> "narrow the range: beyond 2^53 a double bound cannot name every long";
        case FLOAT -> "declare the field double or narrow the range";
        default -> throw new IllegalStateException(this + " has no bounds beyond its type");
      };
    }
  }

  private final Elements elements;
  private final FieldAccessRules access;
  private final InitialValues initialValues;
  private final CompositeTypes composites;

  HyperparameterValidator(Elements elements, FieldAccessRules access, InitialValues initialValues) {
    this.elements = elements;
    this.access = access;
    this.initialValues = initialValues;
    this.composites = new CompositeTypes(elements, access);
  }

  CompositeTypes composites() {
    return composites;
  }

  /**
   * The field's model, or empty after reporting every rule it breaks; {@code parts} reads the
   * class of a nested or choice field.
   */
  Optional<HyperparameterField> validate(VariableElement field, AnnotationMirror mirror,
      TypeElement model, ClassName generated, CompositeTypes.Parts parts, Report report) {
    int errorsBefore = report.size();
    Mirrors.Values values = new Mirrors.Values(mirror, elements);
    Subject subject = new Subject(field, mirror, values, report);
    access.check(field, mirror, model, generated, report);
    Optional<Kind> kind = kindOf(subject);
    String name = values.string("name").isEmpty() ? field.getSimpleName().toString() : values.string("name");
    checkName(subject, name);
    checkDescription(subject);
    Domain domain = null;
    if (kind.isPresent() && kind.get() == Kind.COMPOSITE) {
      domain = compositeDomain(subject, model, parts);
    } else if (kind.isPresent()) {
      domain = domain(subject, kind.get());
    }
    Optional<Object> initial = Optional.empty();
    if (domain != null && report.size() == errorsBefore) {
      initial = checkInitialValue(subject, domain);
    }
    if (report.size() != errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new HyperparameterField(field.getSimpleName().toString(), name,
        Names.constant(field.getSimpleName().toString()), values.string("description"),
        componentType(field, domain), domain, initial,
        javadoc(elements, field, values.string("description"))));
  }

  /** The field's type, or the generated record or interface that stands for a composite one. */
  private static TypeName componentType(VariableElement field, Domain domain) {
    if (domain instanceof Domain.Nested nested) {
      return nested.type().hyperparametersName();
    }
    if (domain instanceof Domain.Choice choice) {
      return choice.family();
    }
    return TypeName.get(field.asType());
  }

  /** A nested class's or a choice's domain, or null after reporting every rule it breaks. */
  private Domain compositeDomain(Subject subject, TypeElement model, CompositeTypes.Parts parts) {
    DeclaredType type = (DeclaredType) subject.field().asType();
    boolean choice = type.asElement().getKind() == ElementKind.INTERFACE
        || type.asElement().getModifiers().contains(javax.lang.model.element.Modifier.ABSTRACT);
    String values = (choice ? "the permitted classes of " : "the values of the hyperparameters of ")
        + type.asElement().getSimpleName();
    checkNoRange(subject, values);
    checkNoScale(subject, values);
    checkNoStep(subject, values);
    checkNoChoices(subject);
    CompositeTypes.Place place =
        new CompositeTypes.Place(subject.name(), subject.field(), subject.mirror(),
            subject.report());
    return composites.domain(place, type, model, parts).orElse(null);
  }

  /** The field's doc comment, or the empty string. */
  static String javadoc(Elements elements, VariableElement field) {
    String doc = elements.getDocComment(field);
    return doc == null ? "" : doc;
  }

  /** The field's doc comment or, without one, the annotation's description. */
  private static String javadoc(Elements elements, VariableElement field, String description) {
    String doc = javadoc(elements, field);
    return doc.isBlank() ? description : doc;
  }

  /** The field under check, and where its errors go. */
  private record Subject(
      VariableElement field, AnnotationMirror mirror, Mirrors.Values values, Report report) {
    String name() {
      return field.getSimpleName().toString();
    }

    void error(Message rule, Object... args) {
      report.error(rule, field, mirror, args);
    }

    /** An error placed on the annotation value {@code element}, such as {@code range}. */
    void errorOn(String element, Message rule, Object... args) {
      errorAt(values.value(element), element, rule, args);
    }

    /** An error placed on {@code value}, such as one bound inside {@code range = {…}}. */
    void errorAt(AnnotationValue value, String element, Message rule, Object... args) {
      if (values.isExplicit(element)) {
        report.error(rule, field, mirror, value, args);
      } else {
        report.error(rule, field, mirror, args);
      }
    }
  }

  // ---- the field's type

  private Optional<Kind> kindOf(Subject subject) {
    TypeMirror type = subject.field().asType();
    switch (type.getKind()) {
      case DOUBLE:
        return Optional.of(Kind.DOUBLE);
      case FLOAT:
        return Optional.of(Kind.FLOAT);
      case INT:
        return Optional.of(Kind.INT);
      case LONG:
        return Optional.of(Kind.LONG);
      case BOOLEAN:
        return Optional.of(Kind.BOOLEAN);
      case SHORT:
      case BYTE:
      case CHAR:
        subject.error(Message.UNSUPPORTED_TYPE, subject.name(), type, "declare it int");
        return Optional.empty();
      case DECLARED:
        return declaredKind(subject, (DeclaredType) type);
      case TYPEVAR:
        subject.error(Message.UNSUPPORTED_TYPE, subject.name(), type, "a type variable's values"
            + " are not known when the space is generated: use the type itself, such as the enum");
        return Optional.empty();
      default:
        subject.error(Message.UNSUPPORTED_TYPE, subject.name(), type, supported());
        return Optional.empty();
    }
  }

  private Optional<Kind> declaredKind(Subject subject, DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    if (element.getKind() == ElementKind.ENUM) {
      return Optional.of(Kind.ENUM);
    }
    if (name.equals("java.lang.String")) {
      return Optional.of(Kind.STRING);
    }
    String primitive = switch (name) {
      case "java.lang.Double" -> "double";
      case "java.lang.Float" -> "float";
      case "java.lang.Integer" -> "int";
      case "java.lang.Long" -> "long";
      case "java.lang.Boolean" -> "boolean";
      case "java.lang.Short", "java.lang.Byte", "java.lang.Character" -> "int";
      default -> null;
    };
    if (primitive != null) {
      subject.error(Message.BOXED_TYPE, subject.name(), element.getSimpleName(), primitive);
      return Optional.empty();
    }
    boolean classOrInterface = element.getKind() == ElementKind.CLASS
        || element.getKind() == ElementKind.INTERFACE;
    if (classOrInterface && type.getTypeArguments().isEmpty()) {
      return Optional.of(Kind.COMPOSITE);
    }
    subject.error(Message.UNSUPPORTED_TYPE, subject.name(), type, supported());
    return Optional.empty();
  }

  private static String supported() {
    return "use double, float, int, long, boolean, an enum, String with choices, a class with"
        + " @Hyperparameter fields, or a sealed interface of such classes";
  }

  // ---- name and description

  private static void checkName(Subject subject, String name) {
    for (Violation violation : DimensionRules.name(name)) {
      if (violation.rule() == Rule.NAME_TOO_LONG) {
        subject.errorOn("name", Message.NAME_TOO_LONG, Text.shown(subject.name()),
            Text.shown(name), Text.tooLong(name));
      } else {
        subject.errorOn("name", Message.of(violation.rule()), subject.name(), name);
      }
    }
  }

  private static void checkDescription(Subject subject) {
    String description = subject.values().string("description");
    if (subject.values().isExplicit("description") && description.isBlank()) {
      subject.errorOn("description", Message.BLANK_DESCRIPTION, subject.name(), description);
    }
  }

  // ---- the domain, per kind

  private Domain domain(Subject subject, Kind kind) {
    if (kind.isNumeric()) {
      checkNoChoices(subject);
      checkNoIntegerDivision(subject, "range");
      checkNoIntegerDivision(subject, "step");
      return kind.isIntegral() ? integralDomain(subject, kind) : realDomain(subject, kind);
    }
    String values = kind == Kind.BOOLEAN ? "true and false" : "its choices";
    checkNoRange(subject, values);
    checkNoScale(subject, values);
    checkNoStep(subject, values);
    return switch (kind) {
      case BOOLEAN -> {
        checkNoChoices(subject);
        yield new Domain.Bool();
      }
      case ENUM -> checkEnumChoices(subject);
      case STRING -> checkStringChoices(subject);
      default -> throw new IllegalStateException(kind.toString());
    };
  }

  private static String typeName(Subject subject) {
    return subject.field().asType().toString();
  }

  private static Scale scale(Subject subject) {
    return subject.values().enumConstant("scale").equals("LOG") ? Scale.LOG : Scale.LINEAR;
  }

  /** A double or float field's domain, or null after reporting every rule it breaks. */
  private static Domain realDomain(Subject subject, Kind kind) {
    List<? extends AnnotationValue> range = checkRangeShape(subject);
    Scale scale = scale(subject);
    double step = step(subject);
    if (range == null) {
      reportAll(subject, kind, DimensionRules.realStep(step, scale));
      return null;
    }
    double low = Mirrors.Values.number(range.get(0));
    double high = Mirrors.Values.number(range.get(1));
    List<Violation> found = DimensionRules.real(low, high, scale, step, kind.type());
    reportAll(subject, kind, found);
    return found.isEmpty()
        ? new Domain.Real(kind.type().round(low), kind.type().round(high), scale, step,
            kind == Kind.FLOAT)
        : null;
  }

  /**
   * An int or long field's domain, or null after reporting every rule it breaks. The annotation
   * holds doubles: bounds and step must first be finite whole numbers, which is the source's
   * concern; the shared rules then judge them as longs, as the runtime holds them.
   */
  private static Domain integralDomain(Subject subject, Kind kind) {
    List<? extends AnnotationValue> range = checkRangeShape(subject);
    Scale scale = scale(subject);
    double step = step(subject);
    boolean stepWhole = step == Math.rint(step) && Double.isFinite(step);
    if (!stepWhole) {
      subject.errorOn("step", Message.FRACTIONAL_STEP, subject.name(), typeName(subject), step);
    }
    long wholeStep = step == 0 ? 1 : (long) step;
    boolean boundsWhole = range != null
        && checkWholeBound(subject, range.get(0)) & checkWholeBound(subject, range.get(1));
    if (!boundsWhole) {
      if (stepWhole) {
        reportAll(subject, kind, DimensionRules.integerStep(wholeStep, scale));
      }
      return null;
    }
    long low = (long) Mirrors.Values.number(range.get(0));
    long high = (long) Mirrors.Values.number(range.get(1));
    // With the step reported as fractional, the range is judged as if every integer were allowed.
    List<Violation> found =
        DimensionRules.integer(low, high, scale, stepWhole ? wholeStep : 1, kind.type());
    reportAll(subject, kind, found);
    return found.isEmpty() && stepWhole ? new Domain.Integral(low, high, scale, wholeStep) : null;
  }

  /** The two bounds of {@code range}, or null after reporting it missing or of another size. */
  private static List<? extends AnnotationValue> checkRangeShape(Subject subject) {
    List<? extends AnnotationValue> range = subject.values().array("range");
    if (range.isEmpty()) {
      subject.errorOn("range", Message.MISSING_RANGE, subject.name(), typeName(subject));
      return null;
    }
    if (range.size() != 2) {
      subject.errorOn("range", Message.RANGE_NOT_TWO_BOUNDS, subject.name(), braces(range));
      return null;
    }
    if (!(range.get(0).getValue() instanceof Number)
        || !(range.get(1).getValue() instanceof Number)) {
      return null; // javac reports the broken constant itself
    }
    return range;
  }

  /** The step, 0 when there is none (or javac reports a broken constant itself). */
  private static double step(Subject subject) {
    double step = Mirrors.Values.number(subject.values().value("step"));
    return Double.isNaN(step) && !subject.values().isExplicit("step") ? 0 : step;
  }

  /** Whether an integer field's bound is a finite whole number, after reporting it if not. */
  private static boolean checkWholeBound(Subject subject, AnnotationValue bound) {
    double value = Mirrors.Values.number(bound);
    if (!Double.isFinite(value)) {
      subject.errorAt(bound, "range", Message.NON_FINITE_BOUND, subject.name(), value);
      return false;
    }
    if (value != Math.rint(value)) {
      subject.errorAt(bound, "range", Message.FRACTIONAL_BOUND, subject.name(), typeName(subject),
          value);
      return false;
    }
    return true;
  }

  /** Reports each violation of a numeric domain on the annotation value it concerns. */
  private static void reportAll(Subject subject, Kind kind, List<Violation> found) {
    for (Violation violation : found) {
      report(subject, kind, violation);
    }
  }

  /** Reports one violation of a numeric domain on the value at fault, in the source's terms. */
  private static void report(Subject subject, Kind kind, Violation violation) {
    String name = subject.name();
    Message message = Message.of(violation.rule());
    List<? extends AnnotationValue> range = subject.values().array("range");
    AnnotationValue bound = switch (violation.part()) {
      case LOW -> range.get(0);
      case HIGH -> range.get(1);
      default -> null;
    };
    // Bounds as the field holds them, for rules found once both bounds were numbers.
    double low = range.size() == 2 ? kind.type().round(Mirrors.Values.number(range.get(0))) : 0;
    double high = range.size() == 2 ? kind.type().round(Mirrors.Values.number(range.get(1))) : 0;
    double step = step(subject);
    switch (violation.rule()) {
      case NON_FINITE_BOUND -> subject.errorAt(bound, "range", message, name, violation.actual());
      case BOUND_OUT_OF_TYPE -> subject.errorAt(bound, "range", message, name, typeName(subject),
          format(kind, Mirrors.Values.number(bound)), format(kind, kind.type().min()),
          format(kind, kind.type().max()), kind.boundFix());
      case LOG_SCALE_BOUND -> subject.errorAt(bound, "range", message, name, format(kind, low),
          violation.suggestion());
      case SINGLE_VALUE_RANGE, RANGE_TOO_WIDE ->
          subject.errorOn("range", message, name, format(kind, low), format(kind, high));
      case INVERTED_RANGE -> subject.errorOn("range", message, name, format(kind, low),
          format(kind, high), format(kind, high), format(kind, low));
      case STEP_NOT_POSITIVE -> subject.errorOn("step", message, name, step);
      case STEP_WITH_LOG_SCALE -> subject.errorOn("step", message, name, format(kind, step));
      case STEP_NOT_DIVIDING -> subject.errorOn("step", message, name, format(kind, step),
          format(kind, low), format(kind, high), significant((high - low) / step, 6),
          format(kind, ((Number) violation.suggestion()).doubleValue()));
      case TOO_MANY_STEPS -> subject.errorOn("step", message, name, format(kind, step),
          format(kind, low), format(kind, high));
      case INEXACT_FLOAT_STEP -> subject.errorOn("step", message, name, violation.actual(),
          format(kind, low), format(kind, high), format(kind, step));
      default -> throw new IllegalStateException(violation + " is not about a numeric domain");
    }
  }

  /** {@code step = 1 / 4} is 0, no step at all: Java divides integers without a remainder. */
  private void checkNoIntegerDivision(Subject subject, String element) {
    if (!subject.values().isExplicit(element)) {
      return;
    }
    for (AnnotationValue value : subject.values().array(element)) {
      initialValues.integerDivision(subject.field(), subject.mirror(), value).ifPresent(division ->
          subject.errorAt(value, element, Message.INTEGER_DIVISION, subject.name(), element,
              division.source(), Mirrors.Values.number(value), division.exact()));
    }
  }

  private static void checkNoRange(Subject subject, String values) {
    if (subject.values().isExplicit("range")) {
      subject.errorOn("range", Message.RANGE_NOT_APPLICABLE, subject.name(), typeName(subject), values);
    }
  }

  private static void checkNoScale(Subject subject, String values) {
    if (scale(subject) == Scale.LOG) {
      subject.errorOn("scale", Message.SCALE_NOT_APPLICABLE, subject.name(), typeName(subject), values);
    }
  }

  private static void checkNoStep(Subject subject, String values) {
    if (subject.values().isExplicit("step") && Mirrors.Values.number(subject.values().value("step")) != 0) {
      subject.errorOn("step", Message.STEP_NOT_APPLICABLE, subject.name(), typeName(subject), values);
    }
  }

  private static void checkNoChoices(Subject subject) {
    if (subject.values().isExplicit("choices")) {
      subject.errorOn("choices", Message.CHOICES_NOT_APPLICABLE, subject.name(), typeName(subject));
    }
  }

  private static Domain checkStringChoices(Subject subject) {
    if (!subject.values().isExplicit("choices")) {
      subject.error(Message.STRING_WITHOUT_CHOICES, subject.name());
      return null;
    }
    List<String> labels = labels(subject);
    List<Violation> found = DimensionRules.choices(labels);
    reportChoices(subject, found, "list at least one choice");
    return found.isEmpty() ? new Domain.Categorical(labels, null) : null;
  }

  private static Domain checkEnumChoices(Subject subject) {
    TypeElement type = (TypeElement) ((DeclaredType) subject.field().asType()).asElement();
    List<String> constants = new ArrayList<>();
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.ENUM_CONSTANT) {
        constants.add(member.getSimpleName().toString());
      }
    }
    if (constants.isEmpty()) {
      subject.error(Message.UNSUPPORTED_TYPE, subject.name(), type.getQualifiedName(),
          "an enum without constants has no values: add constants");
      return null;
    }
    if (!subject.values().isExplicit("choices")) {
      return new Domain.Categorical(constants, ClassName.get(type));
    }
    List<String> labels = labels(subject);
    List<Violation> found = DimensionRules.choices(labels);
    reportChoices(subject, found,
        "list at least one constant, or leave choices out to use them all: " + constants);
    Set<Integer> reported = new HashSet<>();
    found.forEach(violation -> reported.add(violation.index()));
    boolean known = true;
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      if (!reported.contains(i) && !constants.contains(label)) {
        subject.errorAt(subject.values().array("choices").get(i), "choices",
            Message.UNKNOWN_ENUM_CHOICE, subject.name(), label, type.getSimpleName(),
            didYouMean(label, constants), constants);
        known = false;
      }
    }
    return found.isEmpty() && known ? new Domain.Categorical(labels, ClassName.get(type)) : null;
  }

  private static List<String> labels(Subject subject) {
    return subject.values().array("choices").stream()
        .map(choice -> String.valueOf(choice.getValue()))
        .toList();
  }

  /** Reports each violation of a choices list, the list's or one choice's, where it is. */
  private static void reportChoices(Subject subject, List<Violation> found, String emptyFix) {
    for (Violation violation : found) {
      Message message = Message.of(violation.rule());
      if (violation.part() == Violation.Part.CHOICES) {
        subject.errorOn("choices", message, subject.name(), emptyFix);
      } else {
        // A label is shown escaped: a diagnostic would print an unpaired surrogate as '?'.
        String label = Text.escaped((String) violation.actual());
        Object detail = violation.rule() == Rule.UNENCODABLE_CHOICE
            ? Text.unencodable((String) violation.actual())
            : violation.suggestion();
        subject.errorAt(subject.values().array("choices").get(violation.index()), "choices",
            message, subject.name(), label, detail);
      }
    }
  }

  // ---- the initial value

  /** The initial value in the model's terms, after checking it against the domain. */
  private Optional<Object> checkInitialValue(Subject subject, Domain domain) {
    if (domain instanceof Domain.Choice choice) {
      return initialBranch(subject, choice);
    }
    Optional<Object> source = initialValues.of(subject.field());
    if (source.isEmpty()) {
      return Optional.empty();
    }
    Object value = source.get();
    return domain.accept(new Domain.Visitor<Optional<Object>>() {
      @Override
      public Optional<Object> visitReal(Domain.Real real) {
        return value instanceof Number number
            ? initialReal(subject, real, number)
            : Optional.empty();
      }

      @Override
      public Optional<Object> visitIntegral(Domain.Integral integral) {
        return value instanceof Number number
            ? initialIntegral(subject, integral, number)
            : Optional.empty();
      }

      @Override
      public Optional<Object> visitCategorical(Domain.Categorical categorical) {
        return value instanceof String || value instanceof Element
            ? initialChoice(subject, categorical, value)
            : Optional.empty();
      }

      @Override
      public Optional<Object> visitBool(Domain.Bool bool) {
        return value instanceof Boolean flag ? Optional.of(flag) : Optional.empty();
      }

      @Override
      public Optional<Object> visitNested(Domain.Nested nested) {
        return Optional.empty(); // its defaults are its own class's initializers
      }

      @Override
      public Optional<Object> visitChoice(Domain.Choice choice) {
        return Optional.empty(); // an initial instance is read apart: checkInitialValue
      }
    });
  }

  /**
   * The label of the branch a choice field's initializer creates, {@code new Adam()} giving
   * {@code adam}; empty for any other initializer, whose values the source does not show.
   */
  private Optional<Object> initialBranch(Subject subject, Domain.Choice choice) {
    return initialValues.instantiated(subject.field()).flatMap(type -> choice.branches().stream()
        .filter(branch -> branch.type().element().equals(type))
        .map(branch -> (Object) branch.label())
        .findFirst());
  }

  private static Optional<Object> initialReal(Subject subject, Domain.Real real, Number number) {
    double v = real.isFloat() ? number.floatValue() : number.doubleValue();
    Optional<Violation> violation =
        DimensionRules.realValue(v, real.low(), real.high(), real.step());
    violation.ifPresent(found -> subject.report().error(Message.of(found.rule()), subject.field(),
        subject.name(), text(v, real.isFloat()), text(real.low(), real.isFloat()),
        text(real.high(), real.isFloat()), text(real.step(), real.isFloat())));
    return violation.isPresent() ? Optional.empty() : Optional.of(v);
  }

  private static Optional<Object> initialIntegral(
      Subject subject, Domain.Integral integral, Number number) {
    long v = number.longValue();
    Optional<Violation> violation =
        DimensionRules.integerValue(v, integral.low(), integral.high(), integral.step());
    violation.ifPresent(found -> subject.report().error(Message.of(found.rule()), subject.field(),
        subject.name(), v, integral.low(), integral.high(), integral.step()));
    return violation.isPresent() ? Optional.empty() : Optional.of(v);
  }

  /** {@code value} is a string, or an enum constant's {@link Element}. */
  private static Optional<Object> initialChoice(
      Subject subject, Domain.Categorical categorical, Object value) {
    String label = value instanceof Element constant
        ? constant.getSimpleName().toString()
        : (String) value;
    if (!categorical.labels().contains(label)) {
      String shown = value instanceof Element ? label : "\"" + label + "\"";
      subject.report().error(Message.INITIAL_VALUE_NOT_A_CHOICE, subject.field(), subject.name(),
          shown, categorical.labels());
      return Optional.empty();
    }
    return Optional.of(label);
  }

  // ---- wording

  private static String format(Kind kind, double value) {
    if (kind.isIntegral()) {
      return Long.toString((long) value);
    }
    return text(value, kind == Kind.FLOAT);
  }

  private static String text(double value, boolean isFloat) {
    return isFloat ? Float.toString((float) value) : Double.toString(value);
  }

  /** {@code value} rounded for reading: 0.8999999999999999 is shown as 0.9. */
  private static String significant(double value, int digits) {
    return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
  }

  private static String braces(List<? extends AnnotationValue> values) {
    return values.stream().map(v -> String.valueOf(v.getValue()))
        .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
  }

  /** {@code " (did you mean L2?)"} for a near miss, else the empty string. */
  static String didYouMean(String text, List<String> candidates) {
    return Spelling.closest(text, candidates).map(c -> " (did you mean " + c + "?)").orElse("");
  }
}
