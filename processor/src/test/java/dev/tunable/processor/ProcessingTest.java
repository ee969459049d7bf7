package dev.tunable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round handling: every error reported, bad classes isolated, deferral to later rounds. */
class ProcessingTest {

  @Test
  void everyErrorOfAClassIsReported() {
    JavaFileObject model = JavaFileObjects.forSourceLines("test.Model",
        "package test;",
        "import dev.tunable.annotations.Hyperparameter;",
        "import dev.tunable.annotations.Learned;",
        "import dev.tunable.annotations.Scale;",
        "public class Model {",
        "  @Hyperparameter(range = {1, 0}, scale = Scale.LOG) private double rate;",
        "  @Hyperparameter(range = {0, 1}, step = 0.3, choices = \"x\") final double momentum = 0;",
        "  @Hyperparameter String optimizer;",
        "  @Learned static double[] weights;",
        "}");
    Compilation compilation = Fixtures.compile(List.of(model));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[PrivateField] field 'rate'").inFile(model).onLine(6);
    assertThat(compilation).hadErrorContaining("[InvertedRange] hyperparameter 'rate'").inFile(model).onLine(6);
    assertThat(compilation).hadErrorContaining("[FinalField] field 'momentum'").inFile(model).onLine(7);
    assertThat(compilation).hadErrorContaining("[ChoicesNotApplicable] hyperparameter 'momentum'").inFile(model).onLine(7);
    assertThat(compilation).hadErrorContaining("[StepNotDividing] hyperparameter 'momentum'").inFile(model).onLine(7);
    assertThat(compilation).hadErrorContaining("[StringWithoutChoices] hyperparameter 'optimizer'").inFile(model).onLine(8);
    assertThat(compilation).hadErrorContaining("[StaticField] field 'weights'").inFile(model).onLine(9);
    assertEquals(7, compilation.errors().size(), compilation.errors().toString());
  }

  @Test
  void anErrorIsPlacedOnTheOffendingBound() {
    String line = "  @Hyperparameter(range = {0.5, 10}) int depth;";
    JavaFileObject model = JavaFileObjects.forSourceLines("test.Model",
        "package test;",
        "import dev.tunable.annotations.Hyperparameter;",
        "public class Model {",
        line,
        "}");
    Compilation compilation = Fixtures.compile(List.of(model));
    assertThat(compilation).hadErrorContaining("[FractionalBound]").inFile(model).onLine(4)
        .atColumn(line.indexOf("0.5") + 1);
  }

