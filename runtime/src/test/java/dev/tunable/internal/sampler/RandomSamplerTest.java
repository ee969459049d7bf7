package dev.tunable.internal.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.Sampler;
import dev.tunable.SamplerContract;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.annotations.Scale;
import java.util.List;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class RandomSamplerTest extends SamplerContract {
  private static final int SAMPLES = 4000;
  /** Fixed seeds make every p-value fixed; this bound only says the fixed value is unremarkable. */
  private static final double ALPHA = 0.001;

  private static final SearchSpace<Config> STATS = SearchSpace.builder()
      .real("linear", -5, 10)
      .real("log", 1e-5, 1e-1, Scale.LOG)
      .integer("count", 1, 10)
      .integer("logCount", 1, 64, Scale.LOG)
      .add(Dimension.real("stepped", 0, 1).withStep(0.25))
      .categorical("choice", "a", "b", "c")
      .bool("flag")
      .build();

  @Override
  protected Sampler sampler(long seed) {
    return Samplers.random(seed);
  }

  @Override
  protected boolean learnsFromValues() {
    return false;
  }

  private static List<Config> samples(long seed) {
    Sampler sampler = Samplers.random(seed);
    return java.util.stream.LongStream.range(0, SAMPLES)
        .mapToObj(n -> sampler.sample(context(STATS, n, List.of())))
        .toList();
  }

  @Test
  void linearRealsAreUniform() {
    double[] x = samples(1).stream().mapToDouble(c -> c.getDouble("linear")).toArray();
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
        new UniformRealDistribution(-5, 10), x);
    assertTrue(p > ALPHA, "p = " + p);
  }

  @Test
  void logRealsAreLogUniform() {
    double[] logs = samples(2).stream().mapToDouble(c -> Math.log(c.getDouble("log"))).toArray();
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
        new UniformRealDistribution(Math.log(1e-5), Math.log(1e-1)), logs);
    assertTrue(p > ALPHA, "p = " + p);
    double[] linear = samples(2).stream().mapToDouble(c -> c.getDouble("log")).toArray();
    double q = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
        new UniformRealDistribution(1e-5, 1e-1), linear);
    assertTrue(q < 1e-6, "a log dimension is not uniform in its linear scale: p = " + q);
  }

  @Test
  void integersStepsAndChoicesAreEquallyLikely() {
    List<Config> samples = samples(3);
    assertUniform(samples, c -> (int) c.getLong("count") - 1, 10);
    assertUniform(samples, c -> (int) Math.round(c.getDouble("stepped") * 4), 5);
    assertUniform(samples, c -> List.of("a", "b", "c").indexOf(c.getString("choice")), 3);
    assertUniform(samples, c -> c.getBoolean("flag") ? 1 : 0, 2);
  }

  @Test
  void logIntegersFollowTheLogScale() {
    long[] counts = new long[64];
    samples(4).forEach(c -> counts[(int) c.getLong("logCount") - 1]++);
    double[] expected = new double[64];
    double total = Math.log(64.5) - Math.log(0.5);
    for (int v = 1; v <= 64; v++) {
      expected[v - 1] = SAMPLES * (Math.log(v + 0.5) - Math.log(v - 0.5)) / total;
    }
    double p = new ChiSquareTest().chiSquareTest(expected, counts);
    assertTrue(p > ALPHA, "p = " + p);
    assertTrue(counts[0] > 10 * counts[63], "1 is far more likely than 64 on a log scale");
  }

  private static void assertUniform(
      List<Config> samples, java.util.function.ToIntFunction<Config> bin, int bins) {
    long[] counts = new long[bins];
    samples.forEach(c -> counts[bin.applyAsInt(c)]++);
    double[] expected = new double[bins];
    java.util.Arrays.fill(expected, (double) SAMPLES / bins);
    double p = new ChiSquareTest().chiSquareTest(expected, counts);
    assertTrue(p > ALPHA, "p = " + p + " for counts " + java.util.Arrays.toString(counts));
  }

  @Test
  void seedsAndTrialNumbersGiveDifferentPoints() {
    Sampler sampler = Samplers.random(5);
    assertNotEquals(sampler.sample(context(STATS, 0, List.of())),
        sampler.sample(context(STATS, 1, List.of())));
    assertNotEquals(sampler.sample(context(STATS, 0, List.of())),
        Samplers.random(6).sample(context(STATS, 0, List.of())));
    assertEquals(sampler.sample(context(STATS, 3, List.of())),
        Samplers.random(5).sample(context(STATS, 3, List.of())));
  }
}
