/**
 * The {@code tunable} command: {@code tunable worker} joins a study by storage URL and name and
 * runs a {@link dev.tunable.TuningJob} until the budget is met; the other commands list, show,
 * export, enqueue to, delete, report on and serve the studies in a storage. It exports nothing; picocli reads
 * the commands' options by reflection.
 *
 * @since 0.1
 */
// picocli names no module of its own: its jar's Automatic-Module-Name, info.picocli, is required.
@SuppressWarnings("requires-automatic")
module dev.tunable.cli {
  requires dev.tunable;
  requires info.picocli;
  requires com.fasterxml.jackson.core;
  requires jdk.httpserver;

  opens dev.tunable.cli to info.picocli;
}
