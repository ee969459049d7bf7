package dev.tunable.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A numeric data set read from CSV: a header line naming the columns, then one row per sample,
 * every field a number; one column, named when reading, is the label and the others are the
 * features. Fields are separated by commas and are not quoted; blank lines are skipped.
 * Immutable: every accessor returns a copy.
 *
 * <pre>{@code
 * CsvDataset data = CsvDataset.read(Path.of("breast_cancer.csv"), "benign");
 * double[][] x = data.features();
 * int[] y = data.classes();
 * List<Fold> folds = Splitter.stratifiedKFold(5, 42).split(y);
 * }</pre>
 *
 * @since 0.1
 */
public final class CsvDataset {
  private final List<String> featureNames;
  private final String labelName;
  private final double[][] features;
  private final double[] labels;

  private CsvDataset(
      List<String> featureNames, String labelName, double[][] features, double[] labels) {
    this.featureNames = List.copyOf(featureNames);
    this.labelName = labelName;
    this.features = features;
    this.labels = labels;
  }

  /**
   * Reads a UTF-8 CSV file whose column {@code labelColumn} is the label.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if the file has no header, no column {@code labelColumn}, a
   *     row with more or fewer fields than the header, or a field that is not a finite number,
   *     naming the file, line and column
   */
  public static CsvDataset read(Path file, String labelColumn) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString(), labelColumn);
    }
  }

  /**
   * Reads CSV text, from a class path resource say; {@code source} names it in error messages.
   * The reader is read to its end and left open.
   *
   * @throws IOException if the reader fails
   * @throws IllegalArgumentException as {@link #read(Path, String)} does
   */
  public static CsvDataset read(Reader text, String source, String labelColumn)
      throws IOException {
    BufferedReader reader =
        text instanceof BufferedReader buffered ? buffered : new BufferedReader(text);
    String header = reader.readLine();
    if (header == null || header.isBlank()) {
      throw new IllegalArgumentException(
          source + " line 1: expected a header line naming the columns, found "
              + (header == null ? "an empty file" : "a blank line"));
    }
    List<String> columns = Arrays.stream(header.split(",", -1)).map(String::strip).toList();
    int label = columns.indexOf(labelColumn);
    if (label < 0) {
      throw new IllegalArgumentException(
          source + " line 1: no column '" + labelColumn + "' to take the label from; the header"
              + " names " + columns);
    }
    List<double[]> rows = new ArrayList<>();
    int lineNumber = 1;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lineNumber++;
      if (!line.isBlank()) {
        rows.add(parseRow(line, columns, source, lineNumber));
      }
    }
    double[][] features = new double[rows.size()][];
    double[] labels = new double[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      double[] row = rows.get(r);
      labels[r] = row[label];
      double[] x = new double[row.length - 1];
      System.arraycopy(row, 0, x, 0, label);
      System.arraycopy(row, label + 1, x, label, row.length - label - 1);
      features[r] = x;
    }
    List<String> featureNames = new ArrayList<>(columns);
    featureNames.remove(label);
    return new CsvDataset(featureNames, labelColumn, features, labels);
  }

  private static double[] parseRow(
      String line, List<String> columns, String source, int lineNumber) {
    String[] fields = line.split(",", -1);
    if (fields.length != columns.size()) {
      throw new IllegalArgumentException(
          source + " line " + lineNumber + ": " + fields.length + " fields, but the header names "
              + columns.size() + " columns");
    }
    double[] row = new double[fields.length];
    for (int i = 0; i < fields.length; i++) {
      String field = fields[i].strip();
      double value;
      try {
        value = Double.parseDouble(field);
      } catch (NumberFormatException e) {
        value = Double.NaN;
      }
      // NaN and Infinity parse, but a missing or infinite measurement is no data to learn from.
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException(
            source + " line " + lineNumber + ", column " + (i + 1) + " ('" + columns.get(i)
                + "'): '" + field + "' is not a finite number");
      }
      row[i] = value;
    }
    return row;
  }

  /** The number of rows. */
  public int size() {
    return labels.length;
  }

  /** The names of the feature columns, in file order, the label column left out. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The name of the label column. */
  public String labelName() {
    return labelName;
  }

  /** The features of every row, in file order; a fresh copy. */
  public double[][] features() {
    double[][] copy = new double[features.length][];
    Arrays.setAll(copy, r -> features[r].clone());
    return copy;
  }

  /** The label of every row, in file order; a fresh copy. */
  public double[] labels() {
    return labels.clone();
  }

  /**
   * The label of every row as a class number, for classification data (and for stratified
   * splits).
   *
   * @throws IllegalStateException if a label is not a whole number from 0, naming its row
   */
  public int[] classes() {
    int[] classes = new int[labels.length];
    for (int r = 0; r < labels.length; r++) {
      double label = labels[r];
      if (label != Math.rint(label) || label < 0 || label > Integer.MAX_VALUE) {
        throw new IllegalStateException(
            "row " + r + " has label " + label + " in column '" + labelName + "', which is not a"
                + " class number (a whole number from 0); use labels() for regression data");
      }
      classes[r] = (int) label;
    }
    return classes;
  }

  @Override
  public String toString() {
    return "CsvDataset[" + size() + " rows, " + featureNames.size() + " features, label '"
        + labelName + "']";
  }
}
