package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.annotations.Scale;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StudyTest {
  private static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", -5, 10)
      .real("lr", 1e-5, 1e-1, Scale.LOG)
      .integer("units", 16, 256, Scale.LOG)
      .categorical("activation", "relu", "tanh")
      .build();

  private static Study study(long seed) {
    return Study.builder().sampler(Samplers.random(seed)).progress(false).build();
  }

  @Test
  void optimizeReturnsTheBestOfAllTrials() {
    Study study = study(1);
    Trial<Config> best = study.optimize(SPACE, 50, t -> Math.pow(t.params().getDouble("x") - 2, 2));
    assertEquals(50, study.trials().size());
    double min = study.trials().stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
    assertEquals(min, best.value());
    assertEquals(TrialState.COMPLETE, best.state());
    assertTrue(Math.abs(best.params().getDouble("x") - 2) < 1.5, best.toString());
  }

  @Test
  void askAndTell() {
    Study study = study(2);
    Trial<Config> trial = study.ask(SPACE);
    assertEquals(TrialState.RUNNING, trial.state());
    trial.report(0, 3.5);
    trial.setUserAttribute("note", "first");
    FrozenTrial done = study.tell(trial, 1.25);
    assertEquals(TrialState.COMPLETE, done.state());
    assertEquals(1.25, done.value());
    assertEquals(Map.of(0L, 3.5), done.intermediateValues());
    assertEquals(Map.of("note", "first"), done.userAttributes());
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> study.tell(trial, 2));
    assertTrue(twice.getMessage().contains("already finished as COMPLETE"), twice.getMessage());
  }

  @Test
  void enqueuedParamsComeFirst() {
    Study study = study(3);
    study.enqueue(Map.of("x", 1.5, "lr", 0.01, "units", 32, "activation", "tanh"));
    Trial<Config> first = study.ask(SPACE);
    assertEquals(1.5, first.params().getDouble("x"));
    assertEquals(32, first.params().getInt("units"));
    assertEquals("tanh", first.params().getString("activation"));
    study.tell(first, 0);
    List<FrozenTrial> trials = study.trials();
    assertEquals(1, trials.size());
  }
}
