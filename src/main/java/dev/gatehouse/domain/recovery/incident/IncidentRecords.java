package dev.gatehouse.domain.recovery.incident;

import dev.gatehouse.domain.journal.JournalEntry;
import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.RegistrationEvent;
import dev.gatehouse.domain.plan.StepStatus;
import dev.gatehouse.domain.recovery.CompromisedAccountPlaybook;
import dev.gatehouse.domain.recovery.PortalOnlySteps;
import dev.gatehouse.domain.recovery.RecoveryContext;
import dev.gatehouse.domain.recovery.RegistrationDate;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.Action;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.FoundMethod;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.HandOver;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.HandOverKind;
import dev.gatehouse.domain.recovery.incident.IncidentRecord.Outcome;
import dev.gatehouse.domain.tenant.TenantInfo;
import dev.gatehouse.domain.text.Moments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds an {@link IncidentRecord} from what a recovery reads anyway ({@link RecoveryContext}: the user, their methods
 * dated by {@link dev.gatehouse.domain.recovery.MethodDates}, the audit log's registrations) and this computer's
 * action journal. Reads nothing itself.
 */
public final class IncidentRecords {

    /** How far back the journal is read unless the admin says otherwise. */
    public static final Duration DEFAULT_SINCE = Duration.ofDays(7);

    /**
     * A method Graph dates itself has no audit entry in its {@link RegistrationDate}; a registration of the same type
     * this close to its {@code createdDateTime} is taken as its own, for who registered it and from where.
     */
    private static final Duration SAME_REGISTRATION = Duration.ofMinutes(5);

    static final String STEP_RESET = "reset-password";
    static final String PASS_ID = "temporaryAccessPassId";

    private IncidentRecords() {
    }

    /**
     * @param tenant      the tenant as Graph describes it
     * @param tenantLabel how this computer's journal names the tenant (entries of other tenants are left out)
     * @param journal     this computer's journal, any order; entries for other users and before {@code since} are left
     *                    out
     * @param madeBy      the signed-in admin as the journal names them
     */
    public static IncidentRecord of(RecoveryContext context, TenantInfo tenant, String tenantLabel,
                                    List<JournalEntry> journal, Instant since, String madeBy) {
        var profile = context.profile();
        IncidentRecord.User user = new IncidentRecord.User(profile.id(), profile.displayName(),
                profile.userPrincipalName(), profile.accountEnabled());
        List<JournalEntry> entries = journal.stream().filter(e -> Objects.equals(tenantLabel, e.tenant())
                        && context.targetId().equalsIgnoreCase(e.targetId()) && !e.at().isBefore(since))
                .sorted(Comparator.comparing(JournalEntry::at)).toList();
        List<FoundMethod> methods = context.methods().stream().map(m -> found(context, m)).toList();
        List<Action> actions = actions(entries);
        List<HandOver> handed = handedOver(context, entries);
        return new IncidentRecord(user, new IncidentRecord.Tenant(tenant.id(), tenant.displayName(), tenantLabel),
                context.now(), madeBy, since, context.recentWindow(), methods,
                Optional.ofNullable(context.unreadable().get(RecoveryContext.REGISTRATIONS)), actions, handed,
                leftToDo(context, user, methods, actions));
    }

    private static FoundMethod found(RecoveryContext context, AuthMethod method) {
        RegistrationDate date = context.registration(method);
        Optional<RegistrationEvent> event = Optional.ofNullable(date.event()).or(() -> method.created() == null
                ? Optional.empty()
                : context.registrations().stream().filter(e -> e.couldBe(method)
                        && Duration.between(e.at(), method.created()).abs().compareTo(SAME_REGISTRATION) <= 0)
                .min(Comparator.comparing(e -> Duration.between(e.at(), method.created()).abs())));
        return new FoundMethod(method.id(), method.type(), method.summary(), date.at(), date.source(),
                "Registered " + date.explanation() + ".", context.recent(method),
                context.issuedHere().of(method).orElse(null), event.flatMap(RegistrationEvent::initiator).orElse(null),
                event.flatMap(RegistrationEvent::ip).orElse(null));
    }

    private static List<Action> actions(List<JournalEntry> entries) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            Outcome outcome = outcome(entry.status());
            actions.add(new Action(entry.at(), entry.actor(), entry.plan(), entry.step(), entry.stepTitle(), outcome,
                    entry.message()));
            boolean stoppedRun = (outcome == Outcome.FAILED || outcome == Outcome.STOPPED)
                    && CompromisedAccountPlaybook.TITLE.equals(entry.plan());
            boolean continued = entries.subList(i + 1, entries.size()).stream()
                    .anyMatch(later -> Objects.equals(later.plan(), entry.plan()));
            if (stoppedRun && !continued) {
                // the executor journals only the steps it ran: the rest of the run is known by its absence
                actions.add(new Action(entry.at(), entry.actor(), entry.plan(), "later-steps",
                        "The run's later steps", Outcome.SKIPPED, "Not run: the run stopped at \u201c"
                        + entry.stepTitle() + "\u201d. Open the playbook again to continue it."));
            }
        }
        return actions;
    }

    private static Outcome outcome(String status) {
        if (status == null) {
            return Outcome.UNKNOWN;
        }
        if (status.equals(StepStatus.DONE.name())) {
            return Outcome.DONE;
        }
        if (status.equals(StepStatus.FAILED.name())) {
            return Outcome.FAILED;
        }
        if (status.equals(StepStatus.CANCELLED.name())) {
            return Outcome.STOPPED;
        }
        if (status.equals(StepStatus.NOT_RUN.name())) {
            return Outcome.SKIPPED;
        }
        return status.equals("VERIFIED") ? Outcome.VERIFIED : Outcome.UNKNOWN;
    }

    /** Read from what the journal kept of each step (ids, lifetimes, flags): it never held the values themselves. */
    private static List<HandOver> handedOver(RecoveryContext context, List<JournalEntry> entries) {
        List<HandOver> handed = new ArrayList<>();
        for (JournalEntry entry : entries) {
            if (!StepStatus.DONE.name().equals(entry.status())) {
                continue;
            }
            Object passId = entry.after().get(PASS_ID);
            if (passId != null) {
                Optional<AuthMethod> pass = context.method(passId.toString());
                Integer lifetime = entry.after().get("lifetimeMinutes") instanceof Number n ? n.intValue() : null;
                Boolean once = entry.after().get("usableOnce") instanceof Boolean b ? b : null;
                Instant expires = pass.filter(p -> p.tap() != null).map(p -> p.tap().expires())
                        .orElse(lifetime == null ? null : entry.at().plus(Duration.ofMinutes(lifetime)));
                handed.add(new HandOver(HandOverKind.TEMPORARY_ACCESS_PASS, entry.at(), entry.actor(), lifetime, once,
                        expires, passId.toString(), pass.isPresent(), false));
            } else if (STEP_RESET.equals(entry.step())) {
                handed.add(new HandOver(HandOverKind.TEMPORARY_PASSWORD, entry.at(), entry.actor(), null, null, null,
                        null, false, Boolean.TRUE.equals(entry.after().get("mustChangePassword"))));
            }
        }
        return handed;
    }

    private static List<String> leftToDo(RecoveryContext context, IncidentRecord.User user, List<FoundMethod> methods,
                                         List<Action> actions) {
        List<String> left = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            boolean unfinished = action.outcome() == Outcome.FAILED || action.outcome() == Outcome.STOPPED;
            boolean doneLater = actions.subList(i + 1, actions.size()).stream().anyMatch(later ->
                    Objects.equals(later.step(), action.step()) && later.outcome() == Outcome.DONE);
            if (unfinished && !doneLater) {
                left.add("\u201c" + action.title() + "\u201d " + action.outcome().label() + " "
                        + Moments.of(action.at()) + ": " + action.message() + " Run it again, or do it in the Entra "
                        + "admin center.");
            }
        }
        List<FoundMethod> recent = methods.stream().filter(FoundMethod::recent).toList();
        if (!recent.isEmpty()) {
            left.add("Check with " + context.targetName() + " that " + (recent.size() == 1 ? "this recently added "
                    + "method is theirs" : "these recently added methods are theirs") + ", and delete any that is not: "
                    + recent.stream().map(IncidentRecords::describe).collect(Collectors.joining(", ")) + ".");
        }
        if (!user.accountEnabled()) {
            left.add("The account is disabled: enable it once " + context.targetName() + " is ready to sign in with "
                    + "what they were handed.");
        }
        left.add(PortalOnlySteps.HARDWARE_OATH);
        left.add(PortalOnlySteps.CONFIRM_COMPROMISED);
        return left;
    }

    /** "Microsoft Authenticator 'SM-A546B'". */
    static String describe(FoundMethod method) {
        String summary = method.summary();
        return summary == null || summary.isBlank() || summary.equalsIgnoreCase(method.type().label())
                ? method.type().label() : method.type().label() + " '" + summary + "'";
    }
}
