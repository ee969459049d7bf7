package dev.tunable.internal.storage;

import static dev.tunable.internal.storage.JournalFormat.RECORD_HEADER;

import dev.tunable.storage.Event;
import dev.tunable.storage.Event.RunRecorded;
import dev.tunable.storage.Event.SpaceSet;
import dev.tunable.storage.Event.StudyCreated;
import dev.tunable.storage.Event.StudyDeleted;
import dev.tunable.storage.Event.TrialAttributeSet;
import dev.tunable.storage.Event.TrialConstraintsSet;
import dev.tunable.storage.Event.TrialEnqueued;
import dev.tunable.storage.Event.TrialFinished;
import dev.tunable.storage.Event.TrialReported;
import dev.tunable.storage.Event.TrialStarted;
import dev.tunable.storage.SalvageReport;
import dev.tunable.storage.SalvageReport.Skipped;
import dev.tunable.annotations.Scale;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies the valid records of a damaged journal into a new journal, and says what it left out:
 *
 * <pre>{@code
 * java -cp tunable-runtime.jar:tunable-annotations.jar dev.tunable.internal.storage.Salvage \\
 *     damaged.journal new.journal
 * }</pre>
 *
 * <p>A record is valid when its length, checksum and newline are right and its payload is an event
 * this version knows; between valid records, every byte offset is tried, so that a record right
 * after damage is found even when the damage took its newline away. The damaged file is only read;
 * the salvaged file must not exist, and is created, written and forced to disk. Exit status: 0 when
 * the new journal was written, 1 when nothing was (the message says why), 2 for wrong arguments.
 * {@link dev.tunable.Storages#salvage} does the same in code.
 */
public final class Salvage {
  private Salvage() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: java -cp tunable-runtime.jar" + File.pathSeparator
          + "tunable-annotations.jar " + Salvage.class.getName()
          + " DAMAGED_JOURNAL NEW_JOURNAL\ncopies the valid records of DAMAGED_JOURNAL, which it"
          + " only reads, into NEW_JOURNAL, which must not exist");
      System.exit(2);
      return;
    }
    SalvageReport report;
    try {
      report = salvage(Path.of(args[0]), Path.of(args[1]));
    } catch (RuntimeException e) {
      System.err.println("salvage: " + e.getMessage());
      System.exit(1);
      return;
    }
    System.out.println(report);
    System.out.println(report.isComplete()
        ? "the journal had no damage; the new one holds the same records"
        : "the events of the skipped bytes are not in the new journal; open it with"
            + " Storages.file(" + report.salvaged() + ") and check the study before using it in"
            + " place of the damaged one, which was left as it was");
  }

  /**
   * Copies the valid records of {@code damaged} into the new journal {@code salvaged}.
   *
   * @throws IllegalArgumentException if {@code damaged} is not a file, if {@code salvaged}
   *     exists, or if {@code damaged} holds no valid record and no journal header
   * @throws IllegalStateException if {@code damaged} is a journal of a newer format version
   * @throws UncheckedIOException if a file cannot be read or written; then nothing is left at
   *     {@code salvaged}
   */
  public static SalvageReport salvage(Path damaged, Path salvaged) {
    Path input = damaged.toAbsolutePath().normalize();
    Path output = salvaged.toAbsolutePath().normalize();
    if (!Files.isRegularFile(input)) {
      throw new IllegalArgumentException("there is no journal to salvage at " + input);
    }
    if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("the salvaged journal " + output + " exists; salvage"
          + " writes only a new file and never replaces one: name a file that does not exist");
    }
    try (RandomAccessFile file = new RandomAccessFile(input.toFile(), "r")) {
      JournalReader in = new JournalReader((position, into, offset, length) -> {
        file.seek(position);
        return file.read(into, offset, Math.min(length, JournalReader.READ_SIZE));
      }, file.length(), JournalReader.DEFAULT_CHUNK);
      long header = JournalFormat.headerLength(in, input);
      FileChannel channel;
      try {
        channel = FileChannel.open(output, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        throw new IllegalArgumentException("the salvaged journal " + output + " exists; salvage"
            + " writes only a new file and never replaces one: name a file that does not exist", e);
      }
      boolean done = false;
      try {
        SalvageReport report;
        try (channel; OutputStream out =
            new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
          out.write(JournalFormat.HEADER_LINE);
          report = copy(in, header, out, input, output);
          out.flush();
          channel.force(true);
        }
        if (report.recordsKept() == 0 && header == 0) {
          throw new IllegalArgumentException("found no valid record in " + input + ", which"
              + " begins with " + JournalFormat.quote(in.bytes(0, 60), 60) + ": it is not a"
              + " Tunable journal; nothing was written");
        }
        FileStorage.syncDirectory(output.getParent());
        done = true;
        return report;
      } finally {
        if (!done) {
          Files.deleteIfExists(output); // the file this call created, and nothing else
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot salvage " + input + " into " + output, e);
    }
  }

  private static SalvageReport copy(JournalReader in, long from, OutputStream out, Path input,
      Path output) throws IOException {
    long end = in.end();
    long records = 0;
    long events = 0;
    List<Skipped> skipped = new ArrayList<>();
    Replay replay = new Replay();
    long position = from;
    while (position < end) {
      int length = in.validRecordAt(position);
      if (length < 0) {
        long valid = in.nextValidRecord(position + 1, end);
        long stop = valid < 0 ? end : valid;
        skipped.add(new Skipped(position, stop, "no valid record: "
            + JournalFormat.quote(in.bytes(position, 40), 40) + (valid < 0
                ? " up to the end of the file (a last write cut short, or damage)" : "")));
        position = stop;
        continue;
      }
      long recordEnd = position + RECORD_HEADER + length + 1;
      List<Event> decoded;
      try {
        decoded = EventCodec.decode(in.payload(position, length));
      } catch (RuntimeException e) {
        skipped.add(new Skipped(position, recordEnd, "a record that passes its checksum but holds"
            + " no event this version of Tunable knows: " + e.getMessage()));
        position = recordEnd;
        continue;
      }
      in.copy(position, recordEnd - position, out::write);
      records++;
      events += decoded.size();
      decoded.forEach(event -> event.accept(replay));
      position = recordEnd;
    }
    return new SalvageReport(input, output, records, events, skipped, replay.warnings());
  }

  /**
   * Follows the kept events as a study's replay would, to say which studies the skipped records
   * leave inconsistent: a replay needs each study created, and its trials started in order,
   * before their other events.
   */
  private static final class Replay implements Event.Visitor<Void> {
    private final Map<String, Long> trials = new HashMap<>(); // started so far, by study
    private final Map<String, String> warnings = new LinkedHashMap<>();

    List<String> warnings() {
      return List.copyOf(warnings.values());
    }

    private void warn(String study, String problem) {
      warnings.putIfAbsent(study, "study '" + study + "' " + problem + "; its later events were"
          + " kept, but it cannot be opened from the salvaged journal until that is repaired");
    }

    private void trialEvent(String study, long number) {
      Long started = trials.get(study);
      if (started == null) {
        warn(study, "was created in the skipped bytes");
      } else if (number >= started) {
        warn(study, "has events of trial #" + number + ", which was started in the skipped bytes");
      }
    }

    @Override
    public Void visitStudyCreated(StudyCreated event) {
      trials.putIfAbsent(event.study(), 0L);
      return null;
    }

    @Override
    public Void visitSpaceSet(SpaceSet event) {
      if (!trials.containsKey(event.study())) {
        warn(event.study(), "was created in the skipped bytes");
      }
      return null;
    }

    @Override
    public Void visitRunRecorded(RunRecorded event) {
      if (!trials.containsKey(event.study())) {
        warn(event.study(), "was created in the skipped bytes");
      }
      return null;
    }

    @Override
    public Void visitTrialEnqueued(TrialEnqueued event) {
      if (!trials.containsKey(event.study())) {
        warn(event.study(), "was created in the skipped bytes");
      }
      return null;
    }

    @Override
    public Void visitTrialStarted(TrialStarted event) {
      Long started = trials.get(event.study());
      if (started == null) {
        warn(event.study(), "was created in the skipped bytes");
      } else if (event.number() != started) {
        warn(event.study(), "lost the start of trial #" + started + " in the skipped bytes");
      }
      trials.merge(event.study(), event.number() + 1, Math::max);
      return null;
    }

    @Override
    public Void visitTrialReported(TrialReported event) {
      trialEvent(event.study(), event.number());
      return null;
    }

    @Override
    public Void visitTrialAttributeSet(TrialAttributeSet event) {
      trialEvent(event.study(), event.number());
      return null;
    }

    @Override
    public Void visitTrialConstraintsSet(TrialConstraintsSet event) {
      trialEvent(event.study(), event.number());
      return null;
    }

    @Override
    public Void visitTrialFinished(TrialFinished event) {
      trialEvent(event.study(), event.number());
      return null;
    }

    @Override
    public Void visitStudyDeleted(StudyDeleted event) {
      // What was lost of a deleted study no longer matters; a new study of the name starts anew.
      trials.remove(event.study());
      warnings.remove(event.study());
      return null;
    }
  }

  /**
   * The command that salvages {@code damaged} into a new file next to it, for messages: the class
   * path is where this class was loaded from, the runtime's jar, and the annotations' jar, whose
   * {@code Scale} a recorded search space names.
   */
  static String command(Path damaged) {
    Path suggested = damaged.resolveSibling(damaged.getFileName() + ".salvaged");
    return "java -cp " + shellQuote(location(Salvage.class, "tunable-runtime.jar")
        + File.pathSeparator + location(Scale.class, "tunable-annotations.jar")) + " "
        + Salvage.class.getName() + " " + shellQuote(damaged.toString()) + " "
        + shellQuote(suggested.toString());
  }

  /** The jar or directory {@code type} was loaded from, or {@code jar} if that is not known. */
  private static String location(Class<?> type, String jar) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source != null && source.getLocation() != null
          && source.getLocation().getProtocol().equals("file")) {
        return Path.of(source.getLocation().toURI()).toString();
      }
    } catch (RuntimeException | java.net.URISyntaxException e) {
      // A security manager or an unusual class loader: name the jar instead.
    }
    return jar;
  }

  private static String shellQuote(String text) {
    return text.matches("[A-Za-z0-9_./:=@%+,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
