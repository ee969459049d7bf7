package dev.tunable.cli;

import dev.tunable.FrozenTrial;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code tunable enqueue}: trials to run before any sampled ones, from a file. Every entry is
 * checked against the hyperparameters the study's trials hold before any is enqueued.
 */
@Command(
    name = "enqueue",
    header = "Enqueues trials to run next, from a JSON or CSV file.",
    mixinStandardHelpOptions = true,
    description = {"Enqueues trials from a file: workers run them, in the file's order, before"
        + " any the sampler proposes. The file is a JSON array of objects, or CSV with a header"
        + " row naming the hyperparameters.",
        "",
        "Each entry is checked first, and nothing is enqueued unless every entry passes: its"
            + " names must be hyperparameters that the study's trials hold, with a value for each"
            + " one that every trial has, of the type the trials hold (a number, a whole number,"
            + " true/false or text). The search space itself checks the values when a worker"
            + " takes the trial; one that does not fit fails, with the reason.",
        "",
        "An empty CSV cell leaves its hyperparameter out, as for a branch of a conditional"
            + " space that the entry does not choose (an export writes those cells empty).",
        ""},
    footer = {"", "Examples:",
        "  tunable enqueue logistic known-good.json",
        "      [{\"learningRate\": 0.05, \"batchSize\": 32, \"penalty\": \"L2\"}]",
        "  tunable enqueue logistic known-good.csv",
        "      learningRate,batchSize,penalty",
        "      0.05,32,L2"})
final class EnqueueCommand implements Callable<Integer> {
  /** Problems listed, at most; the rest are counted. */
  private static final int MAX_PROBLEMS = 20;

  @Mixin StorageOption storage;

  @Parameters(index = "0", paramLabel = "STUDY", description = "The study's name.")
  String name;

  @Parameters(index = "1", paramLabel = "FILE",
      description = "A JSON array of objects, or CSV with a header row.")
  Path file;

  @Override
  public Integer call() {
    String text = read(file);
    try (Storage opened = storage.open()) {
      Study study = storage.load(opened, name);
      EnqueueFile parsed = EnqueueFile.read(text);
      List<EnqueueFile.Problem> problems = new ArrayList<>(parsed.problems());
      List<Map<String, Object>> entries = new ArrayList<>();
      Known known = Known.of(study.trials());
      for (EnqueueFile.Entry entry : parsed.entries()) {
        entries.add(known.check(entry, problems));
      }
      if (!problems.isEmpty()) {
        problems.sort(Comparator.comparingInt(EnqueueFile.Problem::line)); // stable: file order
        throw new IllegalArgumentException(report(problems));
      }
      entries.forEach(study::enqueue);
      if (known.kinds().isEmpty()) {
        storage.spec.commandLine().getErr().println("study '" + name + "' has no trial yet to"
            + " check the names and types against; a worker's search space checks each entry"
            + " when it takes it");
      }
      PrintWriter out = storage.spec.commandLine().getOut();
      out.println("enqueued " + entries.size() + " trial" + (entries.size() == 1 ? "" : "s")
          + " to study '" + name + "'; workers run them before any sampled ones");
      out.flush();
      return 0;
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no file " + file, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " as UTF-8 text: " + e, e);
    }
  }

  private String report(List<EnqueueFile.Problem> problems) {
    StringBuilder text = new StringBuilder(file + ": nothing enqueued; ")
        .append(problems.size()).append(problems.size() == 1 ? " problem:" : " problems:");
    problems.stream().limit(MAX_PROBLEMS).forEach(p -> text.append("\n  ").append(p.text()));
    if (problems.size() > MAX_PROBLEMS) {
      text.append("\n  ... and ").append(problems.size() - MAX_PROBLEMS).append(" more");
    }
    return text.toString();
  }

