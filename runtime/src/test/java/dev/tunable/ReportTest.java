package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.internal.storage.EventCodec;
import dev.tunable.storage.Event;
import dev.tunable.storage.Event.TrialReported;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports of one or several values per step, stored and read back, and pruning in a study. */
class ReportTest {
  private static final SearchSpace<Config> SPACE =
      SearchSpace.builder().real("x", 0, 1).build();

  @Test
  void vectorReportsSurviveTheFileJournalAndPrunersReadTheirFirstValue(@TempDir Path dir) {
    Path file = dir.resolve("study.jsonl");
    Study study = Study.builder().name("s").storage(Storages.file(file)).build();
    Trial<Config> trial = study.ask(SPACE);
    trial.report(0, 0.5);
    trial.report(1, 0.4, 1.7, 3);
    study.tell(trial, 0.4);

    Study loaded = Study.load("s", Storages.file(file));
    FrozenTrial read = loaded.trials().get(0);
    assertEquals(List.of(0.5, 0.4), List.copyOf(read.intermediateValues().values()));
    assertArrayEquals(new double[] {0.4, 1.7, 3}, read.reportedValues(1));
    assertArrayEquals(new double[] {0.5}, read.reportedValues(0));
    assertArrayEquals(new double[0], read.reportedValues(2));
    assertEquals(study.trials().get(0), read);
  }

  @Test
  void theCodecReadsOldSingleValueReportsAndWritesThemUnchanged() {
    String old = "{\"type\":\"trial_reported\",\"study\":\"s\",\"number\":3,\"step\":2,"
        + "\"value\":0.25}";
    Event event = EventCodec.decode(old).get(0);
    assertEquals(new TrialReported("s", 3, 2, 0.25), event);
    assertEquals(old, EventCodec.encode(event));
    TrialReported vector = new TrialReported("s", 3, 2, new double[] {0.25, 7});
    String text = EventCodec.encode(vector);
    assertTrue(text.contains("\"value\":0.25"), text); // older readers still find the objective's
    assertEquals(vector, EventCodec.decode(text).get(0));
    assertThrows(IllegalArgumentException.class,
        () -> new TrialReported("s", 0, 0, new double[0]));
  }

  @Test
  void aPrunedTrialIsRecordedAsPrunedWithItsLastValue() {
    Study study = Study.builder().pruner(Pruners.threshold(Double.NEGATIVE_INFINITY, 10)).build();
    study.optimize(SPACE, 2, trial -> {
      for (int step = 0; step < 5; step++) {
        double loss = trial.number() == 0 ? 1.0 / (step + 1) : Math.pow(10, step);
        trial.report(step, loss);
        if (trial.shouldPrune()) {
          throw trial.pruned();
        }
      }
      return trial.intermediateValues().get(4L);
    });
    List<FrozenTrial> trials = study.trials();
    assertEquals(TrialState.COMPLETE, trials.get(0).state());
    assertEquals(TrialState.PRUNED, trials.get(1).state());
    assertEquals(100.0, trials.get(1).lastIntermediateValue().getAsDouble());
    assertFalse(trials.get(1).intermediateValues().containsKey(3L));
  }
}
