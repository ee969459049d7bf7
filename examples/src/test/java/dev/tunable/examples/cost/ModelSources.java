package dev.tunable.examples.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the project {@link CompileBenchmark} compiles: model classes as users write them, each
 * with 3 to 10 hyperparameters of every kind (real and integer ranges, log scales, steps,
 * booleans, enums, string choices, constant expressions), 1 to 3 learned fields, a training
 * method that reads its hyperparameters and sets its learned state, and a predictor, in ten
 * packages. Nothing refers to the generated types, so that the project compiles without the
 * processor too.
 */
final class ModelSources {
  private static final int PACKAGES = 10;

  /** Declarations of hyperparameters, one of each kind, taken in turn ({@code %s}: its name). */
  private static final String[] HYPERPARAMETERS = {
      "@Hyperparameter(range = {1e-5, 1}, scale = Scale.LOG) double %s = 0.01;",
      "@Hyperparameter(range = {0, 0.99}, description = \"Momentum of the updates.\")"
          + " double %s = 0.9;",
      "@Hyperparameter(range = {8, 512}, scale = Scale.LOG) int %s = 64;",
      "@Hyperparameter(range = {1, MAX_EPOCHS}) int %s = MAX_EPOCHS / 10;",
      "@Hyperparameter(range = {0, 0.5}, step = 0.05) double %s = 0.1;",
      "@Hyperparameter boolean %s = true;",
      "@Hyperparameter Kind %s = Kind.LINEAR;",
      "@Hyperparameter(choices = {\"he\", \"xavier\", \"normal\"}) String %s = \"he\";",
      "@Hyperparameter(range = {0, 1_000_000}, step = 1000) long %s = 42_000;",
      "@Hyperparameter(range = {0f, 1f}) float %s = 0.5f;",
      "@Hyperparameter(choices = {\"LINEAR\", \"RBF\"}) Kind %s = Kind.RBF;",
  };

  private static final String[] LEARNED = {
      "@Learned double[] weights;", "@Learned double bias;", "@Learned double[][] centroids;"};

  private ModelSources() {}

  /** Writes {@code classes} models under {@code root}; returns their files. */
  static List<Path> write(Path root, int classes) throws IOException {
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      files.add(write(root, "bench.p" + (i % PACKAGES), "Model" + i, model(i)));
    }
    return files;
  }

  private static Path write(Path root, String pkg, String name, String body) throws IOException {
    Path dir = root.resolve(pkg.replace('.', '/'));
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, "package " + pkg + ";\n\n" + body);
    return file;
  }

  private static String model(int i) {
    int hyperparameters = 3 + i % 8;
    int learned = 1 + i % 3;
    StringBuilder s = new StringBuilder();
    s.append("import dev.tunable.annotations.Hyperparameter;\n")
        .append("import dev.tunable.annotations.Learned;\n")
        .append("import dev.tunable.annotations.Scale;\n\n")
        .append("/** Model number ").append(i).append(". */\n")
        .append("public class Model").append(i).append(" {\n")
        .append("  static final int MAX_EPOCHS = 200;\n\n")
        .append("  /** The kinds of kernel. */\n")
        .append("  public enum Kind { LINEAR, RBF, POLY }\n\n");
    List<String> names = new ArrayList<>();
    for (int h = 0; h < hyperparameters; h++) {
      String template = HYPERPARAMETERS[(i + h) % HYPERPARAMETERS.length];
      String name = "h" + h;
      names.add(template.contains(" double ") ? name : null);
      s.append("  ").append(String.format(template, name)).append('\n');
    }
    s.append('\n');
    for (int l = 0; l < learned; l++) {
      s.append("  ").append(LEARNED[l]).append('\n');
    }
    String rate = names.stream().filter(n -> n != null).findFirst().orElse("1.0");
    s.append("\n  public Model").append(i).append("() {}\n\n")
        .append("  /** Trains on {@code x} and {@code y}; returns this model. */\n")
        .append("  public Model").append(i).append(" fit(double[][] x, double[] y) {\n")
        .append("    weights = new double[x[0].length];\n")
        .append("    for (int epoch = 0; epoch < 10; epoch++) {\n")
        .append("      for (int r = 0; r < x.length; r++) {\n")
        .append("        double error = predict(x[r]) - y[r];\n")
        .append("        for (int c = 0; c < weights.length; c++) {\n")
        .append("          weights[c] -= ").append(rate).append(" * error * x[r][c];\n")
        .append("        }\n");
    if (learned > 1) {
      s.append("        bias -= ").append(rate).append(" * error;\n");
    }
    s.append("      }\n    }\n");
    if (learned > 2) {
      s.append("    centroids = new double[][] {weights.clone()};\n");
    }
    s.append("    return this;\n  }\n\n")
        .append("  /** The prediction for one row. */\n")
        .append("  public double predict(double[] row) {\n")
        .append("    double sum = ").append(learned > 1 ? "bias" : "0").append(";\n")
        .append("    for (int c = 0; c < row.length; c++) {\n")
        .append("      sum += weights[c] * row[c];\n")
        .append("    }\n    return sum;\n  }\n}\n");
    return s.toString();
  }
}
