package dev.gatehouse.domain.recovery.incident;

import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.recovery.RegistrationDate;
import dev.gatehouse.domain.tap.TapIssue;
import dev.gatehouse.domain.text.Moments;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The help desk's record of an incident on one user, for the ticket: who, what was found, what was done, what the user
 * was handed, what is left to do. Assembled by {@link IncidentRecords} from the reads a recovery makes anyway and this
 * computer's action journal; rendered by {@link IncidentRecordMarkdown}, {@link IncidentRecordHtml} and
 * {@link IncidentRecordJson}. It holds no secret: the journal never holds one, and a hand-over is described by its
 * kind, lifetime and expiry only.
 *
 * @param tenant       the tenant as Graph names it, and as this computer's journal does
 * @param made         when the record was made
 * @param madeBy       the signed-in admin who made it (user principal name, else object id)
 * @param since        the journal is read from this moment on
 * @param recentWindow a method registered within this window before {@code made} counts as recently added
 * @param auditProblem why the directory audit log could not be read; empty when it was
 */
public record IncidentRecord(User user, Tenant tenant, Instant made, String madeBy, Instant since,
                             Duration recentWindow, List<FoundMethod> methods, Optional<String> auditProblem,
                             List<Action> actions, List<HandOver> handedOver, List<String> leftToDo) {

    public IncidentRecord {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(made, "made");
        Objects.requireNonNull(since, "since");
        methods = List.copyOf(methods);
        auditProblem = auditProblem == null ? Optional.empty() : auditProblem;
        actions = List.copyOf(actions);
        handedOver = List.copyOf(handedOver);
        leftToDo = List.copyOf(leftToDo);
    }

    /** The methods registered within the recent window and not issued by this admin from Gatehouse. */
    public List<FoundMethod> recentMethods() {
        return methods.stream().filter(FoundMethod::recent).toList();
    }

    public record User(String id, String displayName, String userPrincipalName, boolean accountEnabled) {

        /** "Alex Wilber (alex.wilber@…)", or whichever of the two Graph gave. */
        public String label() {
            boolean named = displayName != null && !displayName.isBlank();
            if (userPrincipalName == null || userPrincipalName.isBlank()) {
                return named ? displayName : id;
            }
            return named ? displayName + " (" + userPrincipalName + ")" : userPrincipalName;
        }
    }

    /** @param label how Gatehouse names the tenant in its messages and journal ("demo tenant", a domain) */
    public record Tenant(String id, String displayName, String label) {
    }

    /**
     * One of the user's methods now, dated the one way the app dates methods.
     *
     * @param registered  when it was registered; null when unknown
     * @param source      where that date comes from
     * @param explanation "registered …" in words, with the audit log's entry when it dates the method
     * @param recent      registered within the recent window and not issued by this admin from Gatehouse
     * @param issuedByYou when the signed-in admin issued it from Gatehouse on this computer; null otherwise
     * @param initiatedBy who registered it, as the directory audit log says (a user's UPN or an app's name); else null
     * @param ipAddress   where from, when the audit log says; else null
     */
    public record FoundMethod(String id, MethodType type, String summary, Instant registered,
                              RegistrationDate.Source source, String explanation, boolean recent, Instant issuedByYou,
                              String initiatedBy, String ipAddress) {
    }

    /** What came of a journaled step. */
    public enum Outcome {
        DONE("done"),
        FAILED("failed"),
        STOPPED("stopped"),
        SKIPPED("skipped"),
        VERIFIED("already done, nothing sent"),
        UNKNOWN("unknown");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One step Gatehouse ran on the user, from the journal.
     *
     * @param at      when it ran (for a skipped step, when the run stopped)
     * @param actor   the admin who ran it
     * @param plan    the plan it belonged to ("Compromised account", "Reset password")
     * @param step    the step's stable id
     * @param message what the step reported: the result, the failure's reason, or why it was skipped
     */
    public record Action(Instant at, String actor, String plan, String step, String title, Outcome outcome,
                         String message) {
    }

    /** The kinds of credential a recovery hands the user. */
    public enum HandOverKind {
        TEMPORARY_ACCESS_PASS("Temporary Access Pass"),
        TEMPORARY_PASSWORD("Temporary password");

        private final String label;

        HandOverKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A credential issued for the user to be handed: never its value.
     *
     * @param lifetimeMinutes the pass's lifetime; null for a password
     * @param usableOnce      whether the pass is one-time; null for a password
     * @param expires         when the pass stops working, when known; null for a password
     * @param methodId        the pass's method id; null for a password
     * @param stillRegistered whether the pass is still among the user's methods now (false once used up or deleted)
     * @param mustChange      whether the password must be changed at the next sign-in; false for a pass
     */
    public record HandOver(HandOverKind kind, Instant at, String by, Integer lifetimeMinutes, Boolean usableOnce,
                           Instant expires, String methodId, boolean stillRegistered, boolean mustChange) {

        /** The hand-over in one sentence without its value. */
        public String description() {
            if (kind == HandOverKind.TEMPORARY_PASSWORD) {
                return "A temporary password" + (mustChange ? ", which the user must change at their next sign-in"
                        : "") + ". Its value was shown once to " + by + " and is not recorded.";
            }
            StringBuilder text = new StringBuilder("A ");
            text.append(Boolean.FALSE.equals(usableOnce) ? "multi-use" : "one-time").append(" Temporary Access Pass");
            if (lifetimeMinutes != null) {
                text.append(", valid for ").append(TapIssue.minutes(lifetimeMinutes));
            }
            if (expires != null) {
                text.append(", until ").append(Moments.of(expires));
            }
            text.append(stillRegistered ? "" : "; no longer among the user's methods (used up, expired or deleted)");
            return text.append(". Its value was shown once to ").append(by).append(" and is not recorded.").toString();
        }
    }
}
