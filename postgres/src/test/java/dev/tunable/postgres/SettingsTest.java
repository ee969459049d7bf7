package dev.tunable.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  private static final String URL = "jdbc:postgresql://db:5432/tunable?user=worker";

  @Test
  void theStoragesParametersAreTakenOutOfTheDriversUrl() {
    Settings settings = Settings.parse("jdbc:postgresql://db/t?heartbeatSeconds=2&user=w"
        + "&graceSeconds=7.5&ssl=true&retrySeconds=3", Map.of());
    assertEquals("jdbc:postgresql://db/t?user=w&ssl=true", settings.driverUrl());
    assertEquals(Duration.ofSeconds(2), settings.heartbeat());
    assertEquals(Duration.ofMillis(7500), settings.grace());
    assertEquals(Duration.ofSeconds(3), settings.retry());
  }

  @Test
  void defaults() {
    Settings settings = Settings.parse(URL, Map.of());
    assertEquals(URL, settings.driverUrl());
    assertEquals(Duration.ofSeconds(5), settings.heartbeat());
    assertEquals(Duration.ofSeconds(30), settings.grace());
    assertEquals(Duration.ofSeconds(60), settings.retry());
    assertNull(settings.driverProperties().getProperty("password"));
  }

  @Test
  void thePasswordComesFromTheUrlThenTheSystemPropertyThenPgpassword() {
    Map<String, String> environment = Map.of("PGPASSWORD", "from-env");
    assertEquals("from-env",
        Settings.parse(URL, environment).driverProperties().getProperty("password"));
    System.setProperty(Settings.PASSWORD_PROPERTY, "from-property");
    try {
      assertEquals("from-property",
          Settings.parse(URL, environment).driverProperties().getProperty("password"));
      Settings inUrl = Settings.parse(URL + "&password=from-url", environment);
      assertNull(inUrl.driverProperties().getProperty("password"), "the driver reads the URL's");
      assertTrue(inUrl.driverUrl().endsWith("&password=from-url"));
    } finally {
      System.clearProperty(Settings.PASSWORD_PROPERTY);
    }
  }

  @Test
  void noMessageOrStringShowsThePassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.parse(URL + "&password=s3cret&graceSeconds=soon", Map.of()));
    assertEquals("in the storage URL 'jdbc:postgresql://db:5432/tunable?user=worker"
        + "&password=***&graceSeconds=soon', graceSeconds must be a positive number of seconds,"
        + " such as graceSeconds=10; got 'soon'", e.getMessage());
    Settings settings = Settings.parse(URL + "&password=s3cret", Map.of("PGPASSWORD", "env"));
    assertFalse(settings.toString().contains("s3cret"), settings.toString());
    assertFalse(settings.masked().contains("s3cret"));
  }

  @Test
  void aGraceNoLongerThanTheHeartbeatIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.parse(URL + "&heartbeatSeconds=10&graceSeconds=10", Map.of()));
    assertTrue(e.getMessage().contains("graceSeconds (10.0) must be more than heartbeatSeconds"
        + " (10.0)"), e.getMessage());
  }

  @Test
  void aUrlOfAnotherDatabaseIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Settings.parse("jdbc:mysql://db/t?password=x", Map.of()));
    assertEquals("'jdbc:mysql://db/t?password=***' is not a PostgreSQL URL; write"
        + " jdbc:postgresql://host:5432/database?user=name", e.getMessage());
  }
}
