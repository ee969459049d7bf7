/**
 * The {@code tunable} command: {@code tunable worker} joins a study by storage URL and name and
 * runs a {@link dev.tunable.TuningJob} until the budget is met. It exports nothing; picocli reads
 * the commands' options by reflection.
 *
 * @since 0.1
 */
// picocli names no module of its own: its jar's Automatic-Module-Name, info.picocli, is required.
@SuppressWarnings("requires-automatic")
module dev.tunable.cli {
  requires dev.tunable;
  requires info.picocli;

  opens dev.tunable.cli to info.picocli;
}
