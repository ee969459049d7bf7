package dev.tunable.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions a study records with each run: Tunable's, the JVM's and the OS's (issue 17). */
public final class Versions {
  private static final String TUNABLE = readTunable();

  private Versions() {}

  /** The version of the Tunable runtime, as its build wrote it, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String tunable() {
    return TUNABLE;
  }

  /** The JVM: its version, vendor and VM, e.g. {@code 17.0.9 (Eclipse Adoptium, OpenJDK ...)}. */
  public static String java() {
    return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
        + System.getProperty("java.vm.name") + ")";
  }

  /** The operating system, its version and architecture, e.g. {@code Linux 6.1.0 amd64}. */
  public static String os() {
    return System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch");
  }

  private static String readTunable() {
    try (InputStream in = Versions.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown"; // classes compiled outside the build, which writes the file
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "unknown");
      // an IDE that copies resources without Maven's filtering leaves the placeholder
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
