package dev.tunable.benchmarks;

import dev.tunable.Direction;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.TrialState;
import dev.tunable.internal.storage.EventCodec;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Event.TrialStarted;
import dev.tunable.storage.Storage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * The heap needed to open a journal of many gigabytes (issue 12, part 3). Not a unit test: it
 * writes the journal (several GiB) and opens it in child JVMs of decreasing {@code -Xmx}.
 *
 * <p>The journal is what a long-lived shared file looks like: study {@code big} with {@code
 * trials} trials (a start, ten reports and a finish each), its records spread evenly among
 * records of other studies (a user attribute of {@code filler} bytes each) up to {@code gib}
 * GiB. Opening {@code big} replays every record and keeps its own trials.
 *
 * <p>Arguments (all optional): {@code gib=10 trials=10000 filler=1024 dir=<directory>
 * heaps=256,128,64,48,32 runtime=<class path of the runtime to open it with> keep=false
 * header=true}. With {@code runtime} the child JVMs open the journal with another build of the
 * runtime, such as the code before issue 12 ({@code runtime/target/classes} of that tree, with
 * {@code header=false}: it did not know the header line), to compare.
 */
public final class LargeJournalBenchmark {
  private static final Instant TIME = Instant.parse("2026-01-01T00:00:00Z");

  private LargeJournalBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("open")) {
      open(Path.of(args[1]));
      return;
    }
    double gib = 10;
    int trials = 10_000;
    int filler = 1024;
    Path directory = Path.of(System.getProperty("java.io.tmpdir"));
    String heaps = "256,128,64,48,32";
    String runtime = null;
    boolean keep = false;
    boolean header = true;
    for (String arg : String.join(" ", args).trim().split("\\s+")) {
      if (arg.isEmpty()) {
        continue;
      }
      String value = arg.substring(arg.indexOf('=') + 1);
      switch (arg.substring(0, Math.max(0, arg.indexOf('=')))) {
        case "gib" -> gib = Double.parseDouble(value);
        case "trials" -> trials = Integer.parseInt(value);
        case "filler" -> filler = Integer.parseInt(value);
        case "dir" -> directory = Path.of(value);
        case "heaps" -> heaps = value;
        case "runtime" -> runtime = value;
        case "keep" -> keep = Boolean.parseBoolean(value);
        case "header" -> header = Boolean.parseBoolean(value);
        default -> throw new IllegalArgumentException("unknown argument '" + arg + "'; use gib=G"
            + " trials=N filler=BYTES dir=PATH heaps=MB,MB runtime=CLASSPATH keep=BOOLEAN"
            + " header=BOOLEAN");
      }
    }
    Path file = directory.resolve(String.format(Locale.ROOT, "large-%.2fGiB-%d%s.journal", gib,
        trials, header ? "" : "-headerless"));
    long size = (long) (gib * (1L << 30));
    if (!Files.exists(file) || Files.size(file) < size) {
      long start = System.nanoTime();
      write(file, size, trials, filler, header);
      System.out.printf(Locale.ROOT, "wrote %s: %,d bytes in %.1f s%n", file, Files.size(file),
          (System.nanoTime() - start) / 1e9);
    }
    System.out.printf(Locale.ROOT, "java %s, %d processors, journal of %,d bytes (%.2f GiB),"
            + " study 'big' with %d trials, runtime %s%n", System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Files.size(file),
        Files.size(file) / (double) (1L << 30), trials, runtime == null ? "this one" : runtime);
    String classPath = runtime == null ? System.getProperty("java.class.path")
        : runtime + java.io.File.pathSeparator + System.getProperty("java.class.path");
    for (String heap : heaps.split(",")) {
      ProcessBuilder builder = new ProcessBuilder(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx" + heap + "m", "-XX:+UseSerialGC", "-cp", classPath,
          LargeJournalBenchmark.class.getName(), "open", file.toString())
          .redirectErrorStream(true);
      Process child = builder.start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
          .trim();
      child.waitFor(1, TimeUnit.HOURS);
      String[] lines = output.split("\n");
      System.out.printf(Locale.ROOT, "-Xmx%sm: %s%n", heap,
          child.exitValue() == 0 ? lines[lines.length - 1] : "failed: " + firstLine(output));
    }
    if (!keep) {
      Files.delete(file);
    }
  }

  private static String firstLine(String output) {
    for (String line : output.split("\n")) {
      if (line.contains("Exception") || line.contains("Error")) {
        return line.trim();
      }
    }
    return output.lines().findFirst().orElse("");
  }

  /** In a child JVM: opens study {@code big} and prints its size, the time and the peak heap. */
  private static void open(Path file) {
    long start = System.nanoTime();
    int trials;
    long complete;
    long retained;
    try (Storage storage = Storages.file(file)) {
      Study study = Study.load("big", storage);
      trials = study.trials().size();
      complete = study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count();
      System.gc();
      retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (study.trials().isEmpty()) {
        throw new AssertionError("no trials"); // and the study is still reachable for the count
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "opened in %.1f s: %d trials (%d complete); peak heap used"
            + " %.1f MiB (sum of the pools' peaks), %.1f MiB in use after a full GC with the study"
            + " open%n", seconds, trials, complete, peak / 1048576.0, retained / 1048576.0);
  }

  /** Writes the journal: header, study 'big' spread among other studies' records. */
  private static void write(Path file, long size, int trials, int filler, boolean header)
      throws IOException {
    Files.deleteIfExists(file);
    List<byte[]> fillers = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      fillers.add(frame(new TrialAttributeSet("other-" + i, i, "log",
          "x".repeat(Math.max(1, filler - 100)))));
    }
    long perTrial = size / Math.max(1, trials);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
      long written = 0;
      if (header) { // without it, as journals were before issue 12, for the code before it
        out.write("tunable-journal 1\n".getBytes(StandardCharsets.US_ASCII));
        written = 18;
      }
      written += write(out, frame(new StudyCreated("big", List.of(Direction.MINIMIZE), TIME)));
      int f = 0;
      for (int trial = 0; trial < trials; trial++) {
        written += write(out, frame(new TrialStarted("big", trial,
            Map.of("x", trial * 1e-3, "units", 64L), -1, "1/1", TIME)));
        for (int step = 0; step < 10; step++) {
          written += write(out, frame(new TrialReported("big", trial, step, trial + step)));
        }
        written += write(out, frame(new TrialFinished("big", trial, TrialState.COMPLETE,
            new double[] {trial}, null, TIME)));
        long target = Math.min(size, (trial + 1) * perTrial);
        while (written < target) {
          written += write(out, fillers.get(f++ % fillers.size()));
        }
      }
    }
  }

  private static long write(OutputStream out, byte[] record) throws IOException {
    out.write(record);
    return record.length;
  }

  /** One record, written here as the format describes it, apart from the storage's own code. */
  private static byte[] frame(Event event) {
    byte[] payload = EventCodec.encode(event).getBytes(StandardCharsets.UTF_8);
    CRC32C crc = new CRC32C();
    crc.update(payload);
    String header = String.format(Locale.ROOT, "%08x %08x ", payload.length, crc.getValue());
    byte[] record = new byte[18 + payload.length + 1];
    System.arraycopy(header.getBytes(StandardCharsets.US_ASCII), 0, record, 0, 18);
    System.arraycopy(payload, 0, record, 18, payload.length);
    record[record.length - 1] = '\n';
    return record;
  }
}
