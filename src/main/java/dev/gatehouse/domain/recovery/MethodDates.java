package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.RegistrationEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The one way a user's methods are dated, for the methods table, the playbook, the plans and {@code user show
 * --json} alike: Graph's {@code createdDateTime}, else the directory audit log's registrations (see
 * {@link RegistrationDate}). Graph leaves phone, email and OATH methods undated
 * (<a href="https://learn.microsoft.com/graph/api/resources/phoneauthenticationmethod">phoneAuthenticationMethod
 * resource type</a> has no {@code createdDateTime}).
 *
 * @param methods      all of the user's methods
 * @param events       the audit log's registrations for the user; empty when unread or unreadable
 * @param auditProblem why the audit log could not be read, if it could not
 * @param lookBack     how far back the log was read, for "shows no registration in the last N days"
 */
public record MethodDates(List<AuthMethod> methods, List<RegistrationEvent> events, Optional<String> auditProblem,
                          Duration lookBack) {

    public MethodDates {
        methods = List.copyOf(methods);
        events = List.copyOf(events);
    }

    /** When {@code method} was registered, and how Gatehouse knows. */
    public RegistrationDate of(AuthMethod method) {
        List<AuthMethod> undated = methods.stream().filter(AuthMethod::undated).toList();
        String auditState = auditProblem.map(why -> "the directory audit log could not be read (" + why + ")")
                .orElse("the directory audit log shows no registration of one in the last " + lookBack.toDays()
                        + " days");
        return RegistrationDate.of(method, undated, events, auditState);
    }

    /** Registered within {@code window} before {@code now}, by whichever date {@link #of} finds. */
    public boolean recent(AuthMethod method, Duration window, Instant now) {
        return of(method).date().map(at -> AuthMethod.registeredWithin(at, window, now)).orElse(false);
    }
}
