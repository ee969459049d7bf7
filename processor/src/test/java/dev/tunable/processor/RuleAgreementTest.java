package dev.tunable.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.tunable.BooleanDimension;
import dev.tunable.CategoricalDimension;
import dev.tunable.Dimension;
import dev.tunable.IntegerDimension;
import dev.tunable.RealDimension;
import dev.tunable.SearchSpace;
import dev.tunable.annotations.Scale;
import dev.tunable.internal.rules.Rule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor and the runtime judge a declaration alike. Each row is one {@code @Hyperparameter}
 * field, compiled with the processor, and the dimension the runtime builds from the same values
 * (a {@code float} field as {@code .asFloat()}, an {@code int} field as {@code .asInt()}, an
 * initial value as {@code check(value)}): whatever one side rejects the other rejects, under the
 * same rule's tag. Every row is compiled in one run, one class per row.
 */
class RuleAgreementTest {
  /** The enum of enum rows, on both sides. */
  enum Penalty { L1, L2, ELASTIC_NET }

  private static final long EXACT = 1L << 53;

  /** Every row, numbered in order: row {@code n} is compiled as class {@code Row<n>}. */
  private static final List<Row> ROWS = table();

  /**
   * Errors without a tag or outside the rows' own files, such as a row the table wrote wrongly:
   * there must be none. (javac stops before attributing code once a processor reports errors, so
   * the generated code is compiled by {@link #generatedCodeOfEveryAcceptedRowRuns} instead.)
   */
  private static final List<String> STRAY = new ArrayList<>();

  /** The processor's error tags, by row class, from one compilation of every row. */
  private static final Map<String, Set<String>> COMPILED = compileEveryRow();

  static List<Row> rows() {
    return ROWS;
  }