  /** What the study's trials hold: each hyperparameter's kind of value; those every trial has. */
  private record Known(Map<String, Kind> kinds, Set<String> inEveryTrial) {
    static Known of(List<FrozenTrial> trials) {
      Map<String, Kind> kinds = new LinkedHashMap<>();
      Set<String> inEvery = null;
      for (FrozenTrial trial : trials) {
        Map<String, Object> params = trial.params().asMap();
        params.forEach((key, value) -> kinds.merge(key, Kind.of(value), Kind::widest));
        if (inEvery == null) {
          inEvery = new LinkedHashSet<>(params.keySet());
        } else {
          inEvery.retainAll(params.keySet());
        }
      }
      return new Known(kinds, inEvery == null ? Set.of() : inEvery);
    }

    /** The entry's values, typed as the trials hold them; adds what is wrong to problems. */
    Map<String, Object> check(EnqueueFile.Entry entry, List<EnqueueFile.Problem> problems) {
      String line = "line " + entry.line();
      Map<String, Object> typed = new LinkedHashMap<>();
      entry.values().forEach((key, value) -> {
        Kind kind = kinds.get(key);
        if (!kinds.isEmpty() && kind == null) {
          problems.add(new EnqueueFile.Problem(entry.line(), line + ", key '" + key + "': the"
              + " study's trials have no such hyperparameter; they have "
              + String.join(", ", kinds.keySet())));
          return;
        }
        if (value == EnqueueFile.INVALID) {
          return; // reported by the file
        }
        Object converted = kind == null ? Kind.guess(value) : kind.convert(value);
        if (converted == null) {
          problems.add(new EnqueueFile.Problem(entry.line(), line + ", key '" + key + "': "
              + shown(value) + " is not " + kind.what + ", as the study's trials hold for '"
              + key + "'"));
        } else {
          typed.put(key, converted);
        }
      });
      for (String key : inEveryTrial) {
        if (!entry.values().containsKey(key)) {
          problems.add(new EnqueueFile.Problem(entry.line(), line + ": no value for '" + key
              + "', which every trial has; give one"));
        }
      }
      return typed;
    }

    private static String shown(Object value) {
      return value instanceof String text ? "\"" + text + "\"" : String.valueOf(value);
    }
  }

  /** The kinds of stored value: the types a study's hyperparameters hold. */
  private enum Kind {
    WHOLE("a whole number"), NUMBER("a number"), BOOLEAN("true or false"), TEXT("text");

    final String what;

    Kind(String what) {
      this.what = what;
    }

    static Kind of(Object value) {
      if (value instanceof Long) {
        return WHOLE;
      }
      if (value instanceof Number) {
        return NUMBER;
      }
      return value instanceof Boolean ? BOOLEAN : TEXT;
    }

    /** Of two kinds one hyperparameter holds, the one taking both: whole numbers are numbers. */
    static Kind widest(Kind a, Kind b) {
      return a == b ? a : a == WHOLE && b == NUMBER || a == NUMBER && b == WHOLE ? NUMBER : TEXT;
    }

    /** {@code value} (from JSON, or a CSV cell's text) as this kind holds it, or null. */
    Object convert(Object value) {
      String text = value instanceof String s ? s.strip() : null;
      switch (this) {
        case WHOLE:
          if (value instanceof Long) {
            return value;
          }
          if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return (long) (double) d;
          }
          return text != null && text.matches("[+-]?\\d{1,18}") ? Long.parseLong(text) : null;
        case NUMBER:
          if (value instanceof Number n) {
            return n.doubleValue();
          }
          try {
            double parsed = text == null ? Double.NaN : Double.parseDouble(text);
            return Double.isFinite(parsed) ? parsed : null;
          } catch (NumberFormatException e) {
            return null;
          }
        case BOOLEAN:
          if (value instanceof Boolean) {
            return value;
          }
          return "true".equalsIgnoreCase(text) || "false".equalsIgnoreCase(text)
              ? Boolean.valueOf(text) : null;
        default:
          return value instanceof String ? value : null;
      }
    }

    /** A CSV cell's value when no trial says its kind: true/false, whole number, number, text. */
    static Object guess(Object value) {
      if (!(value instanceof String)) {
        return value;
      }
      for (Kind kind : List.of(BOOLEAN, WHOLE, NUMBER)) {
        Object converted = kind.convert(value);
        if (converted != null) {
          return converted;
        }
      }
      return value;
    }
  }
}
