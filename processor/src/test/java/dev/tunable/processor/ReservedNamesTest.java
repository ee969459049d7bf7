package dev.tunable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.tunable.processor.Names.Kind;
import dev.tunable.processor.Names.Member;
import dev.tunable.processor.Names.Output;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The reserved-name rules know every member the writers generate: each member of each generated
 * record is one that {@link Names} declares (or one per component), each name a field may not have
 * is reported, and each generated name a field may have does compile.
 */
class ReservedNamesTest {
  private static final List<String> GOOD = List.of("LogisticRegression", "Outer", "Base",
      "Derived", "Plain", "Awkward", "OnlyLearned", "OnlyHyperparameters");

  /**
   * Guards against a writer that declares a member {@link Names.Member} does not list: the
   * reserved-name rules would not know it, and a field of that name would break generated code.
   */
  @Test
  void everyMemberOfEveryGeneratedRecordIsDeclaredInNames() throws Exception {
    Compilation compilation = Fixtures.compile(Fixtures.good(GOOD.toArray(String[]::new)));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = Fixtures.classLoader(compilation);
    List<String> unknown = new ArrayList<>();
    int records = 0;
    for (JavaFileObject source : compilation.generatedSourceFiles()) {
      String name = source.toUri().getPath().replaceAll(".*/SOURCE_OUTPUT/", "")
          .replace(".java", "").replace('/', '.');
      Class<?> generated = loader.loadClass(name);
      Output output = name.endsWith("Hyperparameters") ? Output.HYPERPARAMETERS : Output.PARAMETERS;
      assertTrue(generated.isRecord(), name);
      unknown.addAll(unknownMembers(generated, output));
      records++;
    }
    assertEquals(14, records);
    assertEquals(List.of(), unknown, "members the generated records declare but Names does not:"
        + " declare each in Names.Member, with its Kind, so that the reserved-name rules know it");
  }

  @Test
  void theMembersOfEveryKindAreFoundInTheGeneratedRecords() throws Exception {
    // The other direction: Names lists nothing that is not generated, so no name is reserved for a
    // member that no longer exists.
    Compilation compilation = Fixtures.compile(Fixtures.good("LogisticRegression", "Outer"));
    ClassLoader loader = Fixtures.classLoader(compilation);
    Set<String> declared = new TreeSet<>();
    for (String name : List.of("test.LogisticRegressionHyperparameters",
        "test.LogisticRegressionParameters", "test.Outer_MemoryParameters")) {
      Class<?> generated = loader.loadClass(name);
      Output output = name.endsWith("Hyperparameters") ? Output.HYPERPARAMETERS : Output.PARAMETERS;
      Stream.concat(Arrays.stream(generated.getDeclaredFields()).map(Field::getName),
              Arrays.stream(generated.getDeclaredMethods()).map(Method::getName))
          .forEach(member -> declared.add(output + "." + member));
    }
    for (Member member : Member.values()) {
      assertTrue(declared.contains(member.output() + "." + member.simpleName()), member::toString);
    }
  }

  @Test
  void theNamesNoComponentMayHaveAreTheMethodsOfObjectAndRecordWithoutParameters() {
    Set<String> expected = new TreeSet<>();
    for (Class<?> type : List.of(Object.class, Record.class)) {
      Arrays.stream(type.getDeclaredMethods())
          .filter(method -> method.getParameterCount() == 0)
          .filter(method -> !Modifier.isPrivate(method.getModifiers()))
          .filter(method -> !Modifier.isStatic(method.getModifiers()))
          .forEach(method -> expected.add(method.getName()));
    }
    assertEquals(expected, new TreeSet<>(Names.OBJECT_METHODS_WITHOUT_PARAMETERS));
  }

