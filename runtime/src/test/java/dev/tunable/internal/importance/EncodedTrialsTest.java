package dev.tunable.internal.importance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunable.Config;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Study;
import dev.tunable.Trial;
import dev.tunable.TrialState;
import dev.tunable.annotations.Scale;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodedTrialsTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("lr", 1e-4, 1, Scale.LOG)
      .integer("layers", 1, 4)
      .categorical("activation", "relu", "tanh", "sigmoid")
      .categorical("only", "one")
      .bool("bias")
      .build();

  @Test
  void numbersAreUnitCoordinatesAndChoicesOneColumnEach() {
    Study study = Study.builder().sampler(Samplers.random(0)).progress(false).build();
    study.enqueue(Map.of("lr", 1e-2, "layers", 2L, "activation", "sigmoid", "only", "one",
        "bias", true));
    study.optimize(SPACE, 1, trial -> 7.0);

    EncodedTrials encoded = EncodedTrials.of(SPACE, study.trials());

    assertEquals(List.of("lr", "layers", "activation", "bias"), encoded.varying());
    assertEquals(List.of("only"), encoded.constant());
    assertArrayEquals(new int[][] {{0}, {1}, {2, 3, 4}, {5, 6}}, encoded.groups());
    assertEquals(7, encoded.columns());
    // lr: log10 of 1e-2 is halfway from -4 to 0; layers 2 is the centre of cell 1 of 4.
    assertArrayEquals(new double[] {0.5, 0.375, 0, 0, 1, 0, 1}, encoded.x()[0], 1e-12);
    assertArrayEquals(new double[] {7.0}, encoded.y());
  }

  @Test
  void onlyCompleteTrialsOfTheSpaceCount() {
    SearchSpace<Config> other = SearchSpace.builder().real("x", 0, 1).build();
    Study study = Study.builder().sampler(Samplers.random(0)).progress(false).build();
    study.optimize(SPACE, 3, trial -> 1.0);
    study.tell(study.ask(SPACE), TrialState.PRUNED);
    study.tellFailure(study.ask(SPACE), "diverged");
    Trial<Config> elsewhere = study.ask(other);
    study.tell(elsewhere, 2.0);

    assertEquals(3, EncodedTrials.of(SPACE, study.trials()).y().length);
    assertEquals(1, EncodedTrials.of(other, study.trials()).y().length);
  }
}
