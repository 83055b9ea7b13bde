package dev.gatehouse.ui.common;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class TimeTextTest {

    private static final Instant NOW = Instant.parse("2025-06-18T10:00:00Z");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    @ParameterizedTest
    @CsvSource(textBlock = """
            2025-06-18T09:59:30Z, just now
            2025-06-18T10:00:40Z, just now
            2025-06-18T09:59:00Z, 1 minute ago
            2025-06-18T09:15:00Z, 45 minutes ago
            2025-06-18T05:00:00Z, 5 hours ago
            2025-06-17T13:00:00Z, yesterday
            2025-06-17T14:01:00Z, 19 hours ago
            2025-06-15T10:00:00Z, 3 days ago
            2025-06-04T10:00:00Z, 2 weeks ago
            2025-05-18T10:00:00Z, 1 month ago
            2024-12-01T10:00:00Z, 6 months ago
            2024-06-18T10:00:00Z, 1 year ago
            2022-03-01T10:00:00Z, 3 years ago
            """)
    void agesCountCalendarDaysInTheAdminsZone(String then, String expected) {
        // 10:00Z is 20:00 in Sydney, so "yesterday" starts at 14:00Z the day before
        assertThat(TimeText.age(Instant.parse(then), NOW, SYDNEY)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            2025-06-18T10:00:00Z, '18 Jun 2025, 20:00'
            2024-12-31T13:05:00Z, '1 Jan 2025, 00:05'
            """)
    void datesAreWrittenOutInTheAdminsZone(String instant, String expected) {
        assertThat(TimeText.dateTime(Instant.parse(instant), SYDNEY)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Etc/UTC, UTC", "UTC, UTC", "Z, UTC", "GMT, UTC", "Australia/Sydney, Australia/Sydney time",
            "+02:00, UTC+02:00"})
    void aZoneIsNamedAsAnAdminReadsIt(String zone, String name) {
        assertThat(TimeText.zoneName(ZoneId.of(zone))).isEqualTo(name);
    }
}
