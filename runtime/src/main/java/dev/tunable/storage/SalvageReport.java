package dev.tunable.storage;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link dev.tunable.Storages#salvage} copied from a damaged journal into a new one, and what
 * it left out.
 *
 * @param damaged the journal read, which was not changed
 * @param salvaged the new journal written
 * @param recordsKept the records copied, each one append of one or more events
 * @param eventsKept the events in them
 * @param skipped the byte ranges of the damaged journal that were not copied, in file order; empty
 *     if the journal held nothing but valid records
 * @param warnings what the skipped records leave inconsistent, one sentence per study: a study
 *     whose creation, or the start of one of whose trials, was in the skipped bytes cannot be
 *     replayed from the salvaged journal as it is
 * @since 0.1
 */
public record SalvageReport(Path damaged, Path salvaged, long recordsKept, long eventsKept,
    List<Skipped> skipped, List<String> warnings) {

  public SalvageReport {
    skipped = List.copyOf(skipped);
    warnings = List.copyOf(warnings);
  }

  /**
   * Bytes {@code [start, end)} of the damaged journal, left out for {@code reason}: no record could
   * be read there, or a record there passes its checksum but holds no event this version knows.
   */
  public record Skipped(long start, long end, String reason) {
    /** The number of bytes skipped. */
    public long length() {
      return end - start;
    }
  }

  /** Whether every byte after the header was part of a record that was kept. */
  public boolean isComplete() {
    return skipped.isEmpty();
  }

  /** Several lines for people: what was kept, each range skipped and why. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder()
        .append("kept ").append(recordsKept).append(recordsKept == 1 ? " record" : " records")
        .append(" (").append(eventsKept).append(eventsKept == 1 ? " event" : " events")
        .append(") of ").append(damaged).append(" in ").append(salvaged);
    if (skipped.isEmpty()) {
      return text.append("; skipped nothing").toString();
    }
    text.append("; skipped ");
    long bytes = skipped.stream().mapToLong(Skipped::length).sum();
    text.append(bytes).append(bytes == 1 ? " byte" : " bytes").append(" in ")
        .append(skipped.size()).append(skipped.size() == 1 ? " range:" : " ranges:");
    for (Skipped range : skipped) {
      text.append("\n  bytes ").append(range.start()).append(" to ").append(range.end())
          .append(" (").append(range.length()).append("): ").append(range.reason());
    }
    for (String warning : warnings) {
      text.append("\nwarning: ").append(warning);
    }
    return text.toString();
  }
}
