package dev.tunable.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.tunable.SearchSpace;
import dev.tunable.annotations.Hyperparameter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Loads fixtures from {@code src/test/resources} and compiles them with the processor. */
final class Fixtures {
  private Fixtures() {}

  /** The directory {@code name} of the test resources, as copied to the test class path. */
  static Path resource(String name) {
    try {
      return Path.of(Fixtures.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every {@code .java} file under {@code directory}, sorted by path so runs are repeatable. */
  static List<Path> javaFiles(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JavaFileObject source(Path file) {
    try {
      return JavaFileObjects.forResource(file.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JavaFileObject> sources(List<Path> files) {
    return files.stream().map(Fixtures::source).toList();
  }

  static List<JavaFileObject> good(String... names) {
    return Arrays.stream(names).map(name -> source(resource("good/" + name + ".java"))).toList();
  }

  /** The annotations and the runtime, which generated code compiles against. */
  static List<File> classpath() {
    return List.of(location(Hyperparameter.class), location(SearchSpace.class));
  }

  /** The class path with the plugin on it, where {@code -Xplugin:Tunable} finds it. */
  static List<File> classpathWithPlugin() {
    return List.of(location(Hyperparameter.class), location(SearchSpace.class),
        location(TunableChecks.class));
  }

  private static File location(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compiles with the processor, and the method-body plugin enabled. */
  static Compilation compile(List<JavaFileObject> sources, Processor... extraProcessors) {
    return compile(sources, List.of(), extraProcessors);
  }

  /** Compiles with the processor, the method-body plugin, and javac's {@code extraOptions}. */
  static Compilation compile(List<JavaFileObject> sources, List<String> extraOptions,
      Processor... extraProcessors) {
    List<Processor> processors = new ArrayList<>(List.of(extraProcessors));
    processors.add(new TunableProcessor());
    List<String> options =
        new ArrayList<>(List.of("-Xlint:all", "-Xlint:-processing", "-Xplugin:Tunable"));
    options.addAll(extraOptions);
    return javac()
        .withClasspath(classpathWithPlugin())
        .withOptions(options)
        .withProcessors(processors)
        .compile(sources);
  }

  /** Loads the classes {@code compilation} wrote, and the runtime from the test's class path. */
  static ClassLoader classLoader(Compilation compilation) {
    return new GeneratedClassLoader(compilation);
  }

  private static final class GeneratedClassLoader extends ClassLoader {
    private final Compilation compilation;

    GeneratedClassLoader(Compilation compilation) {
      super(Fixtures.class.getClassLoader());
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      JavaFileObject file = compilation
          .generatedFile(StandardLocation.CLASS_OUTPUT, name.replace('.', '/') + ".class")
          .orElseThrow(() -> new ClassNotFoundException(name));
      try (InputStream in = file.openInputStream()) {
        byte[] bytes = in.readAllBytes();
        return defineClass(name, bytes, 0, bytes.length);
      } catch (IOException e) {
        throw new ClassNotFoundException(name, e);
      }
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
