package dev.tunable.internal.sampler;

import dev.tunable.Budget;
import dev.tunable.Config;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Storage;
import java.nio.file.Path;

/**
 * A child process for {@link GridAcrossAKilledWorkerTest}: works on the grid study "grid" of a file
 * storage and prints one line per event on standard output, so that the parent knows what is
 * durable.
 *
 * <p>Arguments: journal path, mode ({@code hang}: the points with {@code a = 3} never finish;
 * {@code finish}: every point finishes), number of workers.
 */
public final class GridWorker {
  /** 6 x 5 points, the last dimension changing fastest: the points with a = 3 are #10 to #14. */
  static final SearchSpace<Config> GRID =
      SearchSpace.builder().integer("a", 1, 6).categorical("k", "p", "q", "r", "s", "t").build();

  private GridWorker() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    boolean hang = args[1].equals("hang");
    int workers = Integer.parseInt(args[2]);
    try (Storage storage = Storages.file(file)) {
      Study study = Study.builder().name("grid").storage(storage).loadIfExists(true)
          .sampler(Samplers.grid()).progress(false)
          .callback((s, trial) -> say("done " + trial.number() + " " + trial.state()))
          .build();
      study.optimize(GRID, Budget.trials(100).withWorkers(workers), trial -> {
        trial.setUserAttribute("pid", ProcessHandle.current().pid());
        if (hang && trial.params().getLong("a") == 3) {
          say("hang " + trial.number());
          Thread.sleep(Long.MAX_VALUE);
        }
        return trial.params().getLong("a");
      });
      say("exit");
    }
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
