package dev.gatehouse.ui.users;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.ui.common.TimeText;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One authentication method as the methods table shows it.
 *
 * @param details       the type-specific facts on one line ("Model: YubiKey 5 NFC · AAGUID: …")
 * @param facts         the same facts, label to value, for the details pane
 * @param created       when it was registered, or a note that Graph does not report it for this type
 * @param recentlyAdded registered within the admin's recent window (default {@link AuthMethod#RECENT}): attackers
 *                      who got in add their own method first
 */
public record MethodRow(String id, MethodType type, String summary, String details, Map<String, String> facts,
                        String created, String age, boolean recentlyAdded, boolean phishingResistant) {

    static MethodRow of(AuthMethod method, Instant now, ZoneId zone, Duration recentWindow) {
        String details = method.details().entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(" \u00b7 "));
        Instant created = method.created();
        return new MethodRow(method.id(), method.type(), method.summary(), details, method.details(),
                created == null ? "Not reported" : TimeText.dateTime(created, zone),
                created == null ? "" : TimeText.age(created, now, zone),
                method.addedWithin(recentWindow, now),
                method.type().phishingResistant());
    }

    /** Graph reported no registration date (phone, email, OATH), so the age is unknown, not old. */
    public boolean undated() {
        return age.isEmpty();
    }

    public String typeLabel() {
        return type.label();
    }
}
