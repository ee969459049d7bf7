package dev.tunable.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import dev.tunable.annotations.Scale;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
  /** Keys that survive configuration files and {@code key=value} overrides unchanged. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
  /** Where doubles stop holding every integer; integer bounds must stay inside it. */
  private static final double EXACT_LONG = 0x1p53;
  /** How far from the grid a ratio may be and still count as whole, as the runtime allows. */
  private static final double STEP_TOLERANCE = 1e-9;

  /** The supported field types. */
  private enum Kind {
    DOUBLE, FLOAT, INT, LONG, BOOLEAN, ENUM, STRING;

    boolean isNumeric() {
      return this == DOUBLE || this == FLOAT || this == INT || this == LONG;
    }

    boolean isIntegral() {
      return this == INT || this == LONG;
    }
  }

  private final Elements elements;
  private final FieldAccessRules access;
  private final InitialValues initialValues;

  HyperparameterValidator(Elements elements, FieldAccessRules access, InitialValues initialValues) {
    this.elements = elements;
    this.access = access;
    this.initialValues = initialValues;
  }

  /** The field's model, or empty after reporting every rule it breaks. */
  Optional<HyperparameterField> validate(VariableElement field, AnnotationMirror mirror,
      TypeElement model, ClassName generated, Report report) {
    int errorsBefore = report.size();
    Mirrors.Values values = new Mirrors.Values(mirror, elements);
    Subject subject = new Subject(field, mirror, values, report);
    access.check(field, mirror, model, generated, report);
    Optional<Kind> kind = kindOf(subject);
    String name = values.string("name").isEmpty() ? field.getSimpleName().toString() : values.string("name");
    checkName(subject, name);
    checkDescription(subject);
    Domain domain = null;
    if (kind.isPresent()) {
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
        TypeName.get(field.asType()), domain, initial));
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
    } else {
      subject.error(Message.UNSUPPORTED_TYPE, subject.name(), type, supported());
    }
    return Optional.empty();
  }

  private static String supported() {
    return "use double, float, int, long, boolean, an enum, or String with choices";
  }

  // ---- name and description

  private static void checkName(Subject subject, String name) {
    if (subject.values().isExplicit("name") && name.isBlank()) {
      subject.errorOn("name", Message.BLANK_NAME, subject.name(), name);
    } else if (!NAME.matcher(name).matches()) {
      subject.errorOn("name", Message.INVALID_NAME, subject.name(), name);
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
      double[] bounds = checkRange(subject, kind);
      Scale scale = scale(subject);
      boolean logOk = bounds == null || checkLogBounds(subject, kind, scale, bounds);
      double step = checkStep(subject, kind, scale, bounds);
      if (bounds == null || !logOk || Double.isNaN(step)) {
        return null;
      }
      if (kind.isIntegral()) {
        return new Domain.Integral((long) bounds[0], (long) bounds[1], scale,
            step == 0 ? 1 : (long) step);
      }
      return new Domain.Real(bounds[0], bounds[1], scale, step, kind == Kind.FLOAT);
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

  /** The bounds {low, high}, float-rounded for a float field, or null after reporting why not. */
  private static double[] checkRange(Subject subject, Kind kind) {
    List<? extends AnnotationValue> range = subject.values().array("range");
    if (range.isEmpty()) {
      subject.errorOn("range", Message.MISSING_RANGE, subject.name(), typeName(subject));
      return null;
    }
    if (range.size() != 2) {
      subject.errorOn("range", Message.RANGE_NOT_TWO_BOUNDS, subject.name(), braces(range));
      return null;
    }
    if (!(range.get(0).getValue() instanceof Number) || !(range.get(1).getValue() instanceof Number)) {
      return null; // javac reports the broken constant itself
    }
    boolean boundsOk = checkBound(subject, kind, range.get(0)) & checkBound(subject, kind, range.get(1));
    if (!boundsOk) {
      return null;
    }
    double low = Mirrors.Values.number(range.get(0));
    double high = Mirrors.Values.number(range.get(1));
    if (kind == Kind.FLOAT) {
      low = (float) low;
      high = (float) high;
    }
    if (low == high) {
      subject.errorOn("range", Message.SINGLE_VALUE_RANGE, subject.name(), format(kind, low),
          format(kind, high));
      return null;
    }
    if (low > high) {
      subject.errorOn("range", Message.INVERTED_RANGE, subject.name(), format(kind, low),
          format(kind, high), format(kind, high), format(kind, low));
      return null;
    }
    return new double[] {low, high};
  }

  /** One bound: finite, and held by the field's type. */
  private static boolean checkBound(Subject subject, Kind kind, AnnotationValue bound) {
    double value = Mirrors.Values.number(bound);
    if (!Double.isFinite(value)) {
      subject.errorAt(bound, "range", Message.NON_FINITE_BOUND, subject.name(), value);
      return false;
    }
    if (kind.isIntegral() && value != Math.rint(value)) {
      subject.errorAt(bound, "range", Message.FRACTIONAL_BOUND, subject.name(), typeName(subject), value);
      return false;
    }
    double min;
    double max;
    String fix;
    switch (kind) {
      case INT -> {
        min = Integer.MIN_VALUE;
        max = Integer.MAX_VALUE;
        fix = "declare the field long or narrow the range";
      }
      case LONG -> {
        min = -EXACT_LONG;
        max = EXACT_LONG;
        fix = "narrow the range: beyond 2^53 a double bound cannot name every long";
      }
      case FLOAT -> {
        min = -Float.MAX_VALUE;
        max = Float.MAX_VALUE;
        fix = "declare the field double or narrow the range";
      }
      default -> {
        return true;
      }
    }
    if (value < min || value > max) {
      subject.errorAt(bound, "range", Message.BOUND_OUT_OF_TYPE, subject.name(), typeName(subject),
          format(kind, value), format(kind, min), format(kind, max), fix);
      return false;
    }
    return true;
  }

  private static boolean checkLogBounds(Subject subject, Kind kind, Scale scale, double[] bounds) {
    if (scale != Scale.LOG || bounds[0] > 0) {
      return true;
    }
    String suggestion = kind.isIntegral()
        ? "1"
        : Double.toString(bounds[1] > 0 ? Math.min(1e-6, bounds[1] / 1000) : 1e-6);
    AnnotationValue low = subject.values().array("range").get(0);
    subject.errorAt(low, "range", Message.LOG_SCALE_BOUND, subject.name(), format(kind, bounds[0]),
        suggestion);
    return false;
  }

  /** The step, 0 for none, or NaN after reporting why it cannot be used. */
  private static double checkStep(Subject subject, Kind kind, Scale scale, double[] bounds) {
    double step = Mirrors.Values.number(subject.values().value("step"));
    if (step == 0 || Double.isNaN(step) && !subject.values().isExplicit("step")) {
      return 0;
    }
    if (!(step > 0) || Double.isInfinite(step)) {
      subject.errorOn("step", Message.STEP_NOT_POSITIVE, subject.name(), step);
      return Double.NaN;
    }
    if (kind.isIntegral() && step != Math.rint(step)) {
      subject.errorOn("step", Message.FRACTIONAL_STEP, subject.name(), typeName(subject), step);
      return Double.NaN;
    }
    boolean log = scale == Scale.LOG;
    if (log && !(kind.isIntegral() && step == 1)) {
      subject.errorOn("step", Message.STEP_WITH_LOG_SCALE, subject.name(), format(kind, step));
      return Double.NaN;
    }
    if (bounds == null) {
      return step;
    }
    double ratio = (bounds[1] - bounds[0]) / step;
    boolean divides = kind.isIntegral()
        ? ((long) bounds[1] - (long) bounds[0]) % (long) step == 0
        : Math.abs(ratio - Math.rint(ratio)) <= STEP_TOLERANCE * Math.max(1, Math.abs(ratio));
    if (!divides) {
      double fits = Math.max(1, Math.floor(ratio));
      subject.errorOn("step", Message.STEP_NOT_DIVIDING, subject.name(), format(kind, step),
          format(kind, bounds[0]), format(kind, bounds[1]), significant(ratio, 6),
          kind == Kind.DOUBLE ? significant(bounds[0] + fits * step, 12)
              : format(kind, bounds[0] + fits * step));
      return Double.NaN;
    }
    if (kind == Kind.FLOAT) {
      long count = Math.round(ratio);
      for (long k = 0; k <= count; k++) {
        double value = bounds[0] + k * step;
        if ((float) value != value) {
          subject.errorOn("step", Message.INEXACT_FLOAT_STEP, subject.name(), value,
              format(kind, bounds[0]), format(kind, bounds[1]), format(kind, step));
          return Double.NaN;
        }
      }
    }
    return step;
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
    List<String> labels = checkChoiceList(subject, "list at least one choice");
    if (labels == null) {
      return null;
    }
    boolean ok = true;
    for (AnnotationValue choice : subject.values().array("choices")) {
      String label = String.valueOf(choice.getValue());
      if (label.isBlank()) {
        subject.errorAt(choice, "choices", Message.BLANK_CHOICE, subject.name(), label);
        ok = false;
      }
    }
    return ok ? new Domain.Categorical(labels, null) : null;
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
    List<String> labels = checkChoiceList(subject,
        "list at least one constant, or leave choices out to use them all: " + constants);
    if (labels == null) {
      return null;
    }
    boolean ok = true;
    for (AnnotationValue choice : subject.values().array("choices")) {
      String label = String.valueOf(choice.getValue());
      if (!constants.contains(label)) {
        subject.errorAt(choice, "choices", Message.UNKNOWN_ENUM_CHOICE, subject.name(), label,
            type.getSimpleName(), didYouMean(label, constants), constants);
        ok = false;
      }
    }
    return ok ? new Domain.Categorical(labels, ClassName.get(type)) : null;
  }

  /** The labels of an explicit choices list, or null after reporting it empty or repetitive. */
  private static List<String> checkChoiceList(Subject subject, String emptyFix) {
    List<? extends AnnotationValue> choices = subject.values().array("choices");
    if (choices.isEmpty()) {
      subject.errorOn("choices", Message.EMPTY_CHOICES, subject.name(), emptyFix);
      return null;
    }
    List<String> labels = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean ok = true;
    for (AnnotationValue choice : choices) {
      String label = String.valueOf(choice.getValue());
      if (!seen.add(label)) {
        subject.errorAt(choice, "choices", Message.DUPLICATE_CHOICE, subject.name(), label);
        ok = false;
      }
      labels.add(label);
    }
    return ok ? labels : null;
  }

  // ---- the initial value

  /** The initial value in the model's terms, after checking it against the domain. */
  private Optional<Object> checkInitialValue(Subject subject, Domain domain) {
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
    });
  }

  private static Optional<Object> initialReal(Subject subject, Domain.Real real, Number number) {
    double v = real.isFloat() ? number.floatValue() : number.doubleValue();
    if (!(v >= real.low() && v <= real.high())) {
      subject.report().error(Message.INITIAL_VALUE_OUT_OF_RANGE, subject.field(), subject.name(),
          text(v, real.isFloat()), text(real.low(), real.isFloat()), text(real.high(), real.isFloat()));
      return Optional.empty();
    }
    double ratio = (v - real.low()) / real.step();
    if (real.step() > 0
        && Math.abs(ratio - Math.rint(ratio)) > STEP_TOLERANCE * Math.max(1, Math.abs(ratio))) {
      subject.report().error(Message.INITIAL_VALUE_OFF_STEP, subject.field(), subject.name(),
          text(v, real.isFloat()), text(real.low(), real.isFloat()),
          text(real.high(), real.isFloat()), text(real.step(), real.isFloat()));
      return Optional.empty();
    }
    return Optional.of(v);
  }

  private static Optional<Object> initialIntegral(
      Subject subject, Domain.Integral integral, Number number) {
    long v = number.longValue();
    if (v < integral.low() || v > integral.high()) {
      subject.report().error(Message.INITIAL_VALUE_OUT_OF_RANGE, subject.field(), subject.name(),
          v, integral.low(), integral.high());
      return Optional.empty();
    }
    if ((v - integral.low()) % integral.step() != 0) {
      subject.report().error(Message.INITIAL_VALUE_OFF_STEP, subject.field(), subject.name(), v,
          integral.low(), integral.high(), integral.step());
      return Optional.empty();
    }
    return Optional.of(v);
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
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = editDistance(text.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, best.length() / 3)
        ? " (did you mean " + best + "?)"
        : "";
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