  /** Each row, with what the table expects of it: accepted, or rejected under one tag. */
  private static List<Row> table() {
    return List.of(
        // Each of the drifts: the runtime accepted what the processor rejected.
        real().name("a=b").range(0, 1).rejects(Rule.INVALID_NAME),
        string("adam", " ").rejects(Rule.BLANK_CHOICE),
        floating().range(0, 1).step(0.1).rejects(Rule.INEXACT_FLOAT_STEP),
        longInteger().range(0, EXACT + 2).rejects(Rule.BOUND_OUT_OF_TYPE),
        // Both runtime faults: a range wider than a double, a choice parsing cannot read back.
        real().range(-1e308, 1e308).rejects(Rule.RANGE_TOO_WIDE),
        real().range(-Double.MAX_VALUE / 2, Double.MAX_VALUE / 2).valid(),
        string(" relu", "tanh").rejects(Rule.PADDED_CHOICE),
        string("relu", "tanh\t").rejects(Rule.PADDED_CHOICE),
        string("two words", "x").valid(),
        // A label that UTF-8 cannot encode came back from a journal with '?' (issue 12).
        string("adam", "sgd\uD800").rejects(Rule.UNENCODABLE_CHOICE),
        string("\uDE80\uD83D", "x").rejects(Rule.UNENCODABLE_CHOICE),
        string("\uD83D\uDE80", "x").valid(),

        // Names.
        real().name("x").range(0, 1).valid(),
        real().name("x.y").range(0, 1).valid(),
        real().name("_x").range(0, 1).valid(),
        real().name("learning-rate").range(0, 1).valid(),
        real().name("a b").range(0, 1).rejects(Rule.INVALID_NAME),
        real().name("1x").range(0, 1).rejects(Rule.INVALID_NAME),
        bool().name("é").rejects(Rule.INVALID_NAME),
        bool().name("x\uD800").rejects(Rule.INVALID_NAME), // a name is ASCII: never unencodable
        integer().name(" ").range(0, 1).rejects(Rule.BLANK_NAME),
        // A name is repeated in every trial's values: a megabyte of name made megabytes of journal.
        real().name("x".repeat(255)).range(0, 1).valid(),
        real().name("x".repeat(256)).range(0, 1).rejects(Rule.NAME_TOO_LONG),

        // Ranges.
        real().range(1, 0).rejects(Rule.INVERTED_RANGE),
        integer().range(3, 3).rejects(Rule.SINGLE_VALUE_RANGE),
        floating().range(0.1, 0.1000000001).rejects(Rule.SINGLE_VALUE_RANGE),
        real().range(0, Double.POSITIVE_INFINITY).rejects(Rule.NON_FINITE_BOUND),
        floating().range(Double.NaN, 1).rejects(Rule.NON_FINITE_BOUND),
        real().range(-1e-300, 1e-300).valid(),

        // LOG scale.
        real().range(0, 1).log().rejects(Rule.LOG_SCALE_BOUND),
        real().range(-1, 1).log().rejects(Rule.LOG_SCALE_BOUND),
        floating().range(1e-50, 1).log().rejects(Rule.LOG_SCALE_BOUND),
        real().range(1e-4, 1).log().valid(),
        integer().range(0, 64).log().rejects(Rule.LOG_SCALE_BOUND),
        longInteger().range(-5, 5).log().rejects(Rule.LOG_SCALE_BOUND),
        integer().range(1, 1024).log().valid(),

        // Steps.
        real().range(0, 1).step(0.1).valid(),
        real().range(0, 1).step(0.3).rejects(Rule.STEP_NOT_DIVIDING),
        longInteger().range(0, 60).step(5).valid(),
        longInteger().range(0, 60).step(7).rejects(Rule.STEP_NOT_DIVIDING),
        real().range(0, 1).step(-0.1).rejects(Rule.STEP_NOT_POSITIVE),
        integer().range(0, 10).step(-2).rejects(Rule.STEP_NOT_POSITIVE),
        real().range(1e-3, 1).log().step(0.001).rejects(Rule.STEP_WITH_LOG_SCALE),
        integer().range(1, 1024).log().step(1).valid(),
        integer().range(1, 1025).log().step(2).rejects(Rule.STEP_WITH_LOG_SCALE),
        real().range(1, 2).step(1e-30).rejects(Rule.TOO_MANY_STEPS),
        floating().range(1, 2).step(1e-30).rejects(Rule.TOO_MANY_STEPS),
        floating().range(0, 0.5).step(0.125).valid(),
        floating().range(-2, 2).step(0.5).valid(),
        floating().range(0, 1).step(0.2).rejects(Rule.INEXACT_FLOAT_STEP),
        real().range(0, 1).step(0.2).valid(),

        // Bounds of each type.
        longInteger().range(-EXACT, EXACT).valid(),
        longInteger().range(-EXACT - 2, 0).rejects(Rule.BOUND_OUT_OF_TYPE),
        integer().range(0, 3e9).rejects(Rule.BOUND_OUT_OF_TYPE),
        integer().range(Integer.MIN_VALUE, Integer.MAX_VALUE).valid(),
        longInteger().range(0, 3e9).valid(),
        floating().range(0, 1e39).rejects(Rule.BOUND_OUT_OF_TYPE),
        floating().range(-1e39, 0).rejects(Rule.BOUND_OUT_OF_TYPE),
        floating().range(0, Float.MAX_VALUE).valid(),
        real().range(0, 1e39).valid(),

        // Choices.
        string().rejects(Rule.EMPTY_CHOICES),
        string("a", "b", "a").rejects(Rule.DUPLICATE_CHOICE),
        string("a", "").rejects(Rule.BLANK_CHOICE),
        enumeration("L1", "L2").valid(),
        enumeration().rejects(Rule.EMPTY_CHOICES),
        enumeration("L1", "L1").rejects(Rule.DUPLICATE_CHOICE),
        enumeration((String[]) null).valid(),
        bool().valid(),

        // Initial values.
        real().range(0, 1).initial("0.5").valid(),
        real().range(0, 1).initial("2").rejects(Message.INITIAL_VALUE_OUT_OF_RANGE),
        real().range(0, 1).step(0.25).initial("0.3").rejects(Message.INITIAL_VALUE_OFF_STEP),
        real().range(0, 1).step(0.1).initial("0.7").valid(),
        integer().range(0, 10).step(2).initial("3").rejects(Message.INITIAL_VALUE_OFF_STEP),
        integer().range(0, 10).step(2).initial("4").valid(),
        longInteger().range(1, 8).initial("-1").rejects(Message.INITIAL_VALUE_OUT_OF_RANGE),
        floating().range(0, 0.5).step(0.125).initial("0.25f").valid(),
        floating().range(0, 0.5).step(0.125).initial("0.3f")
            .rejects(Message.INITIAL_VALUE_OFF_STEP),
        floating().range(0.1, 0.9).initial("0.1f").valid(),
        string("adam", "sgd").initial("\"adam\"").valid(),
        string("adam", "sgd").initial("\"rmsprop\"").rejects(Message.INITIAL_VALUE_NOT_A_CHOICE),
        enumeration("L1", "L2").initial("Penalty.L2").valid(),
        enumeration("L1", "L2").initial("Penalty.ELASTIC_NET")
            .rejects(Message.INITIAL_VALUE_NOT_A_CHOICE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void processorAndRuntimeGiveTheSameVerdictUnderTheSameRule(Row row) {
    Set<String> processor = COMPILED.getOrDefault(row.className(), Set.of());
    Outcome runtime = runtime(row);
    assertEquals(processor.isEmpty(), runtime.accepted(),
        () -> row + ": processor " + (processor.isEmpty() ? "accepts" : "rejects " + processor)
            + ", runtime " + runtime);
    assertEquals(row.expectedTags(), processor, "processor's tags");
    if (runtime.valueRejected()) {
      assertTrue(processor.stream().allMatch(tag -> tag.startsWith("InitialValue")),
          () -> "the runtime rejects the initial value, the processor " + processor);
    } else {
      assertEquals(processor, runtime.tags(), "runtime's tags");
    }
  }

  @Test
  void nothingOutsideTheRowsFailsToCompile() {
    assertEquals(List.of(), STRAY);
  }

  /**
   * End to end: the code generated for every accepted row compiles, and when run its dimension
   * constant and a fresh model's initial value pass the runtime's checks.
   */
  @Test
  void generatedCodeOfEveryAcceptedRowRuns() throws Exception {
    List<Row> accepted = ROWS.stream().filter(row -> row.expected == null).toList();
    List<JavaFileObject> sources = new ArrayList<>(List.of(penaltySource()));
    accepted.forEach(row -> sources.add(row.javaFile()));
    Compilation compilation = Fixtures.compile(sources);
    assertEquals(List.of(), compilation.errors());
    ClassLoader loader = Fixtures.classLoader(compilation);
    for (Row row : accepted) {
      Class<?> model = loader.loadClass("agreement." + row.className());
      Class<?> hyperparameters =
          loader.loadClass("agreement." + row.className() + "Hyperparameters");
      assertEquals(1, ((SearchSpace<?>) hyperparameters.getField("SPACE").get(null)).size(),
          row::toString);
      if (row.initial != null) { // without one, a field holds 0 or null, which the processor allows
        Object defaults = hyperparameters.getMethod("of", model)
            .invoke(null, model.getDeclaredConstructor().newInstance());
        assertEquals(String.valueOf(row.initialValue()), // by name: two Penalty enums
            String.valueOf(hyperparameters.getMethod("value").invoke(defaults)), row::toString);
      }
    }
  }

  // ---- the two sides

  private static Map<String, Set<String>> compileEveryRow() {
    List<JavaFileObject> sources = new ArrayList<>(List.of(penaltySource()));
    ROWS.forEach(row -> sources.add(row.javaFile()));
    Compilation compilation = Fixtures.compile(sources);
    Map<String, Set<String>> tags = new HashMap<>();
    Pattern tag = Pattern.compile("^\\[(\\w+)]");
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      String file = error.getSource() == null ? "" : error.getSource().getName();
      Matcher matcher = tag.matcher(error.getMessage(Locale.ROOT));
      String row = file.replaceAll(".*/", "").replace(".java", "");
      if (row.startsWith("Row") && matcher.find()) {
        tags.computeIfAbsent(row, r -> new TreeSet<>()).add(matcher.group(1));
      } else {
        STRAY.add(error.toString());
      }
    }
    return tags;
  }

  private static JavaFileObject penaltySource() {
    return JavaFileObjects.forSourceString("agreement.Penalty",
        "package agreement;\n\npublic enum Penalty { L1, L2, ELASTIC_NET }\n");
  }

  /** What the runtime makes of a row: its tags if the dimension is rejected. */
  record Outcome(boolean accepted, Set<String> tags, boolean valueRejected) {}

  private static Outcome runtime(Row row) {
    Dimension<?> dimension;
    try {
      dimension = row.dimension();
    } catch (IllegalArgumentException e) {
      Set<String> tags = new TreeSet<>();
      Matcher matcher = Pattern.compile("\\[(\\w+)]").matcher(e.getMessage());
      while (matcher.find()) {
        tags.add(matcher.group(1));
      }
      return new Outcome(false, tags, false);
    }
    if (row.initial != null) {
      try {
        dimension.check(row.initialValue());
      } catch (IllegalArgumentException e) {
        return new Outcome(false, Set.of(), true);
      }
    }
    return new Outcome(true, Set.of(), false);
  }

  // ---- rows

  /** Numbers rows in the order they are built, which is the table's order. */
  private static int counter;

  static Row real() {
    return new Row("double");
  }

  static Row floating() {
    return new Row("float");
  }

  static Row integer() {
    return new Row("int");
  }

  static Row longInteger() {
    return new Row("long");
  }

  static Row bool() {
    return new Row("boolean");
  }

  static Row string(String... choices) {
    Row row = new Row("String");
    row.choices = choices;
    return row;
  }

  /** An enum field; {@code null} choices for all its constants. */
  static Row enumeration(String... choices) {
    Row row = new Row("Penalty");
    row.choices = choices;
    return row;
  }

  /** One field declaration, built up by the table; a row is a class of its own. */
  static final class Row {
    final String type;
    final int number = ++counter;
    String name;
    double[] range;
    Scale scale = Scale.LINEAR;
    double step;
    String[] choices;
    String initial;
    String expected;

    Row(String type) {
      this.type = type;
    }

    Row name(String name) {
      this.name = name;
      return this;
    }

    Row range(double low, double high) {
      this.range = new double[] {low, high};
      return this;
    }

    Row log() {
      this.scale = Scale.LOG;
      return this;
    }

    Row step(double step) {
      this.step = step;
      return this;
    }

    /** The initializer as written in the source, such as {@code 0.25f} or {@code Penalty.L2}. */
    Row initial(String literal) {
      this.initial = literal;
      return this;
    }

    Row valid() {
      return this;
    }

    Row rejects(Rule rule) {
      this.expected = Message.of(rule).tag();
      return this;
    }

    Row rejects(Message message) {
      this.expected = message.tag();
      return this;
    }

    Set<String> expectedTags() {
      return expected == null ? Set.of() : Set.of(expected);
    }

    String className() {
      return "Row" + number;
    }

    JavaFileObject javaFile() {
      return JavaFileObjects.forSourceString("agreement." + className(), source());
    }

    String source() {
      return "package agreement;\n\n"
          + "import dev.tunable.annotations.Hyperparameter;\n"
          + "import dev.tunable.annotations.Scale;\n\n"
          + "public class " + className() + " {\n"
          + "  " + this + ";\n"
          + "}\n";
    }

    /** The declaration, as in the source. */
    @Override
    public String toString() {
      List<String> attributes = new ArrayList<>();
      if (name != null) {
        attributes.add("name = " + quoted(name));
      }
      if (range != null) {
        attributes.add("range = {" + literal(range[0]) + ", " + literal(range[1]) + "}");
      }
      if (scale == Scale.LOG) {
        attributes.add("scale = Scale.LOG");
      }
      if (step != 0) {
        attributes.add("step = " + literal(step));
      }
      if (choices != null) {
        attributes.add(Arrays.stream(choices).map(Row::quoted)
            .collect(Collectors.joining(", ", "choices = {", "}")));
      }
      String annotation = attributes.isEmpty() ? "" : "(" + String.join(", ", attributes) + ")";
      return "@Hyperparameter" + annotation + " " + type + " value"
          + (initial == null ? "" : " = " + initial);
    }

    /** The runtime's dimension for the same declaration. */
    Dimension<?> dimension() {
      String key = name == null ? "value" : name;
      long step = this.step == 0 ? 1 : (long) this.step;
      return switch (type) {
        case "double" -> new RealDimension(key, range[0], range[1], scale, this.step);
        case "float" -> new RealDimension(key, range[0], range[1], scale, this.step).asFloat();
        case "int" ->
            new IntegerDimension(key, (long) range[0], (long) range[1], scale, step).asInt();
        case "long" -> new IntegerDimension(key, (long) range[0], (long) range[1], scale, step);
        case "boolean" -> new BooleanDimension(key);
        case "String" -> new CategoricalDimension<>(key, List.of(choices));
        case "Penalty" -> new CategoricalDimension<>(key, choices == null
            ? List.of(Penalty.values())
            : Arrays.stream(choices).map(Penalty::valueOf).toList());
        default -> throw new IllegalStateException(type);
      };
    }

    /** The initial value as the field holds it. */
    Object initialValue() {
      return switch (type) {
        case "double" -> Double.valueOf(initial);
        case "float" -> Float.valueOf(initial);
        case "int" -> Integer.valueOf(initial);
        case "long" -> Long.valueOf(initial);
        case "String" -> initial.substring(1, initial.length() - 1);
        case "Penalty" -> Penalty.valueOf(initial.substring("Penalty.".length()));
        default -> throw new IllegalStateException(type);
      };
    }

    private static String literal(double value) {
      if (Double.isNaN(value)) {
        return "Double.NaN";
      }
      if (Double.isInfinite(value)) {
        return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
      }
      return Double.toString(value);
    }

    private static String quoted(String text) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : text.toCharArray()) {
        out.append(c == '"' || c == '\\' ? "\\" + c
            : c < ' ' || c > '~' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
      return out.append('"').toString();
    }
  }
}
