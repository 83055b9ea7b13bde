package dev.gatehouse.domain.recovery;

import dev.gatehouse.domain.method.AuthMethod;
import dev.gatehouse.domain.method.MethodType;
import dev.gatehouse.domain.plan.Plan;
import dev.gatehouse.domain.plan.Risk;
import dev.gatehouse.domain.plan.Step;
import dev.gatehouse.domain.procedure.Answers;
import dev.gatehouse.domain.procedure.Procedure;
import dev.gatehouse.domain.procedure.ProcedureProgress;
import dev.gatehouse.domain.procedure.Stage;
import dev.gatehouse.domain.recovery.Proposal.Status;
import dev.gatehouse.domain.signin.UserSnapshot;
import dev.gatehouse.domain.tenant.TenantDirectory;
import dev.gatehouse.domain.tenant.TenantWriter;
import dev.gatehouse.domain.text.Moments;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compromised-account playbook (seed 003's comment thread, ISM-1593/1594): one plan that disables the account,
 * ends the attacker's sessions, deletes the methods the admin marks as not the user's, deletes the rest of the
 * phone/Authenticator/OATH methods so the user re-registers, resets the password (not for passwordless users),
 * issues a Temporary Access Pass for an out-of-band hand-over, and enables the account again — in that order,
 * each step saying why it comes where it does.
 *
 * <p>A {@link Procedure} of one stage, run by the {@link dev.gatehouse.domain.procedure.ProcedureDesk}: progress is
 * saved after every step, one run at a time per user; {@link #propose} for a user with an unfinished run rebuilds
 * the plan from the choices the admin confirmed then, without the steps already done.
 */
public final class CompromisedAccountPlaybook {

    public static final String TITLE = "Compromised account";
    /** Stable: saved runs and run locks are keyed by it. */
    public static final String PROCEDURE_ID = "compromised-account";
    /** The playbook's one stage; its steps are the ones below. */
    public static final String STAGE = "recover";
    /** The answer holding the admin's {@link PlaybookChoices}. */
    public static final String CHOICES = "choices";

    static final String DISABLE = "disable";
    static final String REVOKE = "revoke-sessions";
    static final String DELETE_MARKED = "delete-marked-methods";
    static final String REREGISTER = "require-reregister";
    static final String RESET = "reset-password";
    static final String TAP = "issue-tap";
    static final String ENABLE = "enable";

    /** Step titles by id, for saying what an earlier run did even when today's plan no longer has the step. */
    private static final Map<String, String> TITLES = Map.of(DISABLE, "Disable the account",
            REVOKE, "Revoke sign-in sessions", DELETE_MARKED, "Delete the methods that are not the user's",
            REREGISTER, "Require re-register MFA", RESET, "Reset the password",
            TAP, "Issue a Temporary Access Pass", ENABLE, "Enable the account");

    private final TenantWriter writer;
    private final PasswordGenerator passwords;
    private final TenantDirectory readBack;
    private final Procedure<RecoveryContext, Proposal> procedure;

    public CompromisedAccountPlaybook(TenantWriter writer, PasswordGenerator passwords) {
        this(writer, passwords, null);
    }

    /** @param readBack reads whether a step stopped mid-way took effect; null for none */
    public CompromisedAccountPlaybook(TenantWriter writer, PasswordGenerator passwords, TenantDirectory readBack) {
        this.writer = writer;
        this.passwords = passwords;
        this.readBack = readBack;
        this.procedure = new Procedure<>(PROCEDURE_ID, TITLE, List.of(Stage.of(STAGE, TITLE,
                (read, answers, progress) -> propose(read, progress.flatMap(CompromisedAccountPlaybook::choices)
                        .or(() -> answers.get(CHOICES, PlaybookChoices.class))
                        .orElseGet(() -> defaults(read)), progress))));
    }

    /** The playbook as a procedure of one stage, for the procedure desk. */
    public Procedure<RecoveryContext, Proposal> procedure() {
        return procedure;
    }

    /** The choices an unfinished run was confirmed with. */
    public static Optional<PlaybookChoices> choices(ProcedureProgress progress) {
        return progress.answers().get(CHOICES, PlaybookChoices.class);
    }

    /** The answers a run with these choices is saved with. */
    public static Answers answers(PlaybookChoices choices) {
        return Answers.none().with(CHOICES, choices);
    }

    /** The title of one of the playbook's steps by its id ("Disable the account"), for saying what a run did. */
    public static String stepTitle(String stepId) {
        return TITLES.getOrDefault(stepId, stepId);
    }

    /**
     * The preselection: every recently added method is marked as not the user's — dated by Graph or, for phone,
     * email and OATH methods, by the directory audit log; password reset unless passwordless. A Temporary Access Pass
     * is never preselected: only an admin issues one (Gatehouse, after an earlier run, among them), so it is not what
     * an attacker registered for themselves, and the pass step replaces it anyway.
     */
    public static PlaybookChoices defaults(RecoveryContext context) {
        Set<String> recent = context.suspectMethods().stream().filter(m -> m.type().deletableInV1())
                .map(AuthMethod::id).collect(Collectors.toCollection(LinkedHashSet::new));
        return new PlaybookChoices(recent, !context.signsInWithoutPassword(),
                RecoveryPlanner.defaultTap(context).orElseThrow(), true);
    }

    /** The plan of a new run with these choices. */
    public Proposal propose(RecoveryContext context, PlaybookChoices choices) {
        return propose(context, choices, Optional.empty());
    }

    /**
     * The plan for these choices — or, when {@code unfinished} is given, for the choices that run was confirmed with
     * ({@code choices} is then ignored), without its done steps, and a message saying what was done already.
     */
    public Proposal propose(RecoveryContext context, PlaybookChoices choices, Optional<ProcedureProgress> unfinished) {
        UserSnapshot before = context.snapshot();
        if (context.actingOnSelf()) {
            return Proposal.without(RecoveryAction.RECOVER, Status.REFUSED, "The compromised-account playbook "
                    + "cannot run on your own account: it disables it and resets your password. Ask another admin.",
                    List.of(), before);
        }
        PlaybookChoices chosen = unfinished.flatMap(CompromisedAccountPlaybook::choices).orElse(choices);
        List<String> warnings = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        boolean canToggle = guard(RecoveryAction.DISABLE, context, refusals, warnings, false);
        guard(RecoveryAction.REVOKE_SESSIONS, context, refusals, warnings, true);
        guard(RecoveryAction.REQUIRE_REREGISTER, context, refusals, warnings, true);
        if (unfinished.isEmpty()) { // a run being continued keeps the pass it was confirmed with
            RecoveryPlanner.tapWithinPolicy(context, chosen.tap(), refusals, warnings);
        }
        if (!refusals.isEmpty()) {
            return Proposal.without(RecoveryAction.RECOVER, Status.REFUSED, String.join(" ", refusals), warnings,
                    before);
        }
        RecoverySteps steps = new RecoverySteps(writer, readBack, context, passwords);
        List<Step> all = new ArrayList<>();
        UserSnapshot after = before;
        boolean wasEnabled = context.profile().accountEnabled()
                || unfinished.map(p -> p.isDone(STAGE, DISABLE)).orElse(false);
        if (canToggle && context.profile().accountEnabled()) {
            all.add(why(steps.disable(DISABLE), "First, so nobody — the attacker included — can sign in or refresh "
                    + "a token while the rest runs."));
        }
        all.add(why(steps.revokeSessions(REVOKE), "Ends the sessions and refresh tokens the attacker already has; "
                + "disabling alone does not recall them."));
        List<AuthMethod> marked = context.methods().stream().filter(m -> chosen.deleteMethodIds().contains(m.id()))
                .filter(m -> m.type().deletableInV1() && m.type() != MethodType.PASSWORD).toList();
        List<AuthMethod> afterMarked = context.methods().stream().filter(m -> !marked.contains(m)).toList();
        context.methods().stream().filter(m -> context.registration(m).source() == RegistrationDate.Source.AMBIGUOUS)
                .forEach(m -> warnings.add(RecoverySteps.describe(m) + " was registered " + context.registration(m)
                        .explanation() + ": check with " + context.targetName() + " whether it is theirs."));
        if (!marked.isEmpty()) {
            List<String> dates = marked.stream().filter(context::recent).map(m -> RecoverySteps.describe(m)
                    + " was registered " + context.registration(m).explanation() + ".").toList();
            all.add(why(steps.deleteMethods(DELETE_MARKED, "Delete the methods that are not the user's", marked,
                    afterMarked, Risk.MEDIUM, dates, "Whoever registered them can no longer use them.",
                    RecoveryAction.DELETE_METHOD), "Methods an attacker registered let them back in after every "
                    + "other fix; you marked these as not the user's."));
        }
        ReRegistration split = ReRegistration.of(afterMarked);
        if (!split.deleted().isEmpty()) {
            all.add(why(steps.deleteMethods(REREGISTER, "Require re-register MFA", split.deleted(), split.kept(),
                    Risk.HIGH, List.of(), "Registers fresh methods, with the Temporary Access Pass, at "
                            + "https://aka.ms/mysecurityinfo.", RecoveryAction.REQUIRE_REREGISTER),
                    "Phone, Authenticator and OATH methods may have been changed or copied; the user registers them "
                            + "again, themselves."));
        }
        warnings.add(ReRegistration.HARDWARE_OATH_NOTE);
        warnings.add(PortalOnlySteps.CONFIRM_COMPROMISED);
        List<AuthMethod> remaining = split.kept();
        after = after.withMethods(remaining);
        if (chosen.resetPassword()) {
            all.add(why(steps.resetPassword(RESET, true), "The attacker may know the password; a new temporary one "
                    + "that the user must change at first use (ISM-1595) locks them out of it."));
            after = after.withProfile(after.profile().withPasswordChangedAt(context.now())).withMustChangePassword(true);
        } else if (context.signsInWithoutPassword()) {
            warnings.add("The password is not reset: " + context.targetName() + " signs in without one. If the "
                    + "password could still be used, reset it anyway.");
        } else {
            warnings.add("The password is not reset, as you chose: whoever knows it, the attacker included, can "
                    + "still use it.");
        }
        List<String> tapRefusals = new ArrayList<>();
        RecoveryPlanner.tapBlockers(context, tapRefusals);
        if (tapRefusals.isEmpty()) {
            all.add(why(steps.issueTap(TAP, chosen.tap(), List.of("Hand the pass over only after verifying the "
                    + "user's identity out of band: in person, or a call back to a number on file (ISM-1593)."), after.methods()),
                    "Lets the real user — and only them — sign in once and register new methods."));
            after = after.withMethods(RecoveryPlanner.withTap(after.methods(), context, chosen.tap()));
        } else {
            warnings.add("No Temporary Access Pass can be issued: " + String.join(" ", tapRefusals) + " The user "
                    + "will need another way to register new methods.");
        }
        if (canToggle && chosen.reenable() && wasEnabled) {
            all.add(why(steps.enable(ENABLE, ", now with only the methods they will register themselves."),
                    "Last, once everything the attacker had is gone, so the user can sign in with the pass."));
            after = after.withProfile(after.profile().withAccountEnabled(true));
        } else if (canToggle && !context.profile().accountEnabled() && !wasEnabled) {
            warnings.add("The account was already disabled before the playbook and stays disabled.");
        } else if (canToggle && !chosen.reenable()) {
            after = after.withProfile(after.profile().withAccountEnabled(false));
        }
        List<Step> todo = all.stream().filter(s -> unfinished.map(p -> !p.isDone(STAGE, s.id())).orElse(true))
                .toList();
        String message = unfinished.map(CompromisedAccountPlaybook::resumeMessage)
                .orElse("Recovers an account an attacker got into, in the order that leaves them no way back.");
        if (todo.isEmpty()) {
            return Proposal.without(RecoveryAction.RECOVER, Status.NOTHING_TO_DO, message
                    + " Nothing is left to do.", warnings, before);
        }
        Plan plan = new Plan(TITLE, context.targetLabel(), context.targetId(), todo, warnings);
        return new Proposal(RecoveryAction.RECOVER, Status.READY, message, Optional.of(plan), warnings,
                Optional.empty(), false, before, after, false);
    }

    private static String resumeMessage(ProcedureProgress progress) {
        String done = progress.stepIdsDone(STAGE).stream().map(CompromisedAccountPlaybook::stepTitle)
                .collect(Collectors.joining(", "));
        return "Continuing the run started " + Moments.of(progress.started()) + ". Already done: "
                + (done.isEmpty() ? "nothing" : done) + "."
                + (progress.lastProblem() == null ? "" : " It stopped at: " + progress.lastProblem())
                + (progress.isDone(STAGE, RESET) || progress.isDone(STAGE, TAP) ? " A password or pass issued then was shown "
                + "once; if nobody saw it, issue a new one." : "");
    }

    /** Runs the guardrail for one action; a refusal either blocks the playbook or, for optional steps, warns. */
    private static boolean guard(RecoveryAction action, RecoveryContext context, List<String> refusals,
                                 List<String> warnings, boolean required) {
        AccessCheck check = Guardrails.check(action, context);
        for (String warning : check.warnings()) {
            if (!warnings.contains(warning)) {
                warnings.add(warning);
            }
        }
        if (check.allowed()) {
            return true;
        }
        (required ? refusals : warnings).add(check.refusal().orElseThrow());
        return false;
    }

    private static Step why(Step step, String reason) {
        return new Step(step.id(), step.title(), "Why here: " + reason + " " + step.effect(), step.userExperience(),
                step.requests(), step.access(), step.reversibility(), step.risk(), step.warnings(), step.action(),
                step.check());
    }
}
