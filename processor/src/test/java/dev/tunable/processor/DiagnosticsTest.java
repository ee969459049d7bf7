package dev.tunable.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.tunable.internal.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per diagnostic. Each directory {@code bad/<Tag>/} holds a small program whose expected
 * errors are written next to the offending line as {@code // error: <message text>}; the test
 * checks each message on its line and that there are no other errors. A file {@code
 * javac.options} there adds its lines to javac's options.
 */
class DiagnosticsTest {
  private static final String MARKER = "// error: ";

  /** One expected error: a part of its message, on a line of a file. */
  record Expected(Path file, int line, String text) {}

  @TestFactory
  Stream<DynamicTest> everyDiagnosticIsReportedOnItsLine() {
    return fixtureDirectories().map(directory -> DynamicTest.dynamicTest(
        directory.getFileName().toString(), () -> check(directory)));
  }

  @Test
  void everyRuleHasAFixture() {
    List<String> fixtures = fixtureDirectories().map(d -> d.getFileName().toString()).toList();
    List<String> missing = Arrays.stream(Message.values())
        .filter(message -> message != Message.INTERNAL_ERROR)
        // Needs a class path without the runtime: ProcessingTest.
        .filter(message -> message != Message.RUNTIME_MISSING)
        .map(Message::tag)
        .filter(tag -> !fixtures.contains(tag))
        .toList();
    assertEquals(List.of(), missing, "rules without a fixture under bad/");
  }

  @Test
  void everySharedRuleIsWordedByOneMessageUnderItsTag() {
    for (Rule rule : Rule.values()) {
      List<Message> wording = Arrays.stream(Message.values())
          .filter(message -> message.tag().endsWith(rule.tag()))
          .toList();
      assertEquals(List.of(Message.of(rule)), wording, rule.toString());
    }
  }

  @Test
  void everyFixtureExpectsItsOwnRule() {
    fixtureDirectories().forEach(directory -> {
      String tag = "[" + directory.getFileName() + "]";
      assertTrue(expectations(directory).stream().anyMatch(e -> e.text().startsWith(tag)),
          directory + " expects no " + tag + " error");
    });
  }

  private static void check(Path directory) {
    List<Path> files = Fixtures.javaFiles(directory);
    List<JavaFileObject> sources = Fixtures.sources(files);
    Path optionsFile = directory.resolve("javac.options");
    List<String> options = Files.exists(optionsFile)
        ? Fixtures.read(optionsFile).lines().filter(line -> !line.isBlank()).toList()
        : List.of();
    Compilation compilation = Fixtures.compile(sources, options);
    List<Expected> expected = expectations(directory);
    assertFalse(expected.isEmpty(), "no expected errors marked in " + directory);

    assertThat(compilation).failed();
    for (Expected error : expected) {
      JavaFileObject file = sources.get(files.indexOf(error.file()));
      assertThat(compilation).hadErrorContaining(error.text()).inFile(file).onLine(error.line());
    }
    assertEquals(expected.size(), compilation.errors().size(),
        () -> "errors: " + compilation.errors().stream().map(Diagnostic::toString).toList());
  }

  static List<Expected> expectations(Path directory) {
    List<Expected> expected = new ArrayList<>();
    for (Path file : Fixtures.javaFiles(directory)) {
      List<String> lines = Fixtures.read(file).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        for (int at = line.indexOf(MARKER); at >= 0; at = line.indexOf(MARKER, at + 1)) {
          int end = line.indexOf(MARKER, at + 1);
          String text = line.substring(at + MARKER.length(), end < 0 ? line.length() : end).strip();
          expected.add(new Expected(file, i + 1, text));
        }
      }
    }
    return expected;
  }

  private static Stream<Path> fixtureDirectories() {
    try {
      return Files.list(Fixtures.resource("bad")).filter(Files::isDirectory).sorted();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