  /**
   * Compile-Testing hides generated files when a compilation fails, so this one runs javac itself
   * and looks at what the processor wrote to disk.
   */
  @Test
  void aBadClassDoesNotStopAGoodOne(@TempDir Path output) throws IOException {
    JavaFileObject bad = JavaFileObjects.forSourceLines("test.Bad",
        "package test;",
        "import dev.tunable.annotations.Hyperparameter;",
        "public class Bad {",
        "  @Hyperparameter(range = {1, 0}) double rate;",
        "}");
    List<JavaFileObject> sources = new ArrayList<>(List.of(bad));
    sources.addAll(Fixtures.good("LogisticRegression"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      files.setLocation(StandardLocation.CLASS_PATH, Fixtures.classpath());
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(output.toFile()));
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(output.toFile()));
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, List.of("-proc:only"), null, sources);
      task.setProcessors(List.of(new TunableProcessor()));
      assertFalse(task.call());
    }
    List<String> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(null))
        .toList();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).startsWith("[InvertedRange]"), errors.get(0));
    assertTrue(Files.exists(output.resolve("test/LogisticRegressionHyperparameters.java")));
    assertTrue(Files.exists(output.resolve("test/LogisticRegressionParameters.java")));
    assertTrue(Files.exists(output.resolve("META-INF/tunable/test.LogisticRegression.json")));
    assertFalse(Files.exists(output.resolve("test/BadHyperparameters.java")));
    assertFalse(Files.exists(output.resolve("META-INF/tunable/test.Bad.json")));
  }

  @Test
  void aClassWaitsForATypeAnotherProcessorGeneratesInALaterRound() {
    JavaFileObject model = JavaFileObjects.forSourceLines("test.Model",
        "package test;",
        "import dev.tunable.annotations.Hyperparameter;",
        "public class Model {",
        "  @Hyperparameter Mode mode = Mode.FAST;",
        "  @Hyperparameter(range = {0, 1}) double rate;",
        "}");
    Compilation compilation = Fixtures.compile(List.of(model), new ModeGenerator());
    assertThat(compilation).succeededWithoutWarnings();
    String source = GeneratedSourceTest.generated(compilation, "test.ModelHyperparameters").orElseThrow();
    assertTrue(source.contains("List.of(Mode.FAST, Mode.SLOW)"), source);
  }

  /**
   * javac runs the processor only for a round with Tunable annotations on member fields; when the
   * only ones are in a local class, the plugin reports them.
   */
  @Test
  void thePluginReportsAnnotatedFieldsOfLocalClassesWhenTheProcessorDoesNotRun() {
    JavaFileObject model = JavaFileObjects.forSourceLines("test.Model",
        "package test;",
        "import dev.tunable.annotations.*;",
        "public class Model {",
        "  void train() {",
        "    class Local { @Hyperparameter(range = {0, 1}) double rate; }",
        "    new Local();",
        "  }",
        "}");
    Compilation compilation = Fixtures.compile(List.of(model));
    assertThat(compilation).hadErrorContaining("[LocalClassField] field 'rate' is @Hyperparameter"
        + " but belongs to local class Local").inFile(model).onLine(5);
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  /**
   * Regression: in a module that does not read java.compiler the generated records carry no
   * {@code @Generated}, and the plugin took the generated restore for code outside the model.
   */
  @Test
  void thePluginKnowsTheGeneratedRestoreInAModuleWithoutJavaCompiler(@TempDir Path dir)
      throws IOException {
    Path sources = dir.resolve("src");
    Files.createDirectories(sources.resolve("demo"));
    Files.writeString(sources.resolve("module-info.java"),
        "module demo { requires dev.tunable.annotations; }\n");
    Files.writeString(sources.resolve("demo/Model.java"), String.join("\n",
        "package demo;",
        "import dev.tunable.annotations.Learned;",
        "public class Model {",
        "  @Learned double[] weights;",
        "}"));
    Files.writeString(sources.resolve("demo/Trainer.java"), String.join("\n",
        "package demo;",
        "class Trainer {",
        "  void cheat(Model model) { model.weights = new double[1]; }",
        "}"));
    Path output = dir.resolve("out");
    Files.createDirectories(output);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      // The annotations' classes, with their module-info, as an exploded module.
      files.setLocation(StandardLocation.MODULE_PATH, List.of(Fixtures.classpath().get(0)));
      files.setLocation(StandardLocation.ANNOTATION_PROCESSOR_PATH,
          List.of(Fixtures.classpathWithPlugin().get(2)));
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(output.toFile()));
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(output.toFile()));
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("-Xplugin:Tunable"), null, files.getJavaFileObjects(
              sources.resolve("module-info.java"), sources.resolve("demo/Model.java"),
              sources.resolve("demo/Trainer.java")));
      task.setProcessors(List.of(new TunableProcessor()));
      assertFalse(task.call());
    }
    String parameters = Files.readString(output.resolve("demo/ModelParameters.java"));
    assertFalse(parameters.contains("@Generated"), parameters);
    List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .toList();
    assertEquals(1, errors.size(), errors.toString());
    assertTrue(errors.get(0).getMessage(null).startsWith("[LearnedSetFromOutside]"),
        errors.toString());
    assertTrue(errors.get(0).getSource().getName().endsWith("Trainer.java"), errors.toString());
  }

  /** Regression: javac failed inside the generated record, on every runtime type it names. */
  @Test
  void aModelWithHyperparametersNeedsTheRuntimeOnTheClassPath() {
    JavaFileObject model = JavaFileObjects.forSourceLines("test.Model",
        "package test;",
        "import dev.tunable.annotations.Hyperparameter;",
        "import dev.tunable.annotations.Learned;",
        "public class Model {",
        "  @Hyperparameter(range = {0, 1}) double rate;",
        "  @Learned double[] weights;",
        "}");
    JavaFileObject learnedOnly = JavaFileObjects.forSourceLines("test.Memory",
        "package test;",
        "import dev.tunable.annotations.Learned;",
        "public class Memory {",
        "  @Learned double[] cells;",
        "}");
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withClasspath(List.of(Fixtures.classpath().get(0))) // the annotations alone
        .withOptions("-Xlint:all", "-Xlint:-processing")
        .withProcessors(new TunableProcessor())
        .compile(model, learnedOnly);
    assertThat(compilation).hadErrorContaining("[RuntimeMissing] class test.Model has"
        + " hyperparameters, so the generated ModelHyperparameters uses the runtime")
        .inFile(model).onLine(4);
    assertEquals(1, compilation.errors().size(), compilation.errors().toString());
  }

  @Test
  void theProcessorLeavesTheAnnotationsUnclaimedAndSupportsTheLatestRelease() {
    TunableProcessor processor = new TunableProcessor();
    assertEquals(SourceVersion.latestSupported(), processor.getSupportedSourceVersion());
    assertEquals(Set.of("dev.tunable.annotations.Hyperparameter", "dev.tunable.annotations.Learned"),
        processor.getSupportedAnnotationTypes());
  }

  @Test
  void gradleTreatsTheProcessorAsIsolating() throws IOException {
    try (var in = TunableProcessor.class.getClassLoader()
        .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertEquals("dev.tunable.processor.TunableProcessor,isolating\n",
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** Generates {@code test.Mode} in its first round, as another processor might. */
  static final class ModeGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer writer = processingEnv.getFiler().createSourceFile("test.Mode").openWriter()) {
          writer.write("package test;\npublic enum Mode { FAST, SLOW }\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }
}
