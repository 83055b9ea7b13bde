package dev.gatehouse.domain;

import dev.gatehouse.domain.text.Ages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AgesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    @ParameterizedTest
    @CsvSource(textBlock = """
            PT10S,      just now
            PT1M,       1 minute ago
            PT59M,      59 minutes ago
            PT1H,       1 hour ago
            PT23H,      23 hours ago
            PT24H,      yesterday
            PT47H,      yesterday
            P2D,        2 days ago
            P30D,       30 days ago
            P45D,       1 month ago
            P200D,      6 months ago
            P365D,      1 year ago
            P1200D,     3 years ago
            """)
    void describesAgesInPlainWords(String age, String expected) {
        assertThat(Ages.ago(NOW.minus(Duration.parse(age)), NOW)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void unknownAndFutureDatesAreSaidSo() {
        assertThat(Ages.ago(null, NOW)).isEqualTo("unknown");
        assertThat(Ages.ago(NOW.plusSeconds(3600), NOW)).isEqualTo("in the future");
    }
}
