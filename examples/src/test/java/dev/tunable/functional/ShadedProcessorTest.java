package dev.tunable.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.palantir.javapoet.JavaFile;
import dev.tunable.SearchSpace;
import dev.tunable.annotations.Hyperparameter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Provides;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The processor's jar as users get it: it carries the declaration rules it shares with the runtime,
 * relocated into its own namespace, and runs with JavaPoet and the annotations alone on the
 * processor path or, as the module {@code dev.tunable.processor}, on the processor module path. The
 * jar exists once the reactor has packaged the processor ({@code mvn verify}); under {@code mvn
 * test} the class path holds the processor's classes instead, and these tests step aside.
 */
class ShadedProcessorTest {
  private static final String RELOCATED = "dev/tunable/processor/shaded/rules/";
  private static final String PROCESSOR = "javax.annotation.processing.Processor";
  private static final String PLUGIN = "com.sun.source.util.Plugin";

  @Test
  void theJarCarriesTheRulesRelocatedAndNothingElseOfTheRuntime() throws Exception {
    Path jar = processorJar();
    List<String> entries;
    try (JarFile file = new JarFile(jar.toFile())) {
      entries = Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
    }
    assertTrue(entries.contains(RELOCATED + "DimensionRules.class"), entries::toString);
    assertEquals(List.of(), entries.stream()
        .filter(name -> name.startsWith("dev/tunable/") && !name.endsWith("/"))
        .filter(name -> !name.startsWith("dev/tunable/processor/"))
        .toList());
    List<String> published = dependencies(jar.resolveSibling("dependency-reduced-pom.xml"));
    assertTrue(published.contains("javapoet"), published::toString);
    assertTrue(!published.contains("tunable-runtime"), published::toString);
  }

