package dev.tunable.internal.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.SearchSpace;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The GP sees inactive coordinates as one constant, in trials and in the points it weighs. */
class ConditionalEncodingForGpTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", 0, 1)
      .choice(Dimension.categorical("branch", "a", "b"),
          SearchSpace.builder().real("p", 0, 1).build(),
          SearchSpace.builder().real("q", 0, 1).build())
      .build();

  @Test
  void aTrialsInactiveCoordinatesAndAProposalsAreTheSameConstant() {
    Encoding encoding = new Encoding(SPACE);
    double a = 0.25; // the centre of choice a's cell
    double[] trial = encoding.encode(
        SPACE.check(Map.of("x", 0.1, "branch", "a", "branch.a.p", 0.9)));
    assertArrayEquals(new double[] {0.1, a, 0.9, Encoding.INACTIVE}, trial);
    // A candidate holds a value for every coordinate; the model sees b's as a trial of a has it.
    double[] candidate = {0.1, 0.3, 0.9, 0.77};
    assertArrayEquals(new double[] {0.1, 0.3, 0.9, Encoding.INACTIVE},
        encoding.imputed(candidate));
    assertArrayEquals(new double[] {0.1, 0.3, 0.9, 0.77}, candidate, "the candidate itself stays");
    Config lacking = Config.builder().set(SPACE.dimension("x"), 0.1)
        .set(SPACE.dimension("branch"), "b").build();
    assertNull(encoding.encode(lacking), "a trial that lacks an active dimension");
  }

  @Test
  void withoutConditionsAPointIsSeenAsItIs() {
    Encoding encoding = new Encoding(SearchSpace.builder().real("x", 0, 1).bool("b").build());
    double[] point = {0.3, 0.75};
    assertSame(point, encoding.imputed(point));
  }
}
