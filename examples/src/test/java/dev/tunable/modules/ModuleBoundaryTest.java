package dev.tunable.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Study;
import dev.tunable.annotations.Scale;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's module exports its API packages and nothing under {@code dev.tunable.internal}: a
 * module that requires it compiles against the API and cannot reach the internals. The two
 * exceptions: the declaration rules, exported to the annotation processor alone, which compiles
 * against them and carries its own relocated copy; and the storage internals (the event codec),
 * exported to the PostgreSQL storage alone, which keeps events in the journal's format.
 */
class ModuleBoundaryTest {
  private static final Set<String> API = Set.of("dev.tunable", "dev.tunable.checkpoint",
      "dev.tunable.evaluation", "dev.tunable.pbt", "dev.tunable.pruner", "dev.tunable.sampler",
      "dev.tunable.schedule", "dev.tunable.storage");
  private static final Map<String, Set<String>> QUALIFIED = Map.of(
      "dev.tunable.internal.rules", Set.of("dev.tunable.processor"),
      "dev.tunable.internal.storage", Set.of("dev.tunable.postgres"));

  @TempDir Path directory;

  @Test
  void theRuntimeExportsEveryPackageButTheInternalOnes() throws URISyntaxException {
    ModuleDescriptor runtime = ModuleFinder.of(location(Study.class)).findAll().iterator().next()
        .descriptor();
    assertEquals("dev.tunable", runtime.name());
    Set<String> exported = runtime.exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(API), exported);
    Map<String, Set<String>> qualified = runtime.exports().stream()
        .filter(ModuleDescriptor.Exports::isQualified)
        .collect(Collectors.toMap(ModuleDescriptor.Exports::source,
            ModuleDescriptor.Exports::targets));
    assertEquals(QUALIFIED, qualified,
        "only the rules, to the processor, and the event codec, to the PostgreSQL storage");
    assertEquals(Set.of(), runtime.opens());
    Set<String> internal = new TreeSet<>(runtime.packages());
    internal.removeAll(exported);
    assertFalse(internal.isEmpty());
    assertTrue(internal.stream().allMatch(p -> p.startsWith("dev.tunable.internal")),
        internal.toString());
  }

  @Test
  void aModuleThatRequiresTheRuntimeReachesItsApi() throws Exception {
    String errors = compileModule("""
        package user;

        import dev.tunable.Config;
        import dev.tunable.Samplers;
        import dev.tunable.SearchSpace;
        import dev.tunable.Study;
        import dev.tunable.annotations.Scale;

        public class Tune {
          public static double best() {
            SearchSpace<Config> space = SearchSpace.builder().real("lr", 1e-4, 1, Scale.LOG).build();
            Study study = Study.builder().sampler(Samplers.tpe(1)).progress(false).build();
            return study.optimize(space, 5, t -> t.params().getDouble("lr")).value();
          }
        }
        """);
    assertEquals("", errors);
  }

  @Test
  void aModuleThatRequiresTheRuntimeCannotReachItsInternals() throws Exception {
    String errors = compileModule("""
        package user;

        public class Peek {
          public static Object parse() {
            return dev.tunable.internal.Json.parse("{}");
          }
        }
        """);
    assertTrue(errors.contains("package dev.tunable.internal is not visible")
        || errors.contains("does not export dev.tunable.internal"), errors);
  }

  @Test
  void aModuleThatRequiresTheRuntimeCannotReachTheRulesExportedToTheProcessor() throws Exception {
    String errors = compileModule("""
        package user;

        public class Peek {
          public static Object rule() {
            return dev.tunable.internal.rules.Rule.INVALID_NAME;
          }
        }
        """);
    assertTrue(errors.contains("package dev.tunable.internal.rules is not visible")
        || errors.contains("does not export dev.tunable.internal.rules"), errors);
  }

  /** Compiles module {@code user} holding {@code source}; returns javac's errors, if any. */
  private String compileModule(String source) throws IOException, URISyntaxException {
    Path sources = directory.resolve("src");
    Path user = sources.resolve("user");
    Files.createDirectories(user);
    Files.writeString(sources.resolve("module-info.java"), "module user { requires dev.tunable; }\n");
    String className = source.contains("class Tune") ? "Tune" : "Peek";
    Files.writeString(user.resolve(className + ".java"), source);
    String modulePath = List.of(location(Study.class), location(Scale.class),
            location(org.apache.commons.math3.random.SobolSequenceGenerator.class),
            location(com.fasterxml.jackson.core.JsonFactory.class),
            location(org.slf4j.Logger.class))
        .stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter output = new StringWriter();
    boolean ok = javac.getTask(output, null, null,
        List.of("--module-path", modulePath, "-d", directory.resolve("out").toString(),
            "-proc:none"),
        null,
        javac.getStandardFileManager(null, null, null).getJavaFileObjects(
            sources.resolve("module-info.java"), user.resolve(className + ".java")))
        .call();
    return ok ? "" : output.toString();
  }

  /** The jar or classes directory {@code type} was loaded from. */
  private static Path location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
