package dev.tunable.internal.sampler.genetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.Config;
import dev.tunable.Dimension;
import dev.tunable.SearchSpace;
import dev.tunable.internal.sampler.SpaceEncoding;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** How a child's genes of a conditional space are completed from its parents. */
class ConditionalGenesTest {
  /** x always; a choice of branch a (one real) or b (two reals). */
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", 0, 1)
      .choice(Dimension.categorical("branch", "a", "b"),
          SearchSpace.builder().real("p", 0, 1).build(),
          SearchSpace.builder().real("q", 0, 1).real("r", 0, 1).build())
      .build();
  private static final SpaceEncoding ENCODING = SpaceEncoding.of(SPACE);
  private static final double A = ENCODING.unitOfChoice(1, 0);
  private static final double B = ENCODING.unitOfChoice(1, 1);
  private static final double NAN = Double.NaN;

  @Test
  void aGeneThatBecomesActiveComesFromTheParentWhereItWasActive() {
    double[] first = {0.1, A, 0.3, NAN, NAN};
    double[] second = {0.9, B, NAN, 0.6, 0.7};
    // Crossover took the second parent's choice: b's genes are missing in the child.
    double[] child = {0.1, B, 0.3, NAN, NAN};
    GeneticAlgorithm.completeActiveGenes(ENCODING, child, first, second, new SplittableRandom(1));
    assertEquals(0.6, child[3]);
    assertEquals(0.7, child[4]);
    assertEquals(0.3, child[2], "an inactive gene is left as it is");
    assertEquals(SPACE.check(java.util.Map.of("x", 0.1, "branch", "b", "branch.b.q", 0.6,
        "branch.b.r", 0.7)), SPACE.fromUnit(child));
  }

  @Test
  void theFirstParentsGeneComesFirstAndAGeneActiveInNeitherIsDrawnFresh() {
    double[] first = {0.1, B, NAN, 0.2, NAN};
    double[] second = {0.9, B, NAN, 0.8, 0.4};
    double[] child = {0.5, B, NAN, NAN, NAN}; // q crossed with a missing gene, say
    GeneticAlgorithm.completeActiveGenes(ENCODING, child, first, second, new SplittableRandom(1));
    assertEquals(0.2, child[3]);
    assertEquals(0.4, child[4]);
    double[] fromA = {0.1, A, 0.3, NAN, NAN};
    double[] alsoA = {0.2, A, 0.5, NAN, NAN};
    double[] mutated = {0.1, B, 0.3, NAN, NAN}; // the choice mutated to b
    GeneticAlgorithm.completeActiveGenes(
        ENCODING, mutated, fromA, alsoA, new SplittableRandom(1));
    SplittableRandom same = new SplittableRandom(1);
    assertEquals(same.nextDouble(), mutated[3]);
    assertEquals(same.nextDouble(), mutated[4]);
    assertTrue(mutated[3] != mutated[4]);
  }
}