  /** Each reserved name, as a field's name, is reported on that field, and only that. */
  @TestFactory
  Stream<DynamicTest> everyReservedNameIsReported() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String name : Names.reservedComponentNames(Output.HYPERPARAMETERS)) {
      tests.add(reported("@Hyperparameter(range = {0, 1}) double " + name + ";", name,
          "ModelHyperparameters"));
    }
    for (String name : Names.reservedComponentNames(Output.PARAMETERS)) {
      tests.add(reported("@Learned double " + name + ";", name, "ModelParameters"));
    }
    for (String constant : Names.reservedConstantNames()) {
      String field = constant.toLowerCase(java.util.Locale.ROOT);
      tests.add(reported("@Hyperparameter(range = {0, 1}) double " + field + ";", field,
          "ModelHyperparameters"));
    }
    // One wither per hyperparameter: a field named like another's wither clashes with it.
    tests.add(reported("@Hyperparameter(range = {0, 1}) double rate;\n"
        + "  @Hyperparameter(range = {0, 1}) double withRate;", "withRate", "ModelHyperparameters"));
    return tests.stream();
  }

  /** Each generated name that is not reserved may name a field: the generated code compiles. */
  @TestFactory
  Stream<DynamicTest> everyOtherMemberNameMayNameAField() {
    return Arrays.stream(Member.values())
        .filter(member -> !member.reservesComponentName() && member.kind() != Kind.CONSTANT)
        .map(member -> {
          String name = member.simpleName();
          String field = member.output() == Output.HYPERPARAMETERS
              ? "@Hyperparameter(range = {0, 1}) double " + name + ";"
              // An array of arrays, so that the helpers copy and count are generated too.
              : "@Learned double[][] " + name + ";";
          return DynamicTest.dynamicTest(member.output() + "." + name, () -> {
            Compilation compilation = Fixtures.compile(List.of(model(field)));
            assertThat(compilation).succeededWithoutWarnings();
            assertEquals(2, compilation.generatedSourceFiles().size());
          });
        });
  }

  private static DynamicTest reported(String fields, String name, String record) {
    return DynamicTest.dynamicTest(record + "." + name, () -> {
      Compilation compilation = Fixtures.compile(List.of(model(fields)));
      assertThat(compilation).hadErrorContaining("[ReservedName] field '" + name + "' clashes with")
          .inFile(compilation.sourceFiles().get(0));
      assertThat(compilation).hadErrorContaining("of the generated " + record + "; rename the field");
      assertEquals(1, compilation.errors().size(), () -> compilation.errors().toString());
    });
  }

  /**
   * A model with {@code fields}, plus one field of the other annotation so that both records are
   * generated.
   */
  private static JavaFileObject model(String fields) {
    String other = fields.contains("@Learned")
        ? "@Hyperparameter(range = {0, 1}) double other;"
        : "@Learned double other;";
    return JavaFileObjects.forSourceString("test.Model", """
        package test;

        import dev.tunable.annotations.Hyperparameter;
        import dev.tunable.annotations.Learned;

        public class Model {
          %s
          %s
        }
        """.formatted(fields, other));
  }

  /**
   * The members of {@code generated} that are neither a component's field, accessor, constant or
   * wither, nor a {@link Member} of {@code output} of the right shape, nor {@code Record}'s.
   */
  private static List<String> unknownMembers(Class<?> generated, Output output) {
    List<String> components = Arrays.stream(generated.getRecordComponents())
        .map(RecordComponent::getName).toList();
    List<String> unknown = new ArrayList<>();
    for (Field field : generated.getDeclaredFields()) {
      if (field.isSynthetic()) {
        continue;
      }
      int modifiers = field.getModifiers();
      boolean known = Modifier.isStatic(modifiers)
          ? Modifier.isPublic(modifiers) && Modifier.isFinal(modifiers)
              && (output == Output.HYPERPARAMETERS
                  && components.stream().map(Names::constant).anyMatch(field.getName()::equals)
                  || member(output, field.getName()).filter(m -> m.kind() == Kind.CONSTANT)
                      .isPresent())
          : components.contains(field.getName());
      if (!known) {
        unknown.add(generated.getSimpleName() + "." + field.getName());
      }
    }
    for (Method method : generated.getDeclaredMethods()) {
      if (method.isSynthetic()) {
        continue;
      }
      int modifiers = method.getModifiers();
      String name = method.getName();
      boolean accessor = method.getParameterCount() == 0 && components.contains(name);
      boolean wither = output == Output.HYPERPARAMETERS && !Modifier.isStatic(modifiers)
          && method.getParameterCount() == 1
          && components.stream().map(Names::wither).anyMatch(name::equals);
      boolean member = member(output, name).filter(m -> hasShape(method, m)).isPresent();
      // Record's equals, hashCode and toString, which javac writes unless the writer does.
      if (!accessor && !wither && !member && !isRecordMethod(method)) {
        unknown.add(generated.getSimpleName() + "." + name + Arrays.toString(
            method.getParameterTypes()));
      }
    }
    return unknown;
  }

  private static Optional<Member> member(Output output, String name) {
    return Names.members(output).filter(m -> m.simpleName().equals(name)).findFirst();
  }

  /** Whether {@code method} is what a member of {@code member}'s kind is. */
  private static boolean hasShape(Method method, Member member) {
    int modifiers = method.getModifiers();
    boolean parameters = method.getParameterCount() > 0;
    return switch (member.kind()) {
      case CONSTANT -> false;
      case FACTORY -> Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && parameters;
      case METHOD -> Modifier.isPublic(modifiers) && !Modifier.isStatic(modifiers);
      case RECORD_METHOD -> isRecordMethod(method);
      case HELPER -> Modifier.isPrivate(modifiers) && Modifier.isStatic(modifiers) && parameters;
    };
  }

  /** {@code equals}, {@code hashCode} or {@code toString} as {@code Record} declares them. */
  private static boolean isRecordMethod(Method method) {
    try {
      Record.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
      return !Modifier.isStatic(method.getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
