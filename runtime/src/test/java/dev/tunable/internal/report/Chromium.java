package dev.tunable.internal.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's {@code chromium}), for tests that open reports in a real browser.
 * The tests install nothing: {@code .ci/run} installs Chromium when it is missing, and without it
 * they fail, saying so.
 */
final class Chromium {
  private static final List<String> CANDIDATES =
      List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
  private static final long TIMEOUT_SECONDS = 60;

  private final Path binary;
  private final Path profile;

  private Chromium(Path binary, Path profile) {
    this.binary = binary;
    this.profile = profile;
  }

  /** The installed Chromium, with a private profile under {@code work}. */
  static Chromium find(Path work) throws IOException {
    for (String candidate : CANDIDATES) {
      Path path = Path.of(candidate);
      if (Files.isExecutable(path)) {
        return new Chromium(path, Files.createDirectories(work.resolve("chromium-profile")));
      }
    }
    throw new AssertionError("no Chromium at " + CANDIDATES + ": the report tests need a real"
        + " browser; install it (Debian: apt-get install -y chromium), as .ci/run does");
  }

  /**
   * The DOM of {@code page} once loaded and its scripts have run (virtual time lets timers
   * finish without waiting for them).
   */
  String dumpDom(Path page) throws IOException, InterruptedException {
    return run(List.of("--virtual-time-budget=5000", "--dump-dom", page.toUri().toString()));
  }

  /** A PNG of the top {@code width × height} pixels of {@code page}. */
  void screenshot(Path page, Path png, int width, int height)
      throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--virtual-time-budget=5000", page.toUri().toString()));
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      throw new AssertionError("Chromium wrote no screenshot to " + png);
    }
  }

  private String run(List<String> arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--mute-audio",
        "--user-data-dir=" + profile));
    command.addAll(arguments);
    Path err = Files.createTempFile(profile, "stderr", ".txt");
    Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not finish in " + TIMEOUT_SECONDS + " s: " + command);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError("Chromium exited with " + process.exitValue() + ": " + command
          + "\n" + Files.readString(err));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  /** How many elements of {@code dom} have {@code cls} among their classes. */
  static int count(String dom, String cls) {
    Matcher matcher = Pattern.compile("class=\"([^\"]*)\"").matcher(dom);
    int count = 0;
    while (matcher.find()) {
      for (String token : matcher.group(1).split(" ")) {
        if (token.equals(cls)) {
          count++;
        }
      }
    }
    return count;
  }

  /** The value of attribute {@code name} on the dumped {@code <body>}, or null. */
  static String bodyAttribute(String dom, String name) {
    Matcher body = Pattern.compile("<body([^>]*)>").matcher(dom);
    if (!body.find()) {
      return null;
    }
    Matcher attribute = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(body.group(1));
    return attribute.find() ? attribute.group(1) : null;
  }
}
