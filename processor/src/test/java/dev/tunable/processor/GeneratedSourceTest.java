package dev.tunable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated sources: exact text of a representative class (goldens under {@code expected/},
 * rewritten when {@code TUNABLE_REGENERATE_GOLDENS=1}), names, which files are generated, and that
 * they compile without a single warning under {@code -Xlint:all}.
 */
class GeneratedSourceTest {
  private static final Path GOLDENS = Path.of("src/test/resources/expected");

  @Test
  void hyperparametersOfARepresentativeClassMatchTheGolden() throws IOException {
    assertGolden(Fixtures.compile(Fixtures.good("LogisticRegression")),
        "test.LogisticRegressionHyperparameters");
  }

  @Test
  void parametersOfARepresentativeClassMatchTheGolden() throws IOException {
    assertGolden(Fixtures.compile(Fixtures.good("LogisticRegression")),
        "test.LogisticRegressionParameters");
  }

  @Test
  void multiDimensionalArraysAreCopiedByHelpersMatchingTheGolden() throws IOException {
    assertGolden(Fixtures.compile(Fixtures.good("Outer")), "test.Outer_MemoryParameters");
  }

  /**
   * Issue 16: learned state that is an object (a booster, a list of trees) is held by reference;
   * the Javadoc of the record, capture, restore and scalarCount says so instead of "a copy".
   */
  @Test
  void objectsHeldByReferenceAreNamedAsSharedMatchingTheGolden() throws IOException {
    Compilation compilation = Fixtures.compile(Fixtures.good("Boosted"));
    assertThat(compilation).succeededWithoutWarnings();
    assertGolden(compilation, "test.BoostedParameters");
  }

  /**
   * Issue 14: a choice among the permitted classes of a sealed interface and a nested class. The
   * model's record holds the branch's record under the generated sealed interface; a branch with
   * nothing to tune gets an empty record.
   */
  @Test
  void aChoiceAndANestedClassMatchTheGoldens() throws IOException {
    Compilation compilation = Fixtures.compile(
        Fixtures.good(ConditionalModelTest.MODEL.toArray(String[]::new)));
    assertGolden(compilation, "test.MlpHyperparameters");
    assertGolden(compilation, "test.OptimizerHyperparameters");
    assertGolden(compilation, "test.SgdHyperparameters");
    String adam = generated(compilation, "test.AdamHyperparameters").orElseThrow();
    assertTrue(adam.contains("public record AdamHyperparameters(double beta1, double beta2)"
        + " implements OptimizerHyperparameters {"), adam);
    String schedule = generated(compilation, "test.ScheduleHyperparameters").orElseThrow();
    assertTrue(schedule.contains("public record ScheduleHyperparameters(int warmup) {"), schedule);
  }

  @Test
  void generatedCodeOfChoicesCompilesWithoutWarningsUnderXlintAll() {
    assertGeneratedCodeCompilesWithoutWarnings(
        Fixtures.good(ConditionalModelTest.MODEL.toArray(String[]::new)), 6);
  }

