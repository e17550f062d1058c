package dev.backcoach.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TestClockTest {
    static final Instant NOON = Instant.parse("2026-03-27T12:00:00Z");

    @Test
    void aStoppedClockMovesOnlyWhenTold() {
        TestClock clock = TestClock.at(NOON);
        assertThat(clock.instant()).isEqualTo(NOON);
        clock.advance(Duration.ofHours(8));
        assertThat(clock.instant()).isEqualTo(NOON.plus(Duration.ofHours(8)));
        clock.set(NOON);
        assertThat(clock.instant()).isEqualTo(NOON);
    }

    @Test
    void aRunningClockRunsOnFromWhereItWasSet() {
        TestClock clock = TestClock.running(NOON);
        clock.set(NOON.plus(Duration.ofDays(1)));
        Instant first = clock.instant();
        assertThat(first)
                .isBetween(
                        NOON.plus(Duration.ofDays(1)),
                        NOON.plus(Duration.ofDays(1)).plusSeconds(60));
        assertThat(clock.instant()).isAfterOrEqualTo(first);
    }

    @Test
    void aZoneViewSharesTheTimeAndShowsItsOwnLocalTime() {
        TestClock utc = TestClock.at(NOON);
        TestClock berlin = utc.withZone(ZoneId.of("Europe/Berlin"));
        assertThat(LocalTime.now(berlin)).isEqualTo(LocalTime.of(13, 0));
        utc.advance(Duration.ofHours(7));
        assertThat(LocalTime.now(berlin))
                .as("set through one view, seen through the other")
                .isEqualTo(LocalTime.of(20, 0));
        assertThat(berlin.getZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }
}
