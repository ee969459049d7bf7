package dev.tunable.examples;

/**
 * Centring and scaling of features, learned from training rows only: statistics taken over rows a
 * model is later scored on would leak those rows into training.
 */
final class Standardization {
  private Standardization() {}

  /** The mean of each feature column. */
  static double[] means(double[][] x) {
    double[] means = new double[x[0].length];
    for (double[] row : x) {
      for (int j = 0; j < means.length; j++) {
        means[j] += row[j];
      }
    }
    for (int j = 0; j < means.length; j++) {
      means[j] /= x.length;
    }
    return means;
  }

  /**
   * The standard deviation of each feature column; 1 for a constant column (as the corner pixels of
   * the digits are), so that it is centred but not blown up.
   */
  static double[] scales(double[][] x, double[] means) {
    double[] scales = new double[means.length];
    for (double[] row : x) {
      for (int j = 0; j < means.length; j++) {
        scales[j] += (row[j] - means[j]) * (row[j] - means[j]);
      }
    }
    for (int j = 0; j < scales.length; j++) {
      double deviation = Math.sqrt(scales[j] / x.length);
      scales[j] = deviation > 1e-12 ? deviation : 1;
    }
    return scales;
  }

  /** {@code x} centred and scaled column by column; {@code x} itself is left alone. */
  static double[][] apply(double[][] x, double[] means, double[] scales) {
    double[][] standardized = new double[x.length][means.length];
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != means.length) {
        throw new IllegalArgumentException(
            "row " + i + " has " + x[i].length + " features but the model was trained on "
                + means.length);
      }
      for (int j = 0; j < means.length; j++) {
        standardized[i][j] = (x[i][j] - means[j]) / scales[j];
      }
    }
    return standardized;
  }
}
