package dev.tunable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NewsRateTest {
  private static final long MS = 1_000_000;

  @Test
  void aSteadyRateIsLearnedAndScaledByTheTimeSinceTheLastCatchUp() {
    NewsRate rate = new NewsRate(0);
    long now = 0;
    for (int i = 0; i < 50; i++) {
      now += 10 * MS;
      rate.caughtUp(20, now); // 2 events a millisecond
    }
    assertEquals(10, rate.expected(now + 5 * MS), 1e-6);
    assertEquals(200, rate.expected(now + 100 * MS), 1e-6);
    assertFalse(rate.worthReadingFirst(now + 15 * MS));
    assertTrue(rate.worthReadingFirst(now + 16 * MS));
  }

  @Test
  void nothingNewMeansNoReadFirst() {
    NewsRate rate = new NewsRate(0);
    assertEquals(0, rate.expected(1000 * MS));
    for (int i = 1; i <= 20; i++) {
      rate.caughtUp(0, i * MS);
    }
    assertFalse(rate.worthReadingFirst(3_600_000 * MS), "an hour later, still nothing expected");
  }

  @Test
  void catchUpsWithNothingNewBetweenBusyOnesAverageTheRate() {
    NewsRate rate = new NewsRate(0);
    long now = 0;
    for (int i = 0; i < 30; i++) { // a trial's end finds 100 after 50 ms; its start finds none
      now += 50 * MS;
      rate.caughtUp(100, now);
      now += MS / 10;
      rate.caughtUp(0, now);
    }
    assertEquals(100, rate.expected(now + 50 * MS), 1);
  }
}
