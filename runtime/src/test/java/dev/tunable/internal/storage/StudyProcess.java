package dev.tunable.internal.storage;

import dev.tunable.Config;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.nio.file.Path;

/**
 * A child process for {@link ProcessTest}: works on study "shared" in a file storage and prints
 * one line per event on standard output, so that the parent knows what is durable.
 *
 * <p>Arguments: journal path, mode ({@code hang}: trials from #6 on never finish; {@code random};
 * {@code grid}), seed, number of trials, number of workers.
 */
public final class StudyProcess {
  static final SearchSpace<Config> SPACE = SearchSpace.builder().real("x", 0, 1).build();
  static final SearchSpace<Config> GRID =
      SearchSpace.builder().integer("a", 1, 6).categorical("k", "p", "q", "r", "s", "t").build();

  private StudyProcess() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    String mode = args[1];
    long seed = Long.parseLong(args[2]);
    int trials = Integer.parseInt(args[3]);
    int workers = Integer.parseInt(args[4]);
    try (Storage storage = Storages.file(file)) {
      Study study = Study.builder()
          .name("shared")
          .storage(storage)
          .loadIfExists(true)
          .sampler(mode.equals("grid") ? Samplers.grid() : Samplers.random(seed))
          .progress(false)
          .callback((s, trial) -> say("done " + trial.number() + " " + trial.state()))
          .build();
      study.optimize(mode.equals("grid") ? GRID : SPACE,
          dev.tunable.Budget.trials(trials).withWorkers(workers), trial -> {
            trial.setUserAttribute("pid", ProcessHandle.current().pid());
            if (mode.equals("hang") && trial.number() >= 6) {
              say("hang " + trial.number());
              Thread.sleep(Long.MAX_VALUE);
            }
            return trial.number();
          });
      say("exit");
    }
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
