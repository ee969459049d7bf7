package dev.tunable.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The log lines written while it is open, as {@code "LEVEL logger: message"}: the tests' SLF4J
 * binding, registered through {@code META-INF/services}, keeps every line at DEBUG and above
 * that is written while a capture is open, and drops the others.
 *
 * <pre>{@code
 * try (CapturedLogs logs = CapturedLogs.open()) {
 *   study.optimize(...);
 *   assertEquals(..., logs.lines("dev.tunable.trial"));
 * }
 * }</pre>
 */
public final class CapturedLogs implements AutoCloseable {
  private static final List<CapturedLogs> OPEN = new CopyOnWriteArrayList<>();

  private final List<String> lines = new CopyOnWriteArrayList<>();

  private CapturedLogs() {}

  /** Starts capturing. */
  public static CapturedLogs open() {
    CapturedLogs logs = new CapturedLogs();
    OPEN.add(logs);
    return logs;
  }

  /** Every line so far, as {@code "LEVEL logger: message"}. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** The lines so far of the logger {@code name}, as {@code "LEVEL message"}. */
  public List<String> lines(String name) {
    List<String> of = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith(name + ": ", line.indexOf(' ') + 1)) {
        of.add(line.substring(0, line.indexOf(' ') + 1)
            + line.substring(line.indexOf(' ') + name.length() + 3));
      }
    }
    return of;
  }

  @Override
  public void close() {
    OPEN.remove(this);
  }

  /** The provider that SLF4J finds on the test class path. */
  public static final class Provider implements SLF4JServiceProvider {
    private final ILoggerFactory loggers = CapturingLogger::new;
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
      return loggers;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
      return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
      return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
      return "2.0.99";
    }

    @Override
    public void initialize() {}
  }

  /** A logger at DEBUG that hands each line to the open captures. */
  private static final class CapturingLogger extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;

    CapturingLogger(String name) {
      this.name = name;
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return !OPEN.isEmpty();
    }

    @Override
    public boolean isInfoEnabled() {
      return !OPEN.isEmpty();
    }

    @Override
    public boolean isWarnEnabled() {
      return !OPEN.isEmpty();
    }

    @Override
    public boolean isErrorEnabled() {
      return !OPEN.isEmpty();
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
        Object[] arguments, Throwable throwable) {
      String line = level + " " + name + ": "
          + MessageFormatter.basicArrayFormat(pattern, arguments);
      for (CapturedLogs logs : OPEN) {
        logs.lines.add(line);
      }
    }
  }
}
