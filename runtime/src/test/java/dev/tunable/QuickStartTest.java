package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunable.annotations.Scale;
import dev.tunable.storage.Storage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime's README examples, as written there, so that they keep compiling and working. */
class QuickStartTest {
  @TempDir Path directory;

  static double train(double lr, int units, String activation) {
    return Math.pow(Math.log10(lr) + 3, 2) + Math.abs(units - 64) / 64.0
        + (activation.equals("relu") ? 0 : 0.1);
  }

  @Test
  void readmeExamples() throws Exception {
    // Quick start
    SearchSpace<Config> space = SearchSpace.builder()
        .real("lr", 1e-5, 1e-1, Scale.LOG)
        .integer("units", 16, 256, Scale.LOG)
        .categorical("activation", "relu", "tanh")
        .build();

    Study study = Study.builder()
        .direction(Direction.MINIMIZE)
        .sampler(Samplers.random(42))
        .build();

    Trial<Config> best = study.optimize(space, 100, trial -> {
      Config p = trial.params();
      return train(p.getDouble("lr"), p.getInt("units"), p.getString("activation"));
    });
    System.out.println(best.value() + " " + best.params());
    assertEquals(100, study.trials().size());

    // Ask and tell
    Trial<Config> trial = study.ask(space);
    double loss = train(trial.params().getDouble("lr"), trial.params().getInt("units"),
        trial.params().getString("activation"));
    study.tell(trial, loss);

    // Crash-safe, resumable
    Path file = directory.resolve("demo.tunable");
    try (Storage storage = Storages.file(file)) {
      Study persistent = Study.builder()
          .name("demo")
          .sampler(Samplers.sobol(7))
          .storage(storage)
          .loadIfExists(true)
          .build();
      persistent.optimize(space, 20, t -> train(
          t.params().getDouble("lr"), t.params().getInt("units"), t.params().getString("activation")));
    }
    try (Storage storage = Storages.file(file)) {
      Study resumed = Study.load("demo", storage);
      System.out.println(resumed.trials().size() + " trials so far, best " + resumed.bestTrial());
      assertEquals(20, resumed.trials().size());
    }

    // Parallel workers, a time limit, callbacks
    Study parallel = Study.builder()
        .sampler(Samplers.random(1))
        .callback((s, finished) -> {
          if (finished.state() == TrialState.COMPLETE && finished.value() < 0.05) {
            s.stop();
          }
        })
        .build();
    parallel.optimize(space, Budget.trials(200).withTimeout(Duration.ofMinutes(5)).withWorkers(2),
        t -> train(t.params().getDouble("lr"), t.params().getInt("units"),
            t.params().getString("activation")));

    // Grid and warm start
    Study grid =
        Study.builder().sampler(Samplers.grid().withPointsPerContinuousDimension(5)).build();
    grid.enqueue(java.util.Map.of("lr", 1e-3, "units", 64, "activation", "relu"));
    grid.optimize(space, 10, t -> train(
        t.params().getDouble("lr"), t.params().getInt("units"), t.params().getString("activation")));
    assertEquals(1e-3, grid.trials().get(0).params().getDouble("lr"));

    // Export
    study.exportCsv(directory.resolve("trials.csv"));
    study.exportJson(directory.resolve("trials.json"));
    assertTrue(Files.readString(directory.resolve("trials.csv")).startsWith("number,state,value,"));
  }
}
