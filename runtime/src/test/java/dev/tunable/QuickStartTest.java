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

  /** The README's Provenance section, with the data set a file of this test's. */
  @Test
  void provenance() throws Exception {
    Path data = Files.createDirectories(directory.resolve("data"));
    Files.writeString(data.resolve("train.csv"), "x,y\n1,2\n");
    Study study = Study.builder()
        .provenance(Provenance.gitCommit(),
            Provenance.sha256(data.resolve("train.csv")))
        .sampler(Samplers.tpe(42))
        .progress(false)
        .build();
    SearchSpace<Config> space = SearchSpace.builder().real("x", 0, 1).build();
    study.optimize(space, 20, trial -> trial.params().getDouble("x"));
    Reproduction r = study.reproduce(17);
    assertEquals(study.trials().get(17).params(), r.params());
    assertEquals("Samplers.tpe(42)", r.run().orElseThrow().sampler());
    assertEquals(java.util.List.of("git commit", "sha256 " + data.resolve("train.csv")),
        java.util.List.copyOf(r.run().orElseThrow().provenance().keySet()));
    assertEquals(1, study.runs().size());
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

  @Test
  void readmeSamplerSettings() {
    SearchSpace<Config> space = SearchSpace.builder().real("lr", 1e-5, 1e-1, Scale.LOG).build();
    Sampler tpe = Samplers.tpe(42)
        .withStartupTrials(20)        // random trials before the model takes over (default 10)
        .withCandidates(48)           // candidates scored per trial; more exploit harder (default 24)
        .withMultivariate(true)       // one joint model of all dimensions (default: one per dimension)
        .withConstantLiar(false);     // ignore running trials (default: count them as bad)

    Config known = space.check(java.util.Map.of("lr", 0.01));   // a configuration that worked before
    Sampler cma = Samplers.cmaEs(42)
        .withStart(known)             // first mean; dimensions it does not name start mid-range
        .withInitialStepSize(0.05)    // σ as a fraction of each range (default 1/6)
        .withPopulationSize(16)       // trials per generation (default 4 + 3 ln n)
        .withRestarts(false);         // IPOP restarts with doubled population (default on)

    Sampler gp = Samplers.gp(42)
        .withStartupTrials(20)        // Sobol trials before the first model (default 5)
        .withDeterministicObjective(true);  // interpolate, do not estimate noise (default false)

    Sampler nsga2 = Samplers.nsga2(42)      // Samplers.genetic(42) has the same settings
        .withPopulationSize(20)       // trials per generation (default 50; genetic: 20)
        .withTournamentSize(3)        // parents per tournament, up to the population (default 2)
        .withCrossoverProbability(0.8)  // two parents cross over, else a copy (default 0.9)
        .withMutationProbability(0.1);  // per coordinate (default NaN: 1/d for d dimensions)

    Sampler grid = Samplers.grid()
        .withPointsPerContinuousDimension(5);  // values on each real (default 0: discrete spaces only)

    for (Sampler sampler : java.util.List.of(tpe, cma, gp, nsga2, grid)) {
      Study study = Study.builder().sampler(sampler).progress(false).build();
      study.optimize(space, 5, t -> train(t.params().getDouble("lr"), 64, "relu"));
      assertEquals(5, study.trials().size(), sampler.toString());
    }
    assertEquals("Samplers.nsga2(42).withPopulationSize(20).withTournamentSize(3)"
        + ".withCrossoverProbability(0.8).withMutationProbability(0.1)", nsga2.toString());
  }
}
