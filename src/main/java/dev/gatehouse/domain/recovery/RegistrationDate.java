package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.text.Moments;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a method was registered and how Gatehouse knows: Graph's own {@code createdDateTime}, else the directory
 * audit log's latest registration that can only be this method. When the log names a type the user holds several
 * undated methods of, the date is withheld and the explanation says so.
 *
 * @param at          the date, null when unknown or ambiguous
 * @param source      where the date comes from
 * @param event       the audit entry that dates it (AUDIT_LOG, AMBIGUOUS), else null
 * @param explanation one sentence for the admin, starting lower-case after "registered" ("2026-03-01T…, per …")
 */
public record RegistrationDate(Instant at, Source source, RegistrationEvent event, String explanation) {

    public enum Source {
        /** Graph's {@code createdDateTime}. */
        METHOD("createdDateTime"),
        /** The directory audit log. */
        AUDIT_LOG("directoryAudit"),
        /** The audit log has a registration that fits more than one of the user's undated methods. */
        AMBIGUOUS("ambiguous"),
        UNKNOWN("unknown");

        private final String jsonName;

        Source(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The name JSON output gives the source: the Graph property or resource the date comes from. */
        public String jsonName() {
            return jsonName;
        }
    }

    public Optional<Instant> date() {
        return Optional.ofNullable(at);
    }

    /**
     * @param undated    the user's methods Graph gives no date for
     * @param events     registrations from the audit log, any order
     * @param auditState why the log gives nothing (not read, or the days it covers), for the explanation
     */
    public static RegistrationDate of(AuthMethod method, List<AuthMethod> undated, List<RegistrationEvent> events,
                               String auditState) {
        if (method.created() != null) {
            return new RegistrationDate(method.created(), Source.METHOD, null, Moments.of(method.created()));
        }
        Optional<RegistrationEvent> latest = events.stream().filter(e -> e.couldBe(method))
                .max(java.util.Comparator.comparing(RegistrationEvent::at));
        if (latest.isEmpty()) {
            return new RegistrationDate(null, Source.UNKNOWN, null, "at an unknown time: Graph gives no date for "
                    + method.type().label() + " methods and " + auditState);
        }
        RegistrationEvent event = latest.get();
        long fitting = undated.stream().filter(event::couldBe).count();
        if (fitting > 1) {
            return new RegistrationDate(null, Source.AMBIGUOUS, event, "at an unknown time: the directory audit log "
                    + "shows \"" + event.reason() + "\" at " + Moments.of(event.at()) + ", but " + fitting + " "
                    + method.type().label() + " methods have no date, and the log does not say which one it was");
        }
        return new RegistrationDate(event.at(), Source.AUDIT_LOG, event, Moments.of(event.at()) + " (date from the directory "
                + "audit log: \"" + event.reason() + "\"" + event.initiator().map(by -> " by " + by).orElse("")
                + event.ip().map(ip -> " from " + ip).orElse("") + ")");
    }
}
