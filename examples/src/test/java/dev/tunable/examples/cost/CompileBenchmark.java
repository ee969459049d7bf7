package dev.tunable.examples.cost;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the processor and the body checks cost javac: generates a project of annotated model
 * classes, then compiles it with a cold {@code javac} process on one processor
 * ({@code -J-XX:ActiveProcessorCount=1}) without the processor, with it, with the body checks
 * ({@code -Xplugin:Tunable}) and with both, the four interleaved, several times, and prints the
 * median wall and CPU time of each and the processor's cost per annotated class.
 *
 * <p>Arguments, in one string: {@code classes=400 repeats=5 dir=<path>}; without {@code dir}, a
 * temporary directory, deleted at the end.
 */
public final class CompileBenchmark {
  private static final String PROCESSOR = "dev.tunable.processor.TunableProcessor";

  /** One way of compiling: its name and the javac options that make it. */
  private record Setup(String name, List<String> options) {}

  /** One javac run: elapsed and CPU (user + system) seconds of the process. */
  private record Timing(double wall, double cpu) {}

  private CompileBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    int classes = Integer.parseInt(options.getOrDefault("classes", "400"));
    int repeats = Integer.parseInt(options.getOrDefault("repeats", "5"));
    boolean temporary = !options.containsKey("dir");
    Path dir = temporary ? Files.createTempDirectory("tunable-compile-benchmark")
        : Path.of(options.get("dir"));
    List<Path> sources = ModelSources.write(dir.resolve("src"), classes);
    Path argfile = dir.resolve("sources.txt");
    Files.write(argfile, sources.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);

    String classPath = System.getProperty("java.class.path");
    List<Setup> setups = List.of(
        new Setup("no processor", List.of("-proc:none")),
        new Setup("processor", List.of("-processorpath", classPath, "-processor", PROCESSOR)),
        new Setup("body checks only", List.of("-processorpath", classPath, "-proc:none",
            "-Xplugin:Tunable")),
        new Setup("processor + body checks", List.of("-processorpath", classPath,
            "-processor", PROCESSOR, "-Xplugin:Tunable")));
    System.out.printf("%d annotated classes in %s; javac %s, one processor, %d repeats%n",
        classes, dir, Runtime.version(), repeats);

    Map<Setup, List<Timing>> timings = new LinkedHashMap<>();
    javac(dir, "warm-up", classPath, argfile, setups.get(0).options()); // the disk cache
    for (int r = 0; r < repeats; r++) {
      for (Setup setup : setups) {
        Timing timing = javac(dir, setup.name(), classPath, argfile, setup.options());
        timings.computeIfAbsent(setup, s -> new ArrayList<>()).add(timing);
        System.out.printf("  run %d %-24s wall %6.2f s  cpu %6.2f s%n", r + 1, setup.name(),
            timing.wall(), timing.cpu());
      }
    }

    System.out.println();
    System.out.printf("%-24s %10s %10s %18s %18s%n", "median of " + repeats, "wall s", "cpu s",
        "wall ms/class", "cpu ms/class");
    Timing base = median(timings.get(setups.get(0)));
    for (Setup setup : setups) {
      Timing t = median(timings.get(setup));
      System.out.printf("%-24s %10.2f %10.2f %18.2f %18.2f%n", setup.name(), t.wall(), t.cpu(),
          (t.wall() - base.wall()) * 1000 / classes, (t.cpu() - base.cpu()) * 1000 / classes);
    }
    System.out.println("(ms/class: the extra time over 'no processor', per annotated class;"
        + " the target is at most 5 ms for 'processor + body checks')");
    if (temporary) {
      deleteRecursively(dir);
    }
  }

  /** Compiles the project in a new javac process on one processor and times it. */
  private static Timing javac(Path dir, String name, String classPath, Path argfile,
      List<String> setupOptions) throws IOException, InterruptedException {
    Path out = dir.resolve("out-" + name.replaceAll("\\W+", "-"));
    deleteRecursively(out);
    Files.createDirectories(out);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "-J-XX:ActiveProcessorCount=1", "--release", "17", "-nowarn", "-implicit:none",
        "-d", out.toString(), "-classpath", classPath));
    command.addAll(setupOptions);
    command.add("@" + argfile);
    // The shell's `times` gives the CPU time of its finished child, javac, user and system.
    List<String> shell = new ArrayList<>(List.of("/bin/sh", "-c", "\"$@\" || exit 1; times",
        "sh"));
    shell.addAll(command);
    Process process = new ProcessBuilder(shell).redirectErrorStream(true).start();
    long start = System.nanoTime();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    double wall = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      throw new IllegalStateException("javac (" + name + ") failed, exit " + exit + ":\n"
          + output);
    }
    String[] lines = output.strip().split("\n");
    String[] children = lines[lines.length - 1].trim().split("\\s+");
    return new Timing(wall, seconds(children[0]) + seconds(children[1]));
  }

  /** A duration as the shell's {@code times} prints it, {@code 1m2.345s}. */
  private static double seconds(String time) {
    int m = time.indexOf('m');
    return Double.parseDouble(time.substring(0, m)) * 60
        + Double.parseDouble(time.substring(m + 1, time.length() - 1));
  }

  private static Timing median(List<Timing> timings) {
    double[] wall = timings.stream().mapToDouble(Timing::wall).sorted().toArray();
    double[] cpu = timings.stream().mapToDouble(Timing::cpu).sorted().toArray();
    return new Timing(median(wall), median(cpu));
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String word : String.join(" ", args).strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      int equals = word.indexOf('=');
      if (equals < 1 || !List.of("classes", "repeats", "dir").contains(word.substring(0, equals))) {
        throw new IllegalArgumentException("unknown argument '" + word
            + "': expected classes=<count>, repeats=<count> or dir=<path>; got "
            + Arrays.toString(args));
      }
      options.put(word.substring(0, equals), word.substring(equals + 1));
    }
    return options;
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
