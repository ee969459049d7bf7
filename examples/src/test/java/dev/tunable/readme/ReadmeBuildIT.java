package dev.tunable.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build snippets of README.md, taken from its text, make a project of their own that compiles
 * a model with the processor and the {@code -Xplugin:Tunable} checks and runs a study, as a user's
 * project does after {@code mvn install} (issue 14: the snippet once failed on Maven 3.8).
 *
 * <p>It runs in the {@code integration-test} phase, once the reactor has packaged the jars, and
 * installs nothing into the shared local repository: a private one under a temporary directory
 * receives this build's annotations, runtime, processor and parent POM, and every other artifact
 * is copied from the build's own local repository, declared the only (file:) mirror, offline.
 */
class ReadmeBuildIT {
  private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);

  @Test
  void theReadmeBuildSnippetsCompileAndRunAModel(@TempDir Path dir) throws Exception {
    Path root = Path.of(property("tunable.root"));
    String version = property("tunable.version");
    Path annotationsJar = jar(root, "annotations", "tunable-annotations", version);
    Path runtimeJar = jar(root, "runtime", "tunable-runtime", version);
    Path processorJar = jar(root, "processor", "tunable-processor", version);

    Path repository = dir.resolve("repository");
    install(repository, "tunable-parent", version, root.resolve("pom.xml"), null);
    install(repository, "tunable-annotations", version,
        annotationsJar.getParent().getParent().resolve("pom.xml"), annotationsJar);
    install(repository, "tunable-runtime", version,
        runtimeJar.getParent().getParent().resolve("pom.xml"), runtimeJar);
    // What the shade plugin installs: the POM without the runtime the jar carries part of.
    install(repository, "tunable-processor", version,
        processorJar.resolveSibling("dependency-reduced-pom.xml"), processorJar);

    String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
    List<String> blocks = xmlBlocks(readme);
    String dependency = only(blocks, b -> b.contains("<artifactId>tunable-runtime</artifactId>"));
    String plugin = only(blocks, b -> b.contains("<annotationProcessorPaths>"));
    Path project = dir.resolve("project");
    write(project.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>readme-user</artifactId>
          <version>1</version>
          <properties>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
          </properties>
          <dependencies>
          %s
          </dependencies>
          <build>
            <plugins>
          %s
            </plugins>
          </build>
        </project>
        """.formatted(dependency, plugin));
    write(project.resolve("src/main/java/com/example/Quadratic.java"), """
        package com.example;

        import dev.tunable.annotations.Hyperparameter;

        public class Quadratic {
          /** Where the bowl is evaluated. */
          @Hyperparameter(range = {-5, 5}) double x = 4;
          @Hyperparameter(range = {1, 3}) int power = 2;

          double loss() {
            return Math.pow(Math.abs(x), power);
          }
        }
        """);
    write(project.resolve("src/main/java/com/example/Main.java"), """
        package com.example;

        import dev.tunable.Direction;
        import dev.tunable.Samplers;
        import dev.tunable.Study;

        public class Main {
          public static void main(String[] args) {
            Study study = Study.builder().direction(Direction.MINIMIZE)
                .sampler(Samplers.random(7)).build();
            double best = study.optimize(QuadraticHyperparameters.SPACE, 20,
                trial -> trial.params().applyTo(new Quadratic()).loss()).value();
            System.out.println("best loss " + best);
          }
        }
        """);
    write(dir.resolve("settings.xml"), """
        <settings>
          <localRepository>%s</localRepository>
          <mirrors>
            <mirror>
              <id>build-repository</id>
              <mirrorOf>*</mirrorOf>
              <url>%s</url>
            </mirror>
          </mirrors>
        </settings>
        """.formatted(repository, Path.of(property("tunable.buildRepository")).toUri()));

    // Goals rather than phases: the build's repository holds the plugins this build used, and
    // the default lifecycle would ask for others (Maven 3.8's default resources plugin).
    Path log = dir.resolve("build.log");
    Process maven = new ProcessBuilder(
        Path.of(property("maven.home"), "bin", "mvn").toString(),
        "-B", "-q", "-o", "-s", dir.resolve("settings.xml").toString(),
        "-Daether.offline.protocols=file", // offline, yet the file: mirror may be read
        "compiler:compile",
        "org.codehaus.mojo:exec-maven-plugin:" + property("exec.plugin.version") + ":java",
        "-Dexec.mainClass=com.example.Main")
        .directory(project.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    assertTrue(maven.waitFor(3, TimeUnit.MINUTES), "the README project's build took over 3 minutes");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, maven.exitValue(), output);
    assertTrue(Files.exists(project.resolve(
        "target/generated-sources/annotations/com/example/QuadraticHyperparameters.java")), output);
    Matcher best = Pattern.compile("best loss (\\S+)").matcher(output);
    assertTrue(best.find(), output);
    // The defaults give 16: a lower loss means the trials' values reached the model.
    assertTrue(Double.parseDouble(best.group(1)) < 1, output);
  }

  /** The ```xml blocks of the README, in order. */
  private static List<String> xmlBlocks(String readme) {
    List<String> blocks = new ArrayList<>();
    Matcher matcher = XML_BLOCK.matcher(readme);
    while (matcher.find()) {
      blocks.add(matcher.group(1));
    }
    return blocks;
  }

  private static String only(List<String> blocks, Predicate<String> which) {
    List<String> found = blocks.stream().filter(which).toList();
    assertEquals(1, found.size(), "README.md's xml blocks: " + found);
    return found.get(0);
  }

  /** Lays an artifact out as {@code mvn install} would, in a local repository. */
  private static void install(Path repository, String artifactId, String version, Path pom,
      Path jar) throws IOException {
    Path directory = repository.resolve("dev/tunable").resolve(artifactId).resolve(version);
    Files.createDirectories(directory);
    Files.copy(pom, directory.resolve(artifactId + "-" + version + ".pom"));
    if (jar != null) {
      Files.copy(jar, directory.resolve(artifactId + "-" + version + ".jar"));
    }
  }

  /** The jar the reactor packaged in {@code module}. */
  private static Path jar(Path root, String module, String artifactId, String version) {
    Path jar = root.resolve(module).resolve("target").resolve(artifactId + "-" + version + ".jar");
    assertTrue(Files.isRegularFile(jar), jar + " is missing: run after package (mvn verify)");
    return jar;
  }

  /** Set by the pom's readme-build execution. */
  private static String property(String name) {
    String value = System.getProperty(name);
    assertTrue(value != null, name + " is not set: run through examples' readme-build execution");
    return value;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
