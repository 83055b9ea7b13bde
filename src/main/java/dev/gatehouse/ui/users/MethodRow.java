package dev.gatehouse.ui.users;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.recovery.RegistrationDate;
import dev.gatehouse.ui.common.TimeText;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One authentication method as the methods table shows it.
 *
 * @param details       the type-specific facts on one line ("Model: YubiKey 5 NFC · AAGUID: …")
 * @param facts         the same facts, label to value, for the details pane
 * @param created       when it was registered, or a note that Graph does not report it for this type
 * @param datedFromAuditLog Graph gave no date; {@code created} comes from the directory audit log's registration
 * @param recentlyAdded registered within the admin's recent window (default {@link AuthMethod#RECENT}) and not
 *                      issued by this admin: attackers who got in add their own method first
 * @param issuedByYou   "Issued by you, 6 Dec 2026, 12:55" for a pass or password this admin issued from Gatehouse
 *                      (the journal says so); empty otherwise
 */
public record MethodRow(String id, MethodType type, String summary, String details, Map<String, String> facts,
                        String created, String age, boolean recentlyAdded, boolean phishingResistant,
                        boolean datedFromAuditLog, String issuedByYou) {

    static MethodRow of(AuthMethod method, Instant now, ZoneId zone, Duration recentWindow) {
        return of(method, Optional.empty(), Optional.empty(), now, zone, recentWindow);
    }

    /**
     * @param registration where Graph gives no date, what the directory audit log says (or why it says nothing);
     *                     empty when the log has not been read
     * @param issuedHere   when this admin issued the method from Gatehouse, if they did
     */
    static MethodRow of(AuthMethod method, Optional<RegistrationDate> registration, Optional<Instant> issuedHere,
                        Instant now, ZoneId zone, Duration recentWindow) {
        String details = method.details().entrySet().stream()
                .filter(entry -> !saidIn(method.summary(), entry.getValue()))
                .map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(" \u00b7 "));
        Map<String, String> facts = new LinkedHashMap<>(method.details());
        Instant created = method.created();
        boolean fromAudit = false;
        if (created == null && registration.isPresent()) {
            RegistrationDate audit = registration.get();
            created = audit.date().orElse(null);
            if (audit.source() == RegistrationDate.Source.AUDIT_LOG) {
                fromAudit = true;
                RegistrationEvent event = audit.event();
                facts.put("Registered", "\"" + event.reason() + "\"" + event.initiator().map(by -> " by " + by).orElse("")
                        + event.ip().map(ip -> " from " + ip).orElse(""));
            } else {
                facts.put("Date", "Unknown " + audit.explanation().replaceFirst("^at an unknown time", "").strip());
            }
        }
        return new MethodRow(method.id(), method.type(), method.summary(), details, facts,
                created == null ? "Not reported" : TimeText.dateTime(created, zone),
                created == null ? "" : TimeText.age(created, now, zone),
                issuedHere.isEmpty() && created != null && AuthMethod.registeredWithin(created, recentWindow, now),
                method.type().phishingResistant(), fromAudit, issuedHere.map(at -> issuedByYou(at, zone)).orElse(""));
    }

    /**
     * Whether the subtitle under the method's name already says this value ("+1 858 555 0110 (mobile)" says the
     * number and "Mobile"), so the one-line details leave it out. Short values ("Yes") are never taken for a repeat.
     */
    private static boolean saidIn(String summary, String value) {
        return value.length() > 3 && summary.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
    }

    /** "Issued by you, 6 Dec 2026, 12:55": the same words in the table and the playbook. */
    static String issuedByYou(Instant at, ZoneId zone) {
        return "Issued by you, " + TimeText.dateTime(at, zone);
    }

    /** Graph reported no registration date (phone, email, OATH), so the age is unknown, not old. */
    public boolean undated() {
        return age.isEmpty();
    }

    public String typeLabel() {
        return type.label();
    }
}
