package dev.tunable.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the commands show numbers and durations. */
class TextsTest {
  @Test
  void numbersHaveSixSignificantDigitsAndPlainDigitsWhereTheyAreEasyToCount() {
    assertEquals("0.397887", Texts.number(0.39788735772973816));
    assertEquals("64", Texts.number(64.0));
    assertEquals("-2.5", Texts.number(-2.5));
    assertEquals("0", Texts.number(0.0));
    assertEquals("0.00130742", Texts.number(0.0013074221));
    assertEquals("3.34529E-4", Texts.number(3.345291e-4));
    assertEquals("1234570", Texts.number(1234567.0));
    assertEquals("1.23457E7", Texts.number(12345678.0));
    assertEquals("NaN", Texts.number(Double.NaN));
    assertEquals("-Infinity", Texts.number(Double.NEGATIVE_INFINITY));
  }

  @Test
  void durationsInTheLargestUnitThatFits() {
    assertEquals("850ms", Texts.duration(Duration.ofMillis(850)));
    assertEquals("12.3s", Texts.duration(Duration.ofMillis(12_340)));
    assertEquals("4m05s", Texts.duration(Duration.ofSeconds(245)));
    assertEquals("2h01m", Texts.duration(Duration.ofMinutes(121)));
  }
}
