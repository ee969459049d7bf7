package dev.tunable.examples;

import dev.tunable.evaluation.CsvDataset;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A small table of numbers read from one of the CSV files bundled with the examples: one row per
 * sample, the last column the target. Immutable: every accessor returns a copy.
 */
public final class Dataset {
  private final String name;
  private final List<String> featureNames;
  private final double[][] features;
  private final double[] targets;

  private Dataset(String name, List<String> featureNames, double[][] features, double[] targets) {
    this.name = name;
    this.featureNames = List.copyOf(featureNames);
    this.features = features;
    this.targets = targets;
  }

  /** The bundled breast cancer data: 569 rows, 30 features, class 1 = benign, 0 = malignant. */
  public static Dataset breastCancer() {
    return load("breast_cancer.csv");
  }

  /** The bundled handwritten digits: 1797 rows of 8x8 pixel counts, classes 0 to 9. */
  public static Dataset digits() {
    return load("digits.csv");
  }

  /** The bundled diabetes data: 442 rows, 10 features, a disease-progression score to predict. */
  public static Dataset diabetes() {
    return load("diabetes.csv");
  }

  /** Reads {@code datasets/<file>} from the class path. */
  public static Dataset load(String file) {
    String resource = "/datasets/" + file;
    try (InputStream in = Dataset.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException(
            "no data set " + resource + " on the class path; the bundled ones are"
                + " breast_cancer.csv, digits.csv and diabetes.csv");
      }
      return parse(file, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Reads the CSV through the runtime's {@link CsvDataset}, the last column as the target. */
  private static Dataset parse(String name, BufferedReader reader) throws IOException {
    reader.mark(1 << 16); // the header, read twice: here for its last column, then by CsvDataset
    String header = reader.readLine();
    reader.reset();
    String target = header == null ? "" : header.substring(header.lastIndexOf(',') + 1).strip();
    CsvDataset csv = CsvDataset.read(reader, name, target);
    return new Dataset(name, csv.featureNames(), csv.features(), csv.labels());
  }

  /** The file this data came from. */
  public String name() {
    return name;
  }

  /** The number of rows. */
  public int size() {
    return targets.length;
  }

  /** The names of the feature columns, in order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The features of every row. */
  public double[][] features() {
    return features(allRows());
  }

  /** The features of the given rows, in the given order. */
  public double[][] features(int[] rows) {
    double[][] selected = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      selected[i] = features[rows[i]].clone();
    }
    return selected;
  }

  /** The target of every row. */
  public double[] targets() {
    return targets.clone();
  }

  /** The targets of the given rows, in the given order. */
  public double[] targets(int[] rows) {
    double[] selected = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      selected[i] = targets[rows[i]];
    }
    return selected;
  }

  /** The class of every row, for classification data whose targets are whole numbers from 0. */
  public int[] labels() {
    return labels(allRows());
  }

  /** The classes of the given rows, in the given order. */
  public int[] labels(int[] rows) {
    int[] selected = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      double target = targets[rows[i]];
      if (target != Math.rint(target) || target < 0) {
        throw new IllegalStateException(
            name + " row " + rows[i] + " has target " + target + ", which is not a class number;"
                + " use targets() for regression data");
      }
      selected[i] = (int) target;
    }
    return selected;
  }

  /** The number of classes: the largest label plus one. */
  public int classCount() {
    return Arrays.stream(labels()).max().orElse(-1) + 1;
  }

  private int[] allRows() {
    int[] rows = new int[targets.length];
    Arrays.setAll(rows, i -> i);
    return rows;
  }

  @Override
  public String toString() {
    return name + " (" + size() + " rows, " + featureNames.size() + " features)";
  }
}
