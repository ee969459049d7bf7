package dev.tunable.examples.cost;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.property.Property;
import com.oracle.labs.mlrg.olcut.config.property.SimpleProperty;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What binding costs: the generated {@code applyTo}, {@code capture} and {@code restore} of a
 * model with 10 hyperparameters, next to hand-written code doing the same, {@link Field#set} with
 * the fields looked up once, and OLCUT's reflective configuration. All in one JMH run, so that the
 * ratios hold on a loaded machine. Arguments are JMH's, in one string (default {@value #DEFAULTS});
 * see BENCHMARKS.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BindingBenchmark {
  static final String DEFAULTS = "-f 3 -wi 5 -w 1s -i 5 -r 1s";

  private static final String[] FIELDS = {"learningRate", "momentum", "weightDecay", "dropout",
      "batchSize", "epochs", "seed", "batchNorm", "activation", "init"};

  private final BindingModelHyperparameters values = new BindingModelHyperparameters(0.003, 0.5,
      1e-3, 0.25f, 128, 40, 7000, false, BindingModel.Activation.TANH, "xavier");
  private final Object[] boxed = {0.003, 0.5, 1e-3, 0.25f, 128, 40, 7000L, false,
      BindingModel.Activation.TANH, "xavier"};
  private final BindingModel model = new BindingModel();
  private Field[] fields;
  private BindingModelParameters learned;
  private HandWrittenBinding.Learned handLearned;
  private ConfigurationManager olcut;

  /** Looks the reflective fields up and registers OLCUT's configuration, once per trial. */
  @Setup
  public void setUp() throws ReflectiveOperationException {
    fields = new Field[FIELDS.length];
    for (int i = 0; i < FIELDS.length; i++) {
      fields[i] = BindingModel.class.getDeclaredField(FIELDS[i]);
      fields[i].setAccessible(true);
    }
    Arrays.fill(model.weights, 0.5);
    learned = BindingModelParameters.capture(model);
    handLearned = HandWrittenBinding.capture(model);
    Map<String, Property> properties = new LinkedHashMap<>();
    for (int i = 0; i < FIELDS.length; i++) {
      properties.put(FIELDS[i], new SimpleProperty(String.valueOf(boxed[i])));
    }
    olcut = new ConfigurationManager();
    olcut.addConfiguration(
        new ConfigurationData("model", OlcutModel.class.getName(), properties));
    // Measure what is meant: each lookup configures a new instance from the properties.
    OlcutModel first = (OlcutModel) applyOlcut();
    if (first == applyOlcut() || first.learningRate != 0.003 || !first.init.equals("xavier")) {
      throw new IllegalStateException("OLCUT did not configure a new instance from the values");
    }
  }

  @Benchmark
  public BindingModel applyGenerated() {
    return values.applyTo(model);
  }

  @Benchmark
  public BindingModel applyHandWritten() {
    BindingModelHyperparameters v = values;
    return HandWrittenBinding.apply(model, v.learningRate(), v.momentum(), v.weightDecay(),
        v.dropout(), v.batchSize(), v.epochs(), v.seed(), v.batchNorm(), v.activation(),
        v.init());
  }

  @Benchmark
  public BindingModel applyReflection() throws IllegalAccessException {
    for (int i = 0; i < fields.length; i++) {
      fields[i].set(model, boxed[i]);
    }
    return model;
  }

  /** The generated binding on a new model, to compare with OLCUT, which creates one. */
  @Benchmark
  public BindingModel applyGeneratedToNewModel() {
    return values.applyTo(new BindingModel());
  }

  /** A new instance configured from its properties (lookup without reusing the component). */
  @Benchmark
  public Object applyOlcut() {
    return olcut.lookup("model", null, false);
  }

  @Benchmark
  public BindingModelParameters captureGenerated() {
    return BindingModelParameters.capture(model);
  }

  @Benchmark
  public HandWrittenBinding.Learned captureHandWritten() {
    return HandWrittenBinding.capture(model);
  }

  @Benchmark
  public BindingModel restoreGenerated() {
    return learned.restore(model);
  }

  @Benchmark
  public BindingModel restoreHandWritten() {
    return HandWrittenBinding.restore(handLearned, model);
  }

  /** Runs every benchmark of this class and prints each generated/hand-written ratio. */
  public static void main(String[] args) throws Exception {
    String joined = String.join(" ", args).strip();
    String[] jmhArgs = (joined.isEmpty() ? DEFAULTS : joined).split("\\s+");
    CommandLineOptions options = new CommandLineOptions(jmhArgs);
    List<RunResult> results = List.copyOf(new Runner(new OptionsBuilder().parent(options)
        .include(BindingBenchmark.class.getName() + "\\.").build()).run());
    System.out.println();
    System.out.println("ratios to hand-written (mean, and from the error bars' ends):");
    ratio(results, "applyGenerated", "applyHandWritten");
    ratio(results, "applyReflection", "applyHandWritten");
    ratio(results, "applyOlcut", "applyGeneratedToNewModel");
    ratio(results, "captureGenerated", "captureHandWritten");
    ratio(results, "restoreGenerated", "restoreHandWritten");
  }

  private static void ratio(List<RunResult> results, String measured, String base) {
    Result<?> m = result(results, measured);
    Result<?> b = result(results, base);
    if (m == null || b == null) {
      return;
    }
    double low =
        Math.max(0, m.getScore() - m.getScoreError()) / (b.getScore() + b.getScoreError());
    double baseLow = b.getScore() - b.getScoreError();
    String high = baseLow > 0
        ? String.format("%.2f", (m.getScore() + m.getScoreError()) / baseLow) : "unbounded";
    System.out.printf("  %-16s / %-24s %7.2f  (%.2f to %s)%n", measured, base,
        m.getScore() / b.getScore(), low, high);
  }

  private static Result<?> result(List<RunResult> results, String name) {
    for (RunResult run : results) {
      if (run.getParams().getBenchmark().endsWith("." + name)) {
        return run.getPrimaryResult();
      }
    }
    return null;
  }
}
