package dev.tunable.postgres;

import dev.tunable.Config;
import dev.tunable.Samplers;
import dev.tunable.SearchSpace;
import dev.tunable.Storages;
import dev.tunable.Study;
import dev.tunable.storage.Storage;

/**
 * A worker process of {@link WorkerProcessesTest}: opens the storage URL (password from {@code
 * PGPASSWORD}) and runs trials of shared studies, as a user's program on another machine would.
 *
 * <ul>
 *   <li>{@code WorkerMain URL trials N}: {@code N} trials of study "random" (random sampler), then
 *       study "grid" (grid sampler) until every point was tried;
 *   <li>{@code WorkerMain URL hang}: starts one trial of study "hang", prints {@code RUNNING n}
 *       and waits to be killed.
 * </ul>
 */
public final class WorkerMain {
  static final SearchSpace<Config> SPACE = SearchSpace.builder()
      .real("x", 0, 1)
      .integer("n", 1, 1000)
      .build();
  static final SearchSpace<Config> GRID = SearchSpace.builder()
      .integer("a", 0, 14)
      .categorical("b", "p", "q", "r", "s")
      .build();
  static final int GRID_POINTS = 15 * 4;

  private WorkerMain() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    try (Storage storage = Storages.open(url)) {
      switch (args[1]) {
        case "trials" -> {
          Study random = Study.builder().name("random").loadIfExists(true)
              .sampler(Samplers.random(ProcessHandle.current().pid())).storage(storage)
              .progress(false).build();
          random.optimize(SPACE, Integer.parseInt(args[2]), trial -> {
            Thread.sleep(1);
            return trial.params().getDouble("x");
          });
          Study grid = Study.builder().name("grid").loadIfExists(true)
              .sampler(Samplers.grid()).storage(storage).progress(false).build();
          grid.optimize(GRID, Integer.MAX_VALUE, trial -> {
            Thread.sleep(1);
            return trial.params().getLong("a");
          });
        }
        case "hang" -> {
          Study hang = Study.builder().name("hang").loadIfExists(true)
              .sampler(Samplers.random(1)).storage(storage).progress(false).build();
          hang.optimize(SPACE, 1, trial -> {
            System.out.println("RUNNING " + trial.number());
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
            return 0;
          });
        }
        default -> throw new IllegalArgumentException("unknown mode " + args[1]);
      }
    }
    System.out.println("DONE");
  }
}
