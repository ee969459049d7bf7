package dev.tunable.postgres;

import dev.tunable.Storages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What a {@code jdbc:postgresql:} storage URL says: the URL and properties the driver gets, and
 * the storage's own parameters, which are taken out of the URL before the driver sees it.
 *
 * <ul>
 *   <li>{@code heartbeatSeconds} (default 5): how often a storage handle updates its worker's
 *       heartbeat;
 *   <li>{@code graceSeconds} (default 30, more than {@code heartbeatSeconds}): how long after its
 *       last heartbeat a worker is still taken for alive; the beating worker's own setting counts;
 *   <li>{@code retrySeconds} (default 60): how long a call keeps reconnecting, with backoff, when
 *       the connection is lost or the server is down or restarting, before it fails.
 * </ul>
 *
 * <p>Every other parameter goes to the driver ({@code user}, {@code ssl}, {@code currentSchema},
 * {@code connectTimeout}, {@code socketTimeout}, ...). The password, when the URL has no {@code
 * password} parameter, is the system property {@value #PASSWORD_PROPERTY} or else the environment
 * variable {@code PGPASSWORD}, so that it need not be written on a command line; without any of
 * them the driver still reads {@code ~/.pgpass} (or the file {@code PGPASSFILE} names).
 *
 * @param url the URL as given, for messages: shown only through {@link Storages#mask}
 */
record Settings(
    String url,
    String driverUrl,
    Properties driverProperties,
    Duration heartbeat,
    Duration grace,
    Duration retry) {

  /** The system property a password may come from. */
  static final String PASSWORD_PROPERTY = "tunable.postgres.password";

  private static final String HEARTBEAT = "heartbeatSeconds";
  private static final String GRACE = "graceSeconds";
  private static final String RETRY = "retrySeconds";

  /**
   * The settings of {@code url}, with {@code environment} for {@code PGPASSWORD}.
   *
   * @throws IllegalArgumentException if the URL is not a {@code jdbc:postgresql:} URL or a
   *     parameter of the storage's is not a positive number; the message masks the password
   */
  static Settings parse(String url, Map<String, String> environment) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("'" + Storages.mask(url)
          + "' is not a PostgreSQL URL; write jdbc:postgresql://host:5432/database?user=name");
    }
    int question = url.indexOf('?');
    String base = question < 0 ? url : url.substring(0, question);
    List<String> passed = new ArrayList<>();
    double heartbeat = 5;
    double grace = 30;
    double retry = 60;
    boolean hasPassword = false;
    if (question >= 0) {
      for (String pair : url.substring(question + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String key = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        switch (key) {
          case HEARTBEAT -> heartbeat = seconds(url, key, value);
          case GRACE -> grace = seconds(url, key, value);
          case RETRY -> retry = seconds(url, key, value);
          default -> {
            hasPassword |= key.equals("password");
            passed.add(pair);
          }
        }
      }
    }
    if (grace <= heartbeat) {
      throw new IllegalArgumentException("in the storage URL '" + Storages.mask(url) + "', "
          + GRACE + " (" + grace + ") must be more than " + HEARTBEAT + " (" + heartbeat
          + "), or live workers would be taken for dead between two heartbeats; three times as"
          + " much or more is safe");
    }
    Properties properties = new Properties();
    if (!hasPassword) {
      String password = System.getProperty(PASSWORD_PROPERTY);
      if (password == null) {
        password = environment.get("PGPASSWORD");
      }
      if (password != null) {
        properties.setProperty("password", password);
      }
    }
    properties.setProperty("ApplicationName", "tunable");
    properties.setProperty("tcpKeepAlive", "true");
    String driverUrl = passed.isEmpty() ? base : base + "?" + String.join("&", passed);
    return new Settings(url, driverUrl, properties, duration(heartbeat), duration(grace),
        duration(retry));
  }

  private static double seconds(String url, String key, String value) {
    try {
      double seconds = Double.parseDouble(value);
      if (seconds > 0 && seconds < 1e9) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("in the storage URL '" + Storages.mask(url) + "', " + key
        + " must be a positive number of seconds, such as " + key + "=10; got '" + value + "'");
  }

  private static Duration duration(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  /** The URL with any password masked. */
  String masked() {
    return Storages.mask(url);
  }

  @Override
  public String toString() {
    return "Settings[" + masked() + "]";
  }
}