  /** The artifact ids of a POM's dependencies. */
  private static List<String> dependencies(Path pom) throws Exception {
    Document document =
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    List<String> ids = new ArrayList<>();
    NodeList children = document.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element dependencies
          && dependencies.getTagName().equals("dependencies")) {
        NodeList artifacts = dependencies.getElementsByTagName("artifactId");
        for (int j = 0; j < artifacts.getLength(); j++) {
          ids.add(artifacts.item(j).getTextContent());
        }
      }
    }
    return ids;
  }

  @Test
  void theJarGeneratesCodeWithoutTheRuntimeOnTheProcessorPath(@TempDir Path out)
      throws IOException {
    Compiled compiled = compile("shaded/good", out);
    assertEquals(0, compiled.exitCode(), compiled.output());
    assertTrue(Files.exists(out.resolve("generated/shaded/ModelHyperparameters.java")));
    assertTrue(Files.exists(out.resolve("classes/shaded/ModelHyperparameters.class")));
  }

  @Test
  void theJarIsAModuleThatExportsNothingAndProvidesTheProcessorAndThePlugin() throws Exception {
    Path jar = processorJar();
    Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
    assertEquals(1, found.size(), found::toString);
    ModuleDescriptor module = found.iterator().next().descriptor();
    assertEquals("dev.tunable.processor", module.name());
    assertFalse(module.isAutomatic(), "the shaded jar lost its module-info.class");
    assertEquals(Set.of(), module.exports());
    assertEquals(Set.of(), module.opens());
    // The relocated rules are part of the module, or their classes could not be loaded from it.
    assertEquals(Set.of("dev.tunable.processor", "dev.tunable.processor.shaded.rules"),
        module.packages());
    Map<String, List<String>> provided = module.provides().stream()
        .collect(Collectors.toMap(Provides::service, Provides::providers));
    assertEquals(Map.of(PROCESSOR, List.of("dev.tunable.processor.TunableProcessor"),
        PLUGIN, List.of("dev.tunable.processor.TunableChecks")), provided);
    // On the class path, ServiceLoader reads META-INF/services instead: the same providers.
    try (JarFile file = new JarFile(jar.toFile())) {
      for (String service : List.of(PROCESSOR, PLUGIN)) {
        String listed;
        try (InputStream in = file.getInputStream(file.getEntry("META-INF/services/" + service))) {
          listed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(provided.get(service), listed.lines().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList(), service);
      }
    }
    // Needed at run time: the JDK's compiler modules, JavaPoet and the annotations; the runtime
    // and AutoService at compile time only.
    Map<String, Boolean> requires = module.requires().stream()
        .filter(r -> !r.name().equals("java.base"))
        .collect(Collectors.toMap(Requires::name,
            r -> r.modifiers().contains(Requires.Modifier.STATIC)));
    assertEquals(Map.of("java.compiler", false, "jdk.compiler", false,
        "com.palantir.javapoet", false, "dev.tunable.annotations", false,
        "dev.tunable", true, "com.google.auto.service", true), requires);
  }

  @Test
  void theModuleResolvesWithJavaPoetAndTheAnnotationsAlone() {
    ModuleFinder finder = ModuleFinder.of(processorJar(), location(JavaFile.class),
        location(Hyperparameter.class));
    Configuration configuration = ModuleLayer.boot().configuration()
        .resolve(finder, ModuleFinder.of(), Set.of("dev.tunable.processor"));
    Set<String> resolved = configuration.modules().stream().map(ResolvedModule::name)
        .collect(Collectors.toSet());
    assertEquals(Set.of("dev.tunable.processor", "com.palantir.javapoet",
        "dev.tunable.annotations"), resolved);
  }

  @Test
  void theModuleGeneratesCodeFromTheProcessorModulePath(@TempDir Path out) throws IOException {
    Compiled compiled = compile("shaded/good", out, "--processor-module-path");
    assertEquals(0, compiled.exitCode(), compiled.output());
    assertTrue(Files.exists(out.resolve("generated/shaded/ModelHyperparameters.java")));
    assertTrue(Files.exists(out.resolve("classes/shaded/ModelHyperparameters.class")));
    assertTrue(Files.exists(out.resolve("classes/META-INF/tunable/shaded.Model.json")));
  }

  @Test
  void theModuleReportsBrokenRulesFromItsOwnCopyOfThem(@TempDir Path out) throws IOException {
    Compiled compiled = compile("shaded/bad", out, "--processor-module-path");
    assertEquals(1, compiled.exitCode(), compiled.output());
    assertTrue(compiled.output().contains("[InvalidName] hyperparameter 'rate': name \"a=b\""),
        compiled.output());
  }

  @Test
  void thePluginRunsFromTheProcessorModulePath(@TempDir Path out) throws IOException {
    Compiled compiled = compile("shaded/trained", out, "--processor-module-path", "-Xplugin:Tunable");
    assertEquals(1, compiled.exitCode(), compiled.output());
    assertTrue(compiled.output().contains("[HyperparameterAssignedInTraining] hyperparameter 'rate'"
        + " is assigned in fit()"), compiled.output());
  }

  @Test
  void theJarReportsBrokenRulesFromItsOwnCopyOfThem(@TempDir Path out) throws IOException {
    Compiled compiled = compile("shaded/bad", out);
    assertEquals(1, compiled.exitCode(), compiled.output());
    assertTrue(compiled.output().contains("[InvalidName] hyperparameter 'rate': name \"a=b\""),
        compiled.output());
    assertTrue(compiled.output().contains("[PaddedChoice] hyperparameter 'optimizer': choice"
        + " \" sgd\""), compiled.output());
  }

  /** What javac printed and returned. */
  record Compiled(int exitCode, String output) {}

  /** Compiles a fixture with the processor jar, JavaPoet and the annotations as processor path. */
  private static Compiled compile(String fixture, Path out) throws IOException {
    return compile(fixture, out, "-processorpath");
  }

  /**
   * Compiles a fixture with the processor jar, JavaPoet and the annotations as {@code path}
   * ({@code -processorpath} or {@code --processor-module-path}), and {@code options}.
   */
  private static Compiled compile(String fixture, Path out, String path, String... options)
      throws IOException {
    Path jar = processorJar();
    List<String> sources;
    try (Stream<Path> files = Files.walk(resource(fixture))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    String processorPath = String.join(File.pathSeparator, jar.toString(),
        location(JavaFile.class).toString(), location(Hyperparameter.class).toString());
    String classPath = String.join(File.pathSeparator,
        location(Hyperparameter.class).toString(), location(SearchSpace.class).toString());
    List<String> arguments = new ArrayList<>(List.of(
        path, processorPath, "-classpath", classPath,
        "-d", out.resolve("classes").toString(), "-s", out.resolve("generated").toString()));
    arguments.addAll(List.of(options));
    arguments.addAll(sources);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int exitCode = ToolProvider.getSystemJavaCompiler()
        .run(null, output, output, arguments.toArray(String[]::new));
    return new Compiled(exitCode, output.toString(StandardCharsets.UTF_8));
  }

  /** The processor's jar on the test class path, where the reactor put the packaged one. */
  private static Path processorJar() {
    Path jar;
    try {
      // By name: compiling against the processor's classes would warn of its AutoService
      // annotation, which is not on this class path.
      jar = location(Class.forName("dev.tunable.processor.TunableProcessor"));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the processor is not on the test class path", e);
    }
    assumeTrue(jar.toString().endsWith(".jar"),
        "the processor is on the class path as " + jar + ", not as its jar: package it first");
    return jar;
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path resource(String name) {
    try {
      return Path.of(ShadedProcessorTest.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
