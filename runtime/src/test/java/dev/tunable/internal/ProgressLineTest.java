package dev.tunable.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void showsDoneOfTotalBestElapsedAndEta() {
    ProgressLine line = new ProgressLine(null, 100, null, 0);
    long start = 0;
    line.update(25, 0, 0, 0.123456789);
    String text = line.text(start + 30 * SECOND);
    assertEquals("25/100 trials  best 0.123457  elapsed 0:30  ETA 1:30", text);
  }

  @Test
  void beforeAnyValueAndWithoutATotal() {
    ProgressLine line = new ProgressLine(null, Long.MAX_VALUE, null, 0);
    line.update(0, 0, 0, null);
    assertEquals("0 trials  best -  elapsed 0:00  ETA -", line.text(0));
  }

  @Test
  void aTimeLimitBoundsTheEta() {
    ProgressLine line = new ProgressLine(null, 1000, Duration.ofMinutes(2), 0);
    line.update(10, 0, 0, -4.0);
    assertEquals("10/1000 trials  best -4.00000  elapsed 1:00  ETA 1:00", line.text(60 * SECOND));
    assertEquals("1:01:01", ProgressLine.clock(3661 * SECOND));
  }

  @Test
  void drawsOnOneLineWithCarriageReturnsAndEndsIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ProgressLine line = new ProgressLine(new PrintStream(bytes, true, StandardCharsets.UTF_8),
        3, null, System.nanoTime())) {
      line.update(1, 0, 0, 2.0);
      line.update(2, 0, 0, 1.0); // within the redraw interval: not drawn
    }
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.startsWith("\r1/3 trials  best 2.00000  elapsed 0:00"), out);
    assertTrue(out.contains("\r2/3 trials  best 1.00000"), "the final state is drawn on close");
    assertTrue(out.endsWith(System.lineSeparator()), out);
    assertEquals(2, out.chars().filter(c -> c == '\r').count(), out);
  }

  @Test
  void countsPrunedAndFailedTrialsOnceThereAreAny() {
    ProgressLine line = new ProgressLine(null, 100, null, 0);
    line.update(25, 3, 1, 0.5);
    assertEquals("25/100 trials (3 pruned, 1 failed)  best 0.500000  elapsed 0:30  ETA 1:30",
        line.text(30 * SECOND));
  }

  @Test
  void aLogLineIsWrittenWhileTheLineIsErasedAndTheNextUpdateDrawsItAgain() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (ProgressLine line = new ProgressLine(out, 3, null, System.nanoTime())) {
      line.update(1, 0, 0, 2.0);
      ProgressLine.whileErased(() -> out.print("a log line\n"));
      line.update(2, 0, 1, 1.0); // drawn at once, though within the redraw interval
      ProgressLine.whileErased(() -> out.print("another\n"));
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\r1/3 trials  best 2.00000  elapsed 0:00  ETA 0:00   "
        + "\r\033[Ka log line\n\r2/3 trials (0 pruned, 1 failed)  best 1.00000"), text);
    assertTrue(text.contains("\r\033[Kanother\n\r2/3 trials"), text);
    ProgressLine.whileErased(() -> out.print("after the end\n"));
    assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith(
        System.lineSeparator() + "after the end\n"), "a closed line is not erased");
  }

  @Test
  void offWhenNotInATerminal() {
    // Tests never run with a console, so the line is off whatever the setting.
    try (ProgressLine line = ProgressLine.create(true, 10, null)) {
      line.update(1, 0, 0, 1.0);
      assertEquals(null, System.console());
    }
  }
}
