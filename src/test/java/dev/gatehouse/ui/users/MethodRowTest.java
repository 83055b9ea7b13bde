package dev.gatehouse.ui.users;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class MethodRowTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void theDetailsColumnLeavesOutWhatTheSubtitleAlreadySays() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Number", "+1 858 555 0110");
        details.put("Phone type", "Mobile");
        details.put("SMS sign-in", "Not supported");

        MethodRow row = row(new AuthMethod("p", MethodType.PHONE, "+1 858 555 0110 (mobile)", null, details));

        assertThat(row.details()).isEqualTo("SMS sign-in: Not supported");
        assertThat(row.facts()).as("the details pane keeps every fact").containsKeys("Number", "Phone type");
    }

    @Test
    void aShortValueIsNotTakenForARepeatOfTheSubtitle() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("One-time", "Yes");
        details.put("Lifetime", "60 minutes");

        MethodRow row = row(new AuthMethod("t", MethodType.TEMPORARY_ACCESS_PASS, "Usable, one-time, 60 min (yes)",
                NOW, details));

        assertThat(row.details()).isEqualTo("One-time: Yes \u00b7 Lifetime: 60 minutes");
    }

    private static MethodRow row(AuthMethod method) {
        return MethodRow.of(method, Optional.empty(), Optional.empty(), NOW, ZoneOffset.UTC, Duration.ofDays(7));
    }
}