  @Test
  void nestedClassesAreNamedAfterEveryEnclosingClass() {
    Compilation compilation = Fixtures.compile(Fixtures.good("Outer"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(generated(compilation, "test.Outer_InnerHyperparameters").isPresent());
    assertTrue(generated(compilation, "test.Outer_MemoryParameters").isPresent());
    assertFalse(generated(compilation, "test.OuterHyperparameters").isPresent());
  }

  /** Regression: {@code Outer.Inner} was a raw type, a warning in generated code. */
  @Test
  void anInnerClassOfAGenericClassIsNamedWithoutRawTypes() {
    Compilation compilation = Fixtures.compile(Fixtures.good("GenericOuter"));
    assertThat(compilation).succeededWithoutWarnings();
    String hyperparameters =
        generated(compilation, "test.GenericOuter_LayerHyperparameters").orElseThrow();
    assertTrue(hyperparameters.contains("of(GenericOuter<?>.Layer model)"), hyperparameters);
    String parameters = generated(compilation, "test.GenericOuter_LayerParameters").orElseThrow();
    assertTrue(parameters.contains("capture(GenericOuter<?>.Layer model)"), parameters);
  }

  @Test
  void aClassGetsOnlyTheRecordsItsAnnotationsAskFor() {
    Compilation compilation = Fixtures.compile(Fixtures.good("OnlyLearned", "OnlyHyperparameters"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(generated(compilation, "test.OnlyLearnedParameters").isPresent());
    assertFalse(generated(compilation, "test.OnlyLearnedHyperparameters").isPresent());
    assertTrue(generated(compilation, "test.OnlyHyperparametersHyperparameters").isPresent());
    assertFalse(generated(compilation, "test.OnlyHyperparametersParameters").isPresent());
  }

  @Test
  void inheritedFieldsComeFirstAndSubclassesWithoutFieldsOfTheirOwnAreGenerated() {
    Compilation compilation = Fixtures.compile(Fixtures.good("Base", "Derived", "Plain"));
    assertThat(compilation).succeededWithoutWarnings();
    String derived = generated(compilation, "test.DerivedHyperparameters").orElseThrow();
    assertTrue(derived.contains("public record DerivedHyperparameters(int depth, double rate)"), derived);
    String parameters = generated(compilation, "test.PlainParameters").orElseThrow();
    assertTrue(parameters.contains("public record PlainParameters(double[] weights, float[] scales)"),
        parameters);
    assertTrue(generated(compilation, "test.BaseHyperparameters").isPresent());
  }

  @Test
  void fieldNamesThatLookLikeGeneratedNamesDoNotClash() {
    Compilation compilation = Fixtures.compile(Fixtures.good("Awkward"));
    assertThat(compilation).succeededWithoutWarnings();
    String source = generated(compilation, "test.AwkwardHyperparameters").orElseThrow();
    assertTrue(source.contains("<M extends Awkward<?>> M applyTo(M model_)"), source);
    assertTrue(source.contains("java.lang.Math.toIntExact"), source);
  }

  /**
   * Javadoc renders an implicit record accessor as "Returns the value of the … record component",
   * so a documented field gets an accessor written out: the javadoc tool shows the field's text.
   */
  @Test
  void generatedAccessorsCarryTheFieldsJavadoc(@TempDir Path output) throws IOException {
    List<JavaFileObject> sources = new ArrayList<>(Fixtures.good("Documented"));
    Compilation compilation = Fixtures.compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    sources.addAll(compilation.generatedSourceFiles());
    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    try (StandardJavaFileManager files = javadoc.getStandardFileManager(null, null, null)) {
      files.setLocation(StandardLocation.CLASS_PATH, Fixtures.classpath());
      files.setLocation(DocumentationTool.Location.DOCUMENTATION_OUTPUT, List.of(output.toFile()));
      assertTrue(javadoc.getTask(null, files, null, null, List.of("-quiet", "-Xdoclint:none"),
          sources).call());
    }
    String hyperparameters = Files.readString(output.resolve("test/DocumentedHyperparameters.html"));
    assertTrue(accessorDoc(hyperparameters, "learningRate()").contains(
        "How far each step goes: too large and training diverges, too small and it crawls."),
        accessorDoc(hyperparameters, "learningRate()"));
    assertFalse(accessorDoc(hyperparameters, "learningRate()").contains("Math"),
        "block tags such as @see stay with the field");
    // Without Javadoc, the annotation's description documents the accessor.
    assertTrue(accessorDoc(hyperparameters, "depth()").contains("Not Javadoc"));
    assertTrue(accessorDoc(hyperparameters, "shuffle()").contains("ends */ or \\u002a/ here"),
        accessorDoc(hyperparameters, "shuffle()"));
    String parameters = Files.readString(output.resolve("test/DocumentedParameters.html"));
    assertTrue(accessorDoc(parameters, "weights()").contains("One weight per input column."),
        accessorDoc(parameters, "weights()"));
  }

  /** The text of the method detail {@code id} (such as {@code rate()}) of a javadoc page. */
  private static String accessorDoc(String page, String id) {
    int start = page.indexOf("<section class=\"detail\" id=\"" + id + "\">");
    assertTrue(start >= 0, "no method detail " + id);
    return page.substring(start, page.indexOf("</section>", start))
        .replaceAll("<[^>]+>", "").replace("&#47;", "/").replace("&#92;", "\\");
  }

  @Test
  void innerClassesAndEnumsHoldHyperparametersLikeClasses() throws Exception {
    Compilation compilation = Fixtures.compile(Fixtures.good("Owners"));
    assertThat(compilation).succeededWithoutWarnings();
    ClassLoader loader = Fixtures.classLoader(compilation);
    Class<?> preset = loader.loadClass("test.Owners$Preset");
    Object large = preset.getField("LARGE").get(null);
    Class<?> values = loader.loadClass("test.Owners_PresetHyperparameters");
    Object five = values.getConstructor(int.class).newInstance(5);
    values.getMethod("applyTo", preset).invoke(five, large);
    Object read = values.getMethod("of", preset).invoke(null, large);
    assertEquals(five, read);
    assertTrue(generated(compilation, "test.Owners_LayerHyperparameters").isPresent());
    assertTrue(generated(compilation, "test.Owners_LayerParameters").isPresent());
  }

  /** Regression: a type named Override or String in the model's package broke generated code. */
  @Test
  void typesOfTheModelsPackageNamedLikeJavaLangTypesAreNotMeant() {
    Compilation compilation = Fixtures.compile(Fixtures.good("Shadowed", "String", "Override"));
    assertThat(compilation).succeededWithoutWarnings();
    String parameters = generated(compilation, "test.ShadowedParameters").orElseThrow();
    assertTrue(parameters.contains("@java.lang.Override"), parameters);
    assertTrue(parameters.contains("public java.lang.String toString()"), parameters);
  }

  @Test
  void loadReadsAFileThroughTheSpaceAndNamesTheKeysThatMustBeGiven() {
    Compilation compilation = Fixtures.compile(Fixtures.good("Partly"));
    assertThat(compilation).succeededWithoutWarnings();
    String source = generated(compilation, "test.PartlyHyperparameters").orElseThrow();
    assertTrue(source.contains("""
          /**
           * Reads a configuration file: JSON ({@code *.json}) or Java properties in UTF-8
           * ({@code *.properties}).
           * A key left out takes its default in {@link #SPACE}, but {@code rate}, {@code depth} have no default
           * (no constant initializer) and must be given.
           *
           * @throws IOException if the file cannot be read
           * @throws IllegalArgumentException listing every problem in the file, each with its line
           */
          public static PartlyHyperparameters load(Path file_) throws IOException {
            return SPACE.create(SPACE.load(file_));
          }
        """), source);
    assertTrue(source.contains("""
              List.of(RATE, DEPTH, FILE, OFFSET, SHIFTED),
              Config.builder()
                  .set(FILE, 2)
                  .set(OFFSET, 0.2)
                  .set(SHIFTED, 0.15)
                  .build());
        """), source);
  }

  @Test
  void aSpaceWithoutDefaultsIsBuiltAsBefore() {
    Compilation compilation = Fixtures.compile(List.of(JavaFileObjects.forSourceString("test.Bare",
        "package test;\n"
            + "import dev.tunable.annotations.Hyperparameter;\n"
            + "public class Bare {\n"
            + "  @Hyperparameter(range = {1, 10}) int depth;\n"
            + "}\n")));
    assertThat(compilation).succeededWithoutWarnings();
    String source = generated(compilation, "test.BareHyperparameters").orElseThrow();
    assertTrue(source.contains("List.of(DEPTH));"), source);
    assertTrue(source.contains("{@code depth} has no default"), source);
  }

  @Test
  void generatedCodeCompilesWithoutWarningsUnderXlintAll() {
    assertGeneratedCodeCompilesWithoutWarnings(Fixtures.good(
        "LogisticRegression", "Outer", "Base", "Derived", "Plain", "Awkward", "OnlyLearned",
        "OnlyHyperparameters"), 14);
  }

  /**
   * Processes {@code models}, which must give {@code generated} files, then compiles the
   * generated files again without the processor, so that every warning javac has about them
   * shows up, processing notes aside.
   */
  private static void assertGeneratedCodeCompilesWithoutWarnings(
      List<JavaFileObject> models, int generated) {
    List<JavaFileObject> sources = new ArrayList<>(models);
    Compilation processed = Fixtures.compile(sources);
    assertThat(processed).succeeded();
    assertEquals(generated, processed.generatedSourceFiles().size());
    sources.addAll(processed.generatedSourceFiles());
    Compilation plain = javac()
        .withClasspath(Fixtures.classpath())
        .withOptions("-Xlint:all", "-proc:none")
        .compile(sources);
    assertThat(plain).succeededWithoutWarnings();
  }

  static Optional<String> generated(Compilation compilation, String qualifiedName) {
    return compilation.generatedFile(StandardLocation.SOURCE_OUTPUT,
            qualifiedName.replace('.', '/') + ".java")
        .map(GeneratedSourceTest::content);
  }

  static String content(JavaFileObject file) {
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void assertGolden(Compilation compilation, String qualifiedName)
      throws IOException {
    assertThat(compilation).succeededWithoutWarnings();
    String actual = generated(compilation, qualifiedName).orElseThrow();
    Path golden = GOLDENS.resolve(qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1) + ".java");
    if ("1".equals(System.getenv("TUNABLE_REGENERATE_GOLDENS"))) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertTrue(Files.exists(golden),
        golden + " is missing; run once with TUNABLE_REGENERATE_GOLDENS=1 and review it");
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
        "generated " + qualifiedName + " differs from " + golden
            + "; if the change is intended, rerun with TUNABLE_REGENERATE_GOLDENS=1 and review the diff");
  }
}
